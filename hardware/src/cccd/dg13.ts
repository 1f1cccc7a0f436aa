/**
 * DG13 of the Vietnamese chip CCCD: the "optional details" data group, tag '6D', holding one
 * SEQUENCE per field — an INTEGER field number, then its value as a UTF-8 string (or, for the
 * parents' names, one nested SEQUENCE per parent). Field numbers: 1 ID number, 2 full name,
 * 3 date of birth, 4 gender, 5 nationality, 6 ethnicity, 7 religion, 8 place of origin,
 * 9 place of residence, 10 identifying features, 11 date of issue, 12 date of expiry,
 * 13 parents' names, 16 old ID number. Decoded as UTF-8 with every diacritic; pure.
 */
import { children, concat, readTlv, tlv, type Tlv } from './tlv.ts';

export type Dg13 = {
  idNumber: string;
  fullName: string;
  /** as on the card, dd/mm/yyyy */
  dateOfBirth: string;
  gender: string;
  nationality: string;
  ethnicity: string;
  religion: string;
  placeOfOrigin: string;
  placeOfResidence: string;
  identifyingFeatures: string;
  dateOfIssue: string;
  dateOfExpiry: string;
  fatherName: string;
  motherName: string;
  oldIdNumber: string;
};

const FIELDS: Record<number, keyof Dg13> = {
  1: 'idNumber',
  2: 'fullName',
  3: 'dateOfBirth',
  4: 'gender',
  5: 'nationality',
  6: 'ethnicity',
  7: 'religion',
  8: 'placeOfOrigin',
  9: 'placeOfResidence',
  10: 'identifyingFeatures',
  11: 'dateOfIssue',
  12: 'dateOfExpiry',
  16: 'oldIdNumber',
};

const STRING_TAGS = new Set([0x0c, 0x13, 0x16, 0x1e, 0x04]);
const utf8 = new TextDecoder('utf-8', { fatal: true });

function strings(t: Tlv): string[] {
  if (STRING_TAGS.has(t.tag)) return [t.tag === 0x1e ? utf16be(t.value) : utf8.decode(t.value)];
  if (t.constructed) return children(t).flatMap(strings);
  return [];
}

function utf16be(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
  return s;
}

function intValue(t: Tlv): number {
  let n = 0;
  for (const b of t.value) n = n * 256 + b;
  return n;
}

export function emptyDg13(): Dg13 {
  return Object.fromEntries([...Object.values(FIELDS), 'fatherName', 'motherName'].map((k) => [k, ''])) as Dg13;
}

/** Decodes DG13's bytes (the whole '6D' object); throws TlvError or TypeError on bytes that are not DG13. */
export function parseDg13(bytes: Uint8Array): Dg13 {
  const { tlv: root } = readTlv(bytes);
  if (root.tag !== 0x6d) throw new TypeError('DG13: tag 6D expected');
  const out = emptyDg13();
  const walk = (list: Tlv[]): void => {
    for (const t of list) {
      if (t.tag !== 0x30) continue;
      const parts = children(t);
      const first = parts[0];
      if (!first || first.tag !== 0x02) {
        walk(parts);
        continue;
      }
      const n = intValue(first);
      const values = parts.slice(1).flatMap(strings).map((s) => s.normalize('NFC'));
      if (n === 13) {
        out.fatherName = values[0] ?? '';
        out.motherName = values[1] ?? '';
      } else if (FIELDS[n]) out[FIELDS[n]] = values.join(' ');
    }
  };
  walk(children(root));
  return out;
}

/** The inverse, for the card simulator and tests. */
export function encodeDg13(d: Dg13): Uint8Array {
  const enc = new TextEncoder();
  const int = (n: number) => tlv(0x02, Uint8Array.of(n));
  const str = (s: string) => tlv(0x0c, enc.encode(s.normalize('NFC')));
  const fields: Uint8Array[] = [];
  for (const [n, key] of Object.entries(FIELDS)) {
    if (Number(n) === 16) fields.push(tlv(0x30, int(13), tlv(0x30, str(d.fatherName)), tlv(0x30, str(d.motherName))));
    fields.push(tlv(0x30, int(Number(n)), str(d[key])));
  }
  return tlv(0x6d, tlv(0x02, Uint8Array.of(1)), concat(...fields));
}
