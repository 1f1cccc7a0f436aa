/**
 * Basic Access Control (ICAO 9303 part 11, section 4.3 and appendix D): the document access
 * keys from the MRZ, the mutual authentication exchange and the session keys it yields.
 */
import { mrzCheckDigit } from '../cccd/mrz.ts';
import { deriveKey, pad, retailMac, sha1, tdesDecrypt, tdesEncrypt, xor } from './crypto.ts';

export type BacInput = { documentNumber: string; dateOfBirth: string; dateOfExpiry: string };
export type BacKeys = { kEnc: Buffer; kMac: Buffer };
export type SessionKeys = { ksEnc: Buffer; ksMac: Buffer; ssc: Buffer };

/** The MRZ information: document number, birth and expiry dates (YYMMDD), each with its check digit. */
export function mrzInformation(documentNumber: string, dateOfBirth: string, dateOfExpiry: string): string {
  const doc = documentNumber.toUpperCase().replace(/\s/g, '').padEnd(9, '<');
  for (const d of [dateOfBirth, dateOfExpiry]) if (!/^\d{6}$/.test(d)) throw new Error('BAC: dates are YYMMDD');
  return `${doc}${mrzCheckDigit(doc)}${dateOfBirth}${mrzCheckDigit(dateOfBirth)}${dateOfExpiry}${mrzCheckDigit(dateOfExpiry)}`;
}

export function keySeed(info: string): Buffer {
  return sha1(Buffer.from(info, 'latin1')).subarray(0, 16);
}

export function bacKeys(documentNumber: string, dateOfBirth: string, dateOfExpiry: string): BacKeys {
  const seed = keySeed(mrzInformation(documentNumber, dateOfBirth, dateOfExpiry));
  return { kEnc: deriveKey(seed, 1), kMac: deriveKey(seed, 2) };
}

/** The document basic access keys as hex (upper case), from the MRZ's three fields. */
export function deriveBacKeys(documentNumber: string, dateOfBirth: string, dateOfExpiry: string): { kEnc: string; kMac: string } {
  const k = bacKeys(documentNumber, dateOfBirth, dateOfExpiry);
  return { kEnc: k.kEnc.toString('hex').toUpperCase(), kMac: k.kMac.toString('hex').toUpperCase() };
}

/** The reader's MUTUAL AUTHENTICATE data: E_IFD (32 bytes) || M_IFD (8 bytes). */
export function mutualAuthData(keys: BacKeys, rndIc: Uint8Array, rndIfd: Uint8Array, kIfd: Uint8Array): Buffer {
  const e = tdesEncrypt(keys.kEnc, Buffer.concat([rndIfd, rndIc, kIfd]));
  return Buffer.concat([e, retailMac(keys.kMac, pad(e))]);
}

/** Checks the card's answer and derives the session keys; null when the card's answer does not authenticate. */
export function completeMutualAuth(keys: BacKeys, rndIc: Uint8Array, rndIfd: Uint8Array, kIfd: Uint8Array, answer: Uint8Array): SessionKeys | null {
  if (answer.length !== 40) return null;
  const e = answer.subarray(0, 32);
  if (!retailMac(keys.kMac, pad(e)).equals(answer.subarray(32))) return null;
  const r = tdesDecrypt(keys.kEnc, e);
  if (!r.subarray(0, 8).equals(Buffer.from(rndIc)) || !r.subarray(8, 16).equals(Buffer.from(rndIfd))) return null;
  return sessionKeys(kIfd, r.subarray(16, 32), rndIc, rndIfd);
}

/** Session keys from K.IFD xor K.IC; the send sequence counter from the two challenges' low halves. */
export function sessionKeys(kIfd: Uint8Array, kIc: Uint8Array, rndIc: Uint8Array, rndIfd: Uint8Array): SessionKeys {
  const seed = xor(kIfd, kIc);
  return {
    ksEnc: deriveKey(seed, 1),
    ksMac: deriveKey(seed, 2),
    ssc: Buffer.concat([rndIc.subarray(4, 8), rndIfd.subarray(4, 8)]),
  };
}

/** The three BAC fields from a TD1 MRZ (3 × 30 characters; newlines optional), as scanned or typed. */
export function bacInputFromMrz(mrz: string): BacInput {
  const flat = mrz.toUpperCase().replace(/\s+/g, '');
  if (flat.length !== 90) throw new Error('BAC: a TD1 MRZ has 90 characters');
  const l1 = flat.slice(0, 30);
  const l2 = flat.slice(30, 60);
  let documentNumber = l1.slice(5, 14);
  // A number longer than 9 characters spills into the optional data, its check digit last (ICAO 9303-5 §4.2.4).
  if (l1[14] === '<') documentNumber += (l1.slice(15).split('<')[0] ?? '').slice(0, -1);
  return { documentNumber: documentNumber.replace(/<+$/, ''), dateOfBirth: l2.slice(0, 6), dateOfExpiry: l2.slice(8, 14) };
}
