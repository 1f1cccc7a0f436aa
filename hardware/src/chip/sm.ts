/**
 * Secure messaging for BAC (ICAO 9303 part 11, 9.8): every command after mutual authentication
 * is sent with its data encrypted in DO'87', the expected length in DO'97' and a retail MAC over
 * the send sequence counter, the masked header and those objects in DO'8E'; every response is
 * checked the same way (DO'87', DO'99' with the status, DO'8E'). The counter goes up by one for
 * each command and each response.
 */
import { concat, encodeLength, find, readAll } from '../cccd/tlv.ts';
import type { Command, Response } from './apdu.ts';
import { pad, retailMac, tdesDecrypt, tdesEncrypt, unpad } from './crypto.ts';
import type { SessionKeys } from './bac.ts';

export class SecureMessagingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecureMessagingError';
  }
}

function incrementSsc(ssc: Buffer): void {
  for (let i = ssc.length - 1; i >= 0; i--) {
    ssc[i] = (ssc[i]! + 1) & 0xff;
    if (ssc[i] !== 0) break;
  }
}

function tlvBuf(tag: number, value: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(value.length), value]);
}

/** One side's secure-messaging state; the card simulator uses the same class for its half. */
export class SecureMessaging {
  readonly ssc: Buffer;

  constructor(private readonly keys: SessionKeys) {
    this.ssc = Buffer.from(keys.ssc);
  }

  private mac(data: Uint8Array): Buffer {
    incrementSsc(this.ssc);
    return retailMac(this.keys.ksMac, pad(Buffer.concat([this.ssc, data])));
  }

  /** The reader wraps a plain command. */
  protect(c: Command): Buffer {
    const header = Buffer.from([c.cla | 0x0c, c.ins, c.p1, c.p2]);
    const do87 = c.data && c.data.length ? tlvBuf(0x87, Buffer.concat([Buffer.from([0x01]), tdesEncrypt(this.keys.ksEnc, pad(c.data))])) : Buffer.alloc(0);
    const do97 = c.le !== undefined ? tlvBuf(0x97, Buffer.from([c.le & 0xff])) : Buffer.alloc(0);
    const cc = this.mac(Buffer.concat([pad(header), do87, do97]));
    const body = Buffer.concat([do87, do97, tlvBuf(0x8e, cc)]);
    return Buffer.concat([header, Buffer.from([body.length]), body, Buffer.from([0x00])]);
  }

  /** The reader checks and opens the card's protected response. */
  unprotect(raw: Uint8Array): Response {
    if (raw.length === 2) {
      // A plain status: the card dropped secure messaging (6987/6988) or refused outright.
      return { data: Buffer.alloc(0), sw: (raw[0]! << 8) | raw[1]! };
    }
    const body = raw.subarray(0, raw.length - 2);
    const dos = readAll(body);
    const do87 = find(dos, 0x87);
    const do99 = find(dos, 0x99);
    const do8e = find(dos, 0x8e);
    if (!do99 || !do8e) throw new SecureMessagingError('response without DO99/DO8E');
    const macd = concat(...(do87 ? [do87.raw] : []), do99.raw);
    if (!this.mac(macd).equals(Buffer.from(do8e.value))) throw new SecureMessagingError('response MAC does not verify');
    const sw = (do99.value[0]! << 8) | do99.value[1]!;
    if (!do87) return { data: Buffer.alloc(0), sw };
    if (do87.value[0] !== 0x01) throw new SecureMessagingError('DO87 without padding indicator');
    const plain = unpad(tdesDecrypt(this.keys.ksEnc, do87.value.subarray(1)));
    if (!plain) throw new SecureMessagingError('DO87 padding');
    return { data: plain, sw };
  }

  /** The card opens a protected command: null when its MAC or form is wrong (answer 6988). */
  openCommand(raw: Uint8Array): Command | null {
    if (raw.length < 6 || (raw[0]! & 0x0c) !== 0x0c) return null;
    const header = Buffer.from(raw.subarray(0, 4));
    const lc = raw[4]!;
    // Lc must cover the data objects exactly (then Le, or nothing): a wrong length is a malformed command.
    if (raw.length !== 5 + lc && raw.length !== 6 + lc) return null;
    const body = raw.subarray(5, 5 + lc);
    let dos;
    try {
      dos = readAll(body);
    } catch {
      return null;
    }
    const do87 = find(dos, 0x87);
    const do97 = find(dos, 0x97);
    const do8e = find(dos, 0x8e);
    if (!do8e) return null;
    const macd = Buffer.concat([pad(header), ...(do87 ? [do87.raw] : []), ...(do97 ? [do97.raw] : [])]);
    if (!this.mac(macd).equals(Buffer.from(do8e.value))) return null;
    const c: Command = { cla: header[0]! & ~0x0c, ins: header[1]!, p1: header[2]!, p2: header[3]! };
    if (do87) {
      const plain = unpad(tdesDecrypt(this.keys.ksEnc, do87.value.subarray(1)));
      if (!plain) return null;
      c.data = plain;
    }
    if (do97) c.le = do97.value[0] ?? 0;
    return c;
  }

  /** The card wraps its answer. */
  protectResponse(data: Uint8Array, sw: number): Buffer {
    const do87 = data.length ? tlvBuf(0x87, Buffer.concat([Buffer.from([0x01]), tdesEncrypt(this.keys.ksEnc, pad(data))])) : Buffer.alloc(0);
    const do99 = tlvBuf(0x99, Buffer.from([sw >> 8, sw & 0xff]));
    const cc = this.mac(Buffer.concat([do87, do99]));
    return Buffer.concat([do87, do99, tlvBuf(0x8e, cc), Buffer.from([sw >> 8, sw & 0xff])]);
  }
}
