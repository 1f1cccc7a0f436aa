/**
 * Reads a chip CCCD through any APDU transport (a PC/SC reader or the simulator): selects the
 * eMRTD application, runs Basic Access Control, then reads EF.COM, DG1, DG13 and EF.SOD under
 * secure messaging and checks them by passive authentication. Every failure is one of the typed
 * errors of errors.ts; nothing read from the card goes into an error or a log.
 */
import { randomBytes, type X509Certificate } from 'node:crypto';
import { parseDg13, type Dg13 } from '../cccd/dg13.ts';
import { children, find, readTlv, tlvTotalLength } from '../cccd/tlv.ts';
import { decodeResponse, encodeCommand, swHex, SW, type ApduTransport, type Command, type Response } from './apdu.ts';
import { bacKeys, completeMutualAuth, mutualAuthData, type BacInput } from './bac.ts';
import { ChipError, ChipMrzMismatchError, ChipTamperedError, ChipTornReadError, ChipUnsupportedCardError, ChipWrongKeyError } from './errors.ts';
import { EF, EMRTD_AID } from './files.ts';
import { SecureMessaging, SecureMessagingError } from './sm.ts';
import { parseSod, passiveAuthentication, type PassiveAuthentication } from './sod.ts';

export type ChipReadOptions = {
  /** the centre's CSCA certificates; without them the signer is not verified */
  csca?: X509Certificate[];
  /** the MRZ printed on the card (scanned), which DG1 must match */
  expectedMrz?: string;
  random?: (n: number) => Buffer;
  /** bytes per READ BINARY */
  chunk?: number;
};

export type ChipRead = {
  com: { ldsVersion: string; unicodeVersion: string; tags: number[] };
  /** DG1: the MRZ as the chip holds it, 90 characters */
  mrz: string;
  dg13: Dg13;
  passive: PassiveAuthentication;
};

class Session {
  private sm: SecureMessaging | null = null;
  constructor(private readonly transport: ApduTransport) {}

  async send(c: Command): Promise<Response> {
    let raw: Uint8Array;
    try {
      raw = await this.transport.transmit(this.sm ? this.sm.protect(c) : encodeCommand(c));
    } catch (e) {
      if (e instanceof ChipError) throw e;
      throw new ChipTornReadError(e instanceof Error ? e.message : String(e));
    }
    if (!this.sm) return decodeResponse(raw);
    try {
      return this.sm.unprotect(raw);
    } catch (e) {
      throw new ChipTornReadError(e instanceof SecureMessagingError ? e.message : String(e));
    }
  }

  secure(sm: SecureMessaging): void {
    this.sm = sm;
  }
}

async function readFile(s: Session, fid: number, chunk: number): Promise<Buffer> {
  const sel = await s.send({ cla: 0x00, ins: 0xa4, p1: 0x02, p2: 0x0c, data: Buffer.from([fid >> 8, fid & 0xff]) });
  if (sel.sw === SW.FILE_NOT_FOUND) throw new ChipUnsupportedCardError(`EF ${fid.toString(16)} not found`);
  if (sel.sw !== SW.OK) throw new ChipTornReadError(`SELECT ${fid.toString(16)}: ${swHex(sel.sw)}`);
  const parts: Buffer[] = [];
  let have = 0;
  let total: number | null = null;
  while (total === null || have < total) {
    const want = total === null ? 4 : Math.min(chunk, total - have);
    const r = await s.send({ cla: 0x00, ins: 0xb0, p1: (have >> 8) & 0x7f, p2: have & 0xff, le: want });
    if (r.sw !== SW.OK && r.sw !== 0x6282) throw new ChipTornReadError(`READ BINARY ${fid.toString(16)}@${have}: ${swHex(r.sw)}`);
    if (r.data.length === 0) throw new ChipTornReadError(`READ BINARY ${fid.toString(16)}@${have}: no data`);
    parts.push(r.data);
    have += r.data.length;
    if (total === null) {
      total = tlvTotalLength(Buffer.concat(parts));
      if (total === null) throw new ChipTamperedError(`EF ${fid.toString(16)}: no TLV header`);
      if (total > 0x7fff) throw new ChipUnsupportedCardError(`EF ${fid.toString(16)} too long`);
    }
  }
  return Buffer.concat(parts).subarray(0, total);
}

