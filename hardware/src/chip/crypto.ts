/**
 * The BAC cipher suite (ICAO 9303 part 11, 9.8): two-key 3DES in CBC mode with a zero IV,
 * ISO/IEC 9797-1 MAC algorithm 3 (the "retail MAC", single DES CBC then 3DES on the last block)
 * and padding method 2 (0x80 then zeros to a multiple of 8). Node's OpenSSL 3 has no single-DES
 * cipher by default, so single DES is done as EDE with both halves equal (E_K(D_K(E_K(x))) = E_K(x)).
 */
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

const ZERO_IV = Buffer.alloc(8);

export function pad(data: Uint8Array): Buffer {
  const n = 8 - (data.length % 8);
  return Buffer.concat([Buffer.from(data), Buffer.from([0x80]), Buffer.alloc(n - 1)]);
}

/** Strips padding method 2; null when the padding is not there. */
export function unpad(data: Uint8Array): Buffer | null {
  let i = data.length - 1;
  while (i >= 0 && data[i] === 0) i--;
  if (i < 0 || data[i] !== 0x80) return null;
  return Buffer.from(data.subarray(0, i));
}

function run(decrypt: boolean, alg: string, key: Uint8Array, iv: Uint8Array | null, data: Uint8Array): Buffer {
  const c = decrypt ? createDecipheriv(alg, key, iv) : createCipheriv(alg, key, iv);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(data), c.final()]);
}

/** 3DES-CBC, zero IV, data already a multiple of 8 bytes. */
export function tdesEncrypt(key16: Uint8Array, data: Uint8Array): Buffer {
  return run(false, 'des-ede-cbc', key16, ZERO_IV, data);
}

export function tdesDecrypt(key16: Uint8Array, data: Uint8Array): Buffer {
  return run(true, 'des-ede-cbc', key16, ZERO_IV, data);
}

/** ISO/IEC 9797-1 MAC algorithm 3 with DES over data already padded (method 2): 8 bytes. */
export function retailMac(key16: Uint8Array, padded: Uint8Array): Buffer {
  if (padded.length === 0 || padded.length % 8) throw new Error('retail MAC: data must be padded to 8 bytes');
  const ka = Buffer.from(key16.subarray(0, 8));
  let h: Buffer = Buffer.alloc(8);
  if (padded.length > 8) {
    const cbc = run(false, 'des-ede-cbc', Buffer.concat([ka, ka]), ZERO_IV, padded.subarray(0, padded.length - 8));
    h = cbc.subarray(cbc.length - 8);
  }
  const last = Buffer.from(padded.subarray(padded.length - 8));
  for (let i = 0; i < 8; i++) last[i]! ^= h[i]!;
  // Final block: E_Ka(D_Kb(E_Ka(x))), i.e. two-key 3DES.
  return run(false, 'des-ede-ecb', key16, null, last);
}

/** Sets each byte's low bit so the byte has odd parity, as DES keys must. */
export function adjustParity(key: Uint8Array): Buffer {
  const out = Buffer.from(key);
  for (let i = 0; i < out.length; i++) {
    const b = out[i]! & 0xfe;
    let ones = 0;
    for (let v = b; v; v >>= 1) ones += v & 1;
    out[i] = b | (ones % 2 === 0 ? 1 : 0);
  }
  return out;
}

export function sha1(data: Uint8Array): Buffer {
  return createHash('sha1').update(data).digest();
}

/** ICAO 9303 part 11, 9.7.1: a 3DES key from a key seed and a counter (1: encryption, 2: MAC). */
export function deriveKey(seed: Uint8Array, counter: 1 | 2): Buffer {
  const d = Buffer.concat([Buffer.from(seed), Buffer.from([0, 0, 0, counter])]);
  return adjustParity(sha1(d).subarray(0, 16));
}

export function xor(a: Uint8Array, b: Uint8Array): Buffer {
  const out = Buffer.alloc(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}
