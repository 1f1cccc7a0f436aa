/**
 * A virtual eMRTD chip: built from identity data (the MRZ and the DG13 fields), it answers the
 * same APDUs a CCCD chip does — SELECT of the eMRTD application and of EFs by file id, GET
 * CHALLENGE, MUTUAL AUTHENTICATE, READ BINARY — under BAC secure messaging, with the status words
 * a card gives (9000, 6300, 6982, 6985, 6987, 6988, 6A82, 6B00, 6D00). Modes: `wrong-key` (the
 * card's access keys are not the MRZ's, so authentication fails), `torn-read` (the card goes
 * away in the middle of reading DG13), `tampered-dg13` (DG13 altered after EF.SOD was signed).
 */
import { randomBytes } from 'node:crypto';
import { encodeDg13, type Dg13 } from '../cccd/dg13.ts';
import { tlv } from '../cccd/tlv.ts';
import { bacInputFromMrz, bacKeys, sessionKeys, type BacKeys } from '../chip/bac.ts';
import { decodeCommand, SW, type ApduTransport, type Command } from '../chip/apdu.ts';
import { pad, retailMac, tdesDecrypt, tdesEncrypt } from '../chip/crypto.ts';
import { SecureMessaging } from '../chip/sm.ts';
import { EF, EMRTD_AID } from '../chip/files.ts';
import { buildSod, makeChipPki, type ChipPki } from './chip-pki.ts';

export type ChipSimMode = 'normal' | 'wrong-key' | 'torn-read' | 'tampered-dg13';
export const CHIP_SIM_MODES: readonly ChipSimMode[] = ['normal', 'wrong-key', 'torn-read', 'tampered-dg13'];
export type VirtualCard = { mrz: string; dg13: Dg13 };

/** What the reader sees when the card leaves the field (pcsclite's error for it). */
export const CARD_REMOVED = 'SCardTransmit error: Card was removed.(0x80100069)';

const sw = (s: number) => Buffer.from([s >> 8, s & 0xff]);

export class VirtualChip implements ApduTransport {
  readonly files = new Map<number, Buffer>();
  private readonly keys: BacKeys;
  private appSelected = false;
  private rndIc: Buffer | null = null;
  private sm: SecureMessaging | null = null;
  private current: number | null = null;
  private present = true;
  /** APDUs received, for tests */
  readonly log: Buffer[] = [];

  constructor(
    card: VirtualCard,
    readonly mode: ChipSimMode = 'normal',
    readonly pki: ChipPki = makeChipPki(),
    private readonly random: (n: number) => Buffer = randomBytes,
  ) {
    const bac = bacInputFromMrz(card.mrz);
    // wrong-key: the chip was personalised with another document number than the one printed.
    this.keys = bacKeys(mode === 'wrong-key' ? bac.documentNumber.slice(0, -1) + ((Number(bac.documentNumber.slice(-1)) + 1) % 10) : bac.documentNumber, bac.dateOfBirth, bac.dateOfExpiry);
    const enc = new TextEncoder();
    const dg1 = Buffer.from(tlv(0x61, tlv(0x5f1f, enc.encode(card.mrz.replace(/\s+/g, '')))));
    const dg13 = Buffer.from(encodeDg13(card.dg13));
    const com = Buffer.from(tlv(0x60, tlv(0x5f01, enc.encode('0107')), tlv(0x5f36, enc.encode('040000')), tlv(0x5c, Uint8Array.of(0x61, 0x6d))));
    const sod = buildSod(new Map([[1, dg1], [13, dg13]]), pki);
    this.files.set(EF.COM, com).set(EF.DG1, dg1).set(EF.SOD, sod);
    this.files.set(EF.DG13, mode === 'tampered-dg13' ? Buffer.from(encodeDg13({ ...card.dg13, religion: card.dg13.religion === 'Không' ? 'Công giáo' : 'Không' })) : dg13);
  }

