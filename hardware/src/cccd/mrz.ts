/**
 * ICAO 9303 TD1 machine-readable zone (3 lines × 30 characters), as printed on the back of
 * the chip CCCD. Every check digit is verified, because an OCR reader misreads 8/B and 0/O
 * and a wrong birth date would put someone in the wrong priority. The name line has no check
 * digit, so it must hold letters and fillers only. The birth century comes from the 12-digit
 * personal number when the card carries one (a two-digit year cannot tell 1925 from 2025).
 * Pure, never throws.
 */
import { ageOn, birthCenturyFromIdNumber, compareYmd, isRealDate, isoDate, vietnamToday, type YMD } from './dates.ts';
import type { Gender } from './qr.ts';

export type MrzData = {
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  /** The 12-digit personal number from the optional data, when the card carries one. */
  idNumber: string | null;
  fullName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  age: number;
  gender: Gender;
  /** YYYY-MM-DD */
  expiryDate: string;
  expired: boolean;
  nationality: string;
};

export type MrzErrorCode =
  | 'empty'
  | 'format'
  | 'document_number'
  | 'date_of_birth'
  | 'expiry_date'
  | 'composite'
  | 'gender'
  | 'name';

export type MrzResult =
  | { ok: true; value: MrzData }
  | { ok: false; error: { code: MrzErrorCode; message: string } };

const MESSAGES: Record<MrzErrorCode, string> = {
  empty: 'Không đọc được vùng MRZ, vui lòng đặt lại thẻ / Nothing was read, please place the card again',
  format: 'Vùng MRZ không đúng định dạng 3 dòng × 30 ký tự / The MRZ is not 3 lines of 30 characters',
  document_number: 'Số thẻ đọc sai (sai số kiểm tra) / Document number misread (check digit)',
  date_of_birth: 'Ngày sinh đọc sai hoặc không hợp lệ / Date of birth misread or invalid',
  expiry_date: 'Ngày hết hạn đọc sai hoặc không hợp lệ / Expiry date misread or invalid',
  composite: 'Vùng MRZ đọc sai (sai số kiểm tra tổng) / MRZ misread (composite check digit)',
  gender: 'Giới tính trong MRZ không hợp lệ / Invalid sex in the MRZ',
  name: 'Họ tên trong MRZ đọc sai (có chữ số), vui lòng quét lại / Name misread (digits in it), please scan again',
};

function fail(code: MrzErrorCode): MrzResult {
  return { ok: false, error: { code, message: MESSAGES[code] } };
}

/** ICAO 9303 part 3 §4.9: weights 7, 3, 1 repeating; '<' = 0, A = 10 … Z = 35. */
export function mrzCheckDigit(s: string): number {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let v: number;
    if (c >= 48 && c <= 57) v = c - 48;
    else if (c >= 65 && c <= 90) v = c - 55;
    else v = 0;
    sum += v * [7, 3, 1][i % 3]!;
  }
  return sum % 10;
}

function checks(field: string, digit: string | undefined): boolean {
  return digit !== undefined && /^\d$/.test(digit) && mrzCheckDigit(field) === Number(digit);
}

function parseYymmdd(s: string, pivot: (yy: number) => number): YMD | null {
  if (!/^\d{6}$/.test(s)) return null;
  const yy = Number(s.slice(0, 2));
  const ymd = { y: pivot(yy), m: Number(s.slice(2, 4)), d: Number(s.slice(4, 6)) };
  return isRealDate(ymd) ? ymd : null;
}

function splitLines(text: string): string[] | null {
  const lines = text
    .toUpperCase()
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+/g, ''))
    .filter((l) => l !== '');
  if (lines.length === 1 && lines[0]!.length === 90) {
    const l = lines[0]!;
    return [l.slice(0, 30), l.slice(30, 60), l.slice(60, 90)];
  }
  if (lines.length !== 3 || lines.some((l) => l.length !== 30 || !/^[A-Z0-9<]+$/.test(l))) return null;
  return lines;
}

export function parseMrzTd1(text: string, today: Date = new Date()): MrzResult {
  if (typeof text !== 'string' || text.trim() === '') return fail('empty');
  const lines = splitLines(text);
  if (!lines) return fail('format');
  const [l1, l2, l3] = lines as [string, string, string];

  const documentCode = l1.slice(0, 2).replace(/</g, '');
  if (!/^[AIC]/.test(documentCode)) return fail('format');
  const issuingState = l1.slice(2, 5).replace(/</g, '');

  // A document number longer than 9 characters spills into the optional data: '<' stands in the
  // check-digit position and the real check digit ends the spilled part (ICAO 9303-5 §4.2.4).
  let documentNumber = l1.slice(5, 14);
  let optional1 = l1.slice(15, 30);
  if (l1[14] === '<') {
    const spill = optional1.split('<')[0] ?? '';
    if (spill.length < 2) return fail('document_number');
    const full = documentNumber + spill.slice(0, -1);
    if (!checks(full, spill.slice(-1))) return fail('document_number');
    documentNumber = full;
    optional1 = optional1.slice(spill.length);
  } else if (!checks(documentNumber, l1[14])) {
    return fail('document_number');
  }
  documentNumber = documentNumber.replace(/<+$/, '');

  const idMatch = /\d{12}/.exec(optional1.replace(/</g, ' '));
  const idNumber = idMatch ? idMatch[0] : null;

  const now = vietnamToday(today);
  const dobRaw = l2.slice(0, 6);
  const century = idNumber === null ? null : birthCenturyFromIdNumber(idNumber);
  const birth = parseYymmdd(dobRaw, (yy) => (century !== null ? century + yy : 2000 + yy > now.y ? 1900 + yy : 2000 + yy));
  if (!checks(dobRaw, l2[6]) || !birth || compareYmd(birth, now) > 0) return fail('date_of_birth');

  const sex = l2[7];
  const gender: Gender | null = sex === 'M' ? 'Nam' : sex === 'F' ? 'Nữ' : null;

  const expRaw = l2.slice(8, 14);
  const expiry = parseYymmdd(expRaw, (yy) => 2000 + yy);
  if (!checks(expRaw, l2[14]) || !expiry) return fail('expiry_date');

  const composite = l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29);
  if (!checks(composite, l2[29])) return fail('composite');
  if (!gender) return fail('gender');
  if (!/^[A-Z<]+$/.test(l3)) return fail('name');

  const [surname = '', given = ''] = l3.split('<<');
  const fullName = [surname, given]
    .map((p) => p.replace(/</g, ' ').trim())
    .filter((p) => p !== '')
    .join(' ');
  if (fullName === '') return fail('format');

  return {
    ok: true,
    value: {
      documentCode,
      issuingState,
      documentNumber,
      idNumber,
      fullName,
      dateOfBirth: isoDate(birth),
      age: ageOn(birth, now),
      gender,
      expiryDate: isoDate(expiry),
      expired: compareYmd(expiry, now) < 0,
      nationality: l2.slice(15, 18).replace(/</g, ''),
    },
  };
}
