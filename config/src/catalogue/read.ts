// A file's bytes → a table of text cells: XLSX (a zip) or CSV in UTF-8 (with
// or without BOM), UTF-16 (Excel's "Unicode text") or, failing UTF-8, the
// Windows Vietnamese code page. Never throws: an unreadable file is an error
// message, Vietnamese first.
import { parseCsv } from './csv.ts';
import { looksLikeZip, readXlsx, XlsxError } from './xlsx.ts';

export type TableResult =
  | { ok: true; format: 'csv' | 'xlsx'; table: string[][]; notes: string[] }
  | { ok: false; error: string };

const MAX_ROWS = 20_000;

function decodeText(bytes: Uint8Array): { text: string; note?: string } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Not UTF-8: an old export in the Windows Vietnamese code page is the likely case.
    try {
      const text = new TextDecoder('windows-1258').decode(bytes);
      return { text, note: 'tệp không phải UTF-8, đã đọc theo bảng mã Windows-1258 (not UTF-8; read as Windows-1258)' };
    } catch {
      return null;
    }
  }
}

/** The table in a CSV or XLSX file's bytes. */
export function readTable(bytes: Uint8Array): TableResult {
  if (bytes.length === 0) return { ok: false, error: 'Tệp trống (the file is empty)' };
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return { ok: false, error: 'Tệp Excel cũ (.xls) chưa đọc được: hãy lưu lại thành .xlsx hoặc CSV UTF-8 (old .xls files are not read: save as .xlsx or CSV)' };
  if (looksLikeZip(bytes)) {
    try {
      const table = readXlsx(bytes, MAX_ROWS);
      return { ok: true, format: 'xlsx', table, notes: [] };
    } catch (e) {
      const why = e instanceof XlsxError ? e.message : String(e);
      return { ok: false, error: `Không đọc được tệp XLSX: ${why} (unreadable XLSX file)` };
    }
  }
  const decoded = decodeText(bytes);
  if (!decoded) return { ok: false, error: 'Không đọc được tệp: không phải CSV hay XLSX (not a CSV or XLSX file)' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(decoded.text.slice(0, 4096)))
    return { ok: false, error: 'Không đọc được tệp: có ký tự nhị phân, không phải CSV hay XLSX (binary content: not a CSV or XLSX file)' };
  const table = parseCsv(decoded.text);
  if (table.length > MAX_ROWS) return { ok: false, error: `Tệp quá ${MAX_ROWS} dòng (more than ${MAX_ROWS} rows)` };
  return { ok: true, format: 'csv', table, notes: decoded.note ? [decoded.note] : [] };
}
