/**
 * The QR code on the front of a chip CCCD (căn cước công dân). Scanners send it with CR/LF,
 * sometimes in decomposed Unicode, and newer cards append fields, so the parser is lenient on
 * layout and strict on what the queue relies on: the 12-digit number and real dates. UTF-8 that
 * a scanner read as Latin-1 or Windows-1252 is re-read as UTF-8, or refused when a byte was lost.
 * Pure: no I/O, never throws.
 */
import { ageOn, compareYmd, isRealDate, isoDate, vietnamToday, type YMD } from './dates.ts';
import { repairMojibake } from './mojibake.ts';

export type Gender = 'Nam' | 'Nữ';

export type CccdData = {
  idNumber: string;
  oldIdNumber: string | null;
  fullName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  age: number;
  gender: Gender;
  address: string;
  /** YYYY-MM-DD */
  issueDate: string;
};

export type CccdErrorCode = 'empty' | 'format' | 'encoding' | 'id_number' | 'date_of_birth' | 'issue_date' | 'gender';

export type CccdResult =
  | { ok: true; value: CccdData }
  | { ok: false; error: { code: CccdErrorCode; message: string } };

const MESSAGES: Record<CccdErrorCode, string> = {
  empty: 'Không đọc được mã QR, vui lòng quét lại / Nothing was scanned, please scan again',
  format:
    'Mã QR không phải của thẻ căn cước công dân / This QR code is not from a citizen identity card',
  encoding:
    'Máy quét đọc sai bảng mã của mã QR, vui lòng quét lại / The scanner read the QR code in the wrong encoding, please scan again',
  id_number: 'Số căn cước không hợp lệ (cần 12 chữ số) / Invalid ID number (12 digits expected)',
  date_of_birth: 'Ngày sinh trên thẻ không hợp lệ / Invalid date of birth on the card',
  issue_date: 'Ngày cấp trên thẻ không hợp lệ / Invalid issue date on the card',
  gender: 'Giới tính trên thẻ không hợp lệ / Invalid gender on the card',
};

function fail(code: CccdErrorCode): CccdResult {
  return { ok: false, error: { code, message: MESSAGES[code] } };
}

function parseDdmmyyyy(s: string): YMD | null {
  if (!/^\d{8}$/.test(s)) return null;
  const ymd = { d: Number(s.slice(0, 2)), m: Number(s.slice(2, 4)), y: Number(s.slice(4, 8)) };
  return isRealDate(ymd) ? ymd : null;
}

function parseGender(s: string): Gender | null {
  const g = s.toLocaleLowerCase('vi');
  if (g === 'nam') return 'Nam';
  // Some scanners and keyboard layouts drop the diacritic: "Nu" can only mean "Nữ".
  if (g === 'nữ' || g === 'nu') return 'Nữ';
  return null;
}

export function parseCccdQr(text: string, today: Date = new Date()): CccdResult {
  if (typeof text !== 'string') return fail('empty');
  const unmarked = text.replace(/^\uFEFF/, '');
  const repair = repairMojibake(unmarked);
  if (repair.kind === 'broken') return fail('encoding');
  // Scanners end a scan with CR/LF and some break a long field over lines: a break is a space.
  const clean = (repair.kind === 'repaired' ? repair.text : unmarked).normalize('NFC').replace(/[\r\n]+/g, ' ').trim();
  if (clean === '') return fail('empty');
  const fields = clean.split('|').map((f) => f.trim().replace(/\s+/g, ' '));
  if (fields.length < 7) return fail('format');
  const [id, oldId, name, dob, gender, address, issued] = fields as [string, string, string, string, string, string, string];

  if (!/^\d{12}$/.test(id)) return fail('id_number');
  if (oldId !== '' && !/^\d{9}$/.test(oldId)) return fail('id_number');
  if (name === '' || /\d/.test(name)) return fail('format');

  const birth = parseDdmmyyyy(dob);
  const now = vietnamToday(today);
  if (!birth || compareYmd(birth, now) > 0) return fail('date_of_birth');

  const g = parseGender(gender);
  if (!g) return fail('gender');

  const issue = parseDdmmyyyy(issued);
  if (!issue || compareYmd(issue, birth) < 0 || compareYmd(issue, now) > 0) return fail('issue_date');

  return {
    ok: true,
    value: {
      idNumber: id,
      oldIdNumber: oldId === '' ? null : oldId,
      fullName: name,
      dateOfBirth: isoDate(birth),
      age: ageOn(birth, now),
      gender: g,
      address,
      issueDate: isoDate(issue),
    },
  };
}