  /** The card leaves the reader's field. */
  remove(): void {
    this.present = false;
  }

  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    if (!this.present) throw new Error(CARD_REMOVED);
    const raw = Buffer.from(apdu);
    this.log.push(raw);
    return this.answer(raw);
  }

  private answer(raw: Buffer): Buffer {
    const c = decodeCommand(raw);
    if (!c) return sw(SW.WRONG_LENGTH);
    if (this.sm) {
      if ((c.cla & 0x0c) !== 0x0c) {
        this.sm = null;
        return sw(c.ins === 0xb0 || c.ins === 0xa4 ? SW.SM_MISSING : SW.SECURITY_NOT_SATISFIED);
      }
      const inner = this.sm.openCommand(raw);
      if (!inner) {
        this.sm = null;
        return sw(SW.SM_INCORRECT);
      }
      const [data, status] = this.protectedCommand(inner);
      return this.sm.protectResponse(data, status);
    }
    if (c.cla !== 0x00) return sw(SW.CLA_NOT_SUPPORTED);
    switch (c.ins) {
      case 0xa4:
        if (c.p1 === 0x04) {
          if (!c.data || !Buffer.from(c.data).equals(EMRTD_AID)) return sw(SW.FILE_NOT_FOUND);
          this.appSelected = true;
          this.rndIc = null;
          return sw(SW.OK);
        }
        return sw(this.appSelected ? SW.SECURITY_NOT_SATISFIED : SW.FILE_NOT_FOUND);
      case 0x84:
        if (!this.appSelected) return sw(SW.CONDITIONS_NOT_SATISFIED);
        if (c.le !== 8) return sw(SW.WRONG_LENGTH);
        this.rndIc = this.random(8);
        return Buffer.concat([this.rndIc, sw(SW.OK)]);
      case 0x82:
        return this.mutualAuthenticate(c);
      case 0xb0:
        return sw(SW.SECURITY_NOT_SATISFIED);
      default:
        return sw(SW.INS_NOT_SUPPORTED);
    }
  }

  private mutualAuthenticate(c: Command): Buffer {
    const rndIc = this.rndIc;
    this.rndIc = null;
    if (!rndIc) return sw(SW.CONDITIONS_NOT_SATISFIED);
    if (!c.data || c.data.length !== 40) return sw(SW.WRONG_LENGTH);
    const e = c.data.subarray(0, 32);
    if (!retailMac(this.keys.kMac, pad(e)).equals(Buffer.from(c.data.subarray(32)))) return sw(SW.AUTH_FAILED);
    const s = tdesDecrypt(this.keys.kEnc, e);
    if (!s.subarray(8, 16).equals(rndIc)) return sw(SW.AUTH_FAILED);
    const rndIfd = s.subarray(0, 8);
    const kIfd = s.subarray(16, 32);
    const kIc = this.random(16);
    const r = tdesEncrypt(this.keys.kEnc, Buffer.concat([rndIc, rndIfd, kIc]));
    this.sm = new SecureMessaging(sessionKeys(kIfd, kIc, rndIc, rndIfd));
    return Buffer.concat([r, retailMac(this.keys.kMac, pad(r)), sw(SW.OK)]);
  }

  private protectedCommand(c: Command): [Buffer, number] {
    const none = Buffer.alloc(0);
    if (c.ins === 0xa4 && c.p1 === 0x02) {
      const fid = c.data && c.data.length === 2 ? (c.data[0]! << 8) | c.data[1]! : -1;
      if (!this.files.has(fid)) return [none, SW.FILE_NOT_FOUND];
      this.current = fid;
      return [none, SW.OK];
    }
    if (c.ins === 0xb0) {
      const file = this.current === null ? undefined : this.files.get(this.current);
      if (!file) return [none, SW.CONDITIONS_NOT_SATISFIED];
      if (c.p1 & 0x80) return [none, SW.WRONG_P1P2];
      const offset = (c.p1 << 8) | c.p2;
      if (offset > file.length) return [none, SW.WRONG_P1P2];
      if (this.mode === 'torn-read' && this.current === EF.DG13 && offset > 0) {
        this.present = false;
        throw new Error(CARD_REMOVED);
      }
      const n = c.le === undefined || c.le === 0 ? 256 : c.le;
      return [file.subarray(offset, offset + n), SW.OK];
    }
    return [none, SW.INS_NOT_SUPPORTED];
  }
}
