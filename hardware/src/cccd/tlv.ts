/**
 * BER-TLV as ISO 7816-4 and ICAO 9303 use it (multi-byte tags, definite lengths), also enough
 * DER for EF.SOD's CMS structures. Pure: bytes in, nodes out; `raw` keeps each node's own
 * encoding so a signature can be checked over exactly the bytes that were signed.
 */
export type Tlv = {
  tag: number;
  constructed: boolean;
  /** the value bytes */
  value: Uint8Array;
  /** the whole encoding: tag, length and value */
  raw: Uint8Array;
};

export class TlvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TlvError';
  }
}

/** Reads one TLV at `offset`; `end` is where the TLV is the following one. */
export function readTlv(bytes: Uint8Array, offset = 0): { tlv: Tlv; end: number } {
  let i = offset;
  if (i >= bytes.length) throw new TlvError('TLV: no tag');
  const first = bytes[i++]!;
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    let b: number;
    do {
      if (i >= bytes.length) throw new TlvError('TLV: tag runs past the end');
      b = bytes[i++]!;
      tag = tag * 256 + b;
    } while (b & 0x80);
  }
  if (i >= bytes.length) throw new TlvError('TLV: no length');
  let len = bytes[i++]!;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3) throw new TlvError('TLV: unsupported length form');
    len = 0;
    for (let k = 0; k < n; k++) {
      if (i >= bytes.length) throw new TlvError('TLV: length runs past the end');
      len = len * 256 + bytes[i++]!;
    }
  }
  const end = i + len;
  if (end > bytes.length) throw new TlvError('TLV: value runs past the end');
  return { tlv: { tag, constructed: (first & 0x20) !== 0, value: bytes.subarray(i, end), raw: bytes.subarray(offset, end) }, end };
}

/** Every TLV in `bytes`, one after another (the children of a constructed value). */
export function readAll(bytes: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  let i = 0;
  while (i < bytes.length) {
    // ISO 7816 allows 00 / FF padding between data objects.
    if (bytes[i] === 0x00 || bytes[i] === 0xff) {
      i++;
      continue;
    }
    const { tlv, end } = readTlv(bytes, i);
    out.push(tlv);
    i = end;
  }
  return out;
}

export function children(t: Tlv): Tlv[] {
  return readAll(t.value);
}

/** The first child with this tag, or undefined. */
export function find(list: Tlv[], tag: number): Tlv | undefined {
  return list.find((t) => t.tag === tag);
}

/** How many bytes the TLV starting at `bytes` takes in all, from its tag and length only (null: need more bytes). */
export function tlvTotalLength(bytes: Uint8Array): number | null {
  let i = 0;
  if (bytes.length < 2) return null;
  if ((bytes[i++]! & 0x1f) === 0x1f) {
    while (i < bytes.length && bytes[i]! & 0x80) i++;
    i++;
  }
  if (i >= bytes.length) return null;
  let len = bytes[i++]!;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (i + n > bytes.length) return null;
    len = 0;
    for (let k = 0; k < n; k++) len = len * 256 + bytes[i++]!;
  }
  return i + len;
}

export function encodeLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  if (n < 0x100) return Uint8Array.of(0x81, n);
  if (n < 0x10000) return Uint8Array.of(0x82, n >> 8, n & 0xff);
  return Uint8Array.of(0x83, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
}

function tagBytes(tag: number): Uint8Array {
  const out: number[] = [];
  let t = tag;
  do {
    out.unshift(t & 0xff);
    t = Math.floor(t / 256);
  } while (t > 0);
  return Uint8Array.from(out);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let i = 0;
  for (const p of parts) {
    out.set(p, i);
    i += p.length;
  }
  return out;
}

/** One TLV; `value` may be several already-encoded TLVs. */
export function tlv(tag: number, ...value: Uint8Array[]): Uint8Array {
  const v = concat(...value);
  return concat(tagBytes(tag), encodeLength(v.length), v);
}

export function toHex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export function fromHex(h: string): Uint8Array {
  const clean = h.replace(/\s+/g, '');
  if (clean.length % 2 || /[^0-9a-f]/i.test(clean)) throw new TlvError('not hex');
  return Uint8Array.from(clean.match(/../g) ?? [], (x) => parseInt(x, 16));
}