export async function readChip(transport: ApduTransport, bac: BacInput, opts: ChipReadOptions = {}): Promise<ChipRead> {
  const random = opts.random ?? randomBytes;
  const chunk = opts.chunk ?? 0xa0;
  const s = new Session(transport);

  const app = await s.send({ cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x0c, data: EMRTD_AID });
  if (app.sw !== SW.OK) throw new ChipUnsupportedCardError(`SELECT eMRTD: ${swHex(app.sw)}`);
  const ch = await s.send({ cla: 0x00, ins: 0x84, p1: 0x00, p2: 0x00, le: 8 });
  if (ch.sw !== SW.OK || ch.data.length !== 8) throw new ChipUnsupportedCardError(`GET CHALLENGE: ${swHex(ch.sw)}`);

  const keys = bacKeys(bac.documentNumber, bac.dateOfBirth, bac.dateOfExpiry);
  const rndIfd = random(8);
  const kIfd = random(16);
  const ma = await s.send({ cla: 0x00, ins: 0x82, p1: 0x00, p2: 0x00, data: mutualAuthData(keys, ch.data, rndIfd, kIfd), le: 0x28 });
  if (ma.sw === SW.AUTH_FAILED || ma.sw === SW.SECURITY_NOT_SATISFIED || ma.sw === SW.SM_INCORRECT || (ma.sw & 0xfff0) === 0x63c0) {
    throw new ChipWrongKeyError(`MUTUAL AUTHENTICATE: ${swHex(ma.sw)}`);
  }
  if (ma.sw !== SW.OK) throw new ChipUnsupportedCardError(`MUTUAL AUTHENTICATE: ${swHex(ma.sw)}`);
  const session = completeMutualAuth(keys, ch.data, rndIfd, kIfd, ma.data);
  if (!session) throw new ChipWrongKeyError('MUTUAL AUTHENTICATE: answer does not authenticate');
  s.secure(new SecureMessaging(session));

  const comBytes = await readFile(s, EF.COM, chunk);
  const com = parseCom(comBytes);
  if (!com.tags.includes(0x61) || !com.tags.includes(0x6d)) throw new ChipUnsupportedCardError('EF.COM lists no DG1/DG13');
  const dg1 = await readFile(s, EF.DG1, chunk);
  const dg13 = await readFile(s, EF.DG13, chunk);
  const sod = parseSod(await readFile(s, EF.SOD, chunk));
  const passive = passiveAuthentication(sod, new Map([[1, dg1], [13, dg13]]), opts.csca ?? []);

  let mrz: string;
  let fields: Dg13;
  try {
    const d1 = find(children(readTlv(dg1).tlv), 0x5f1f);
    if (!d1) throw new Error('DG1 without MRZ');
    mrz = Buffer.from(d1.value).toString('latin1');
    fields = parseDg13(dg13);
  } catch (e) {
    throw new ChipTamperedError(`data group unreadable: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (opts.expectedMrz !== undefined) {
    const norm = (m: string) => m.toUpperCase().replace(/\s+/g, '');
    if (norm(opts.expectedMrz) !== norm(mrz)) throw new ChipMrzMismatchError('DG1 differs from the printed MRZ');
  }
  return { com, mrz, dg13: fields, passive };
}

function parseCom(bytes: Uint8Array): ChipRead['com'] {
  try {
    const { tlv: root } = readTlv(bytes);
    if (root.tag !== 0x60) throw new Error('tag 60 expected');
    const kids = children(root);
    const text = (tag: number) => Buffer.from(find(kids, tag)?.value ?? []).toString('latin1');
    return { ldsVersion: text(0x5f01), unicodeVersion: text(0x5f36), tags: Array.from(find(kids, 0x5c)?.value ?? []) };
  } catch (e) {
    throw new ChipUnsupportedCardError(`EF.COM: ${e instanceof Error ? e.message : String(e)}`);
  }
}
