// The first worksheet of an XLSX file as rows of text, read by hand: the zip
// opened with fflate, the sheet's XML and the shared strings parsed with a few
// regular expressions (Office Open XML, SpreadsheetML). Enough for the tables
// provinces publish; formulas give their cached value, styles are ignored.
import { unzipSync } from 'fflate';

export class XlsxError extends Error {}

/** A part that inflates beyond this is refused (a zip bomb must not fill the memory). */
const MAX_PART_BYTES = 64 * 1024 * 1024;

const decoder = new TextDecoder('utf-8');

function decodeXml(s: string): string {
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
      if (e[0] === '#') {
        const n = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
      }
      return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e as 'lt'] ?? '';
    });
}

/** The text of every <t> in a fragment (a shared string with rich-text runs has several); phonetic runs skipped. */
function textOf(fragment: string): string {
  const withoutPhonetic = fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += decodeXml(m[1]!);
  return out;
}

/** "BC12" → 54 (0-based column of a cell reference). */
function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? '';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function read(files: Record<string, Uint8Array>, name: string): string | null {
  const bytes = files[name];
  return bytes ? decoder.decode(bytes) : null;
}

/** The path of the first sheet in workbook order, from the workbook and its relationships. */
function firstSheetPath(files: Record<string, Uint8Array>): string | null {
  const workbook = read(files, 'xl/workbook.xml');
  const rels = read(files, 'xl/_rels/workbook.xml.rels');
  const rid = workbook ? /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1] : undefined;
  if (rid && rels) {
    for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      const attrs = m[1]!;
      if (new RegExp(`\\bId="${rid.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).test(attrs)) {
        const target = /\bTarget="([^"]+)"/.exec(attrs)?.[1];
        if (target) {
          const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
          if (files[path]) return path;
        }
      }
    }
  }
  if (files['xl/worksheets/sheet1.xml']) return 'xl/worksheets/sheet1.xml';
  const any = Object.keys(files)
    .filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f))
    .sort();
  return any[0] ?? null;
}

/** True when the bytes start like a zip file (XLSX is one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Rows of the first worksheet; a cell absent from the XML is ''. Throws XlsxError on a zip that is not a workbook. */
export function readXlsx(bytes: Uint8Array, maxRows = 20_000): string[][] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!(f.name.endsWith('.xml') || f.name.endsWith('.rels'))) return false;
        if (f.originalSize > MAX_PART_BYTES) throw new XlsxError(`phần "${f.name}" quá lớn (part too large)`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError(`tệp zip hỏng (${e instanceof Error ? e.message : String(e)})`);
  }
  const sheetPath = firstSheetPath(files);
  if (!sheetPath) throw new XlsxError('không có trang tính nào (no worksheet)');
  const shared: string[] = [];
  const sst = read(files, 'xl/sharedStrings.xml');
  if (sst) for (const m of sst.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)) shared.push(m[1] === undefined ? '' : textOf(m[1]));
  const sheet = read(files, sheetPath)!;
  const rows: string[][] = [];
  let nextRow = 0;
  for (const rm of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = /\br="(\d+)"/.exec(rm[1]!)?.[1];
    const index = r ? Number(r) - 1 : nextRow;
    if (index >= maxRows) throw new XlsxError(`quá ${maxRows} dòng (more than ${maxRows} rows)`);
    while (rows.length < index) rows.push([]);
    const cells: string[] = [];
    let nextCol = 0;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cm[1]!;
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      if (col > 500) continue;
      const type = /\bt="(\w+)"/.exec(attrs)?.[1];
      const inner = cm[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let value = '';
      if (type === 's') value = v !== undefined ? (shared[Number(v)] ?? '') : '';
      else if (type === 'inlineStr') value = textOf(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '');
      else if (type === 'b') value = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
      else value = v !== undefined ? decodeXml(v) : '';
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    rows[index] = cells;
    nextRow = index + 1;
  }
  return rows;
}
