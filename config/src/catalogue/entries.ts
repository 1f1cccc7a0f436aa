// The rows of a province's table → procedure entries for one centre, with the
// usual quirks of exported files handled: title rows above the header, section
// rows ("I. LĨNH VỰC HỘ TỊCH"), a field written once for a block of rows (a
// merged cell exported into its first row only), a row that only continues the
// documents of the one above, codes Excel turned into numbers (2.00062 for
// 2.000620). Each problem names the row (1 = the file's first row) and the
// column as the file titles it.
import type { Service } from '../schema.ts';
import { foldVietnamese } from '../text.ts';
import { COLUMN_LABELS, findHeader, type CatalogueColumn, type HeaderMap } from './columns.ts';

export interface CatalogueIssue {
  /** Row in the file or sheet, from 1; absent for a problem of the whole file. */
  row?: number;
  /** The column's header as written in the file. */
  column?: string;
  message: string;
}

/** One procedure as the file gives it; a column the file lacks is undefined (the centre's value is kept). */
export interface CatalogueEntry {
  row: number;
  code: string;
  name: string;
  serviceId: string;
  documents?: string[];
  processingTime?: string;
  fee?: string;
  agency?: string;
  onlineLevel?: string;
}

export interface EntriesResult {
  header: HeaderMap;
  entries: CatalogueEntry[];
  errors: CatalogueIssue[];
  warnings: CatalogueIssue[];
  /** Fields (lĩnh vực) the centre has no service for, with the rows that named them. */
  unknownFields: { name: string; rows: number[] }[];
}

const TEXT_MAX = 500;
const CODE = /^\d\.\d{6}(?:[.\-_][0-9A-Za-z]+)*$/;
const BULLET = /^\s*(?:[-–—•·+*▪◦]|\d{1,2}[.)]|[a-zđ][.)])\s+/i;

const clean = (s: string | undefined) =>
  (s ?? '')
    .normalize('NFC')
    .replace(/[\u00a0\u200b\ufeff]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\r?\n */g, '\n')
    .trim();

/** "Tư pháp – Hộ tịch", "HT", "ho-tich" all name the service ho-tich; a file's "Hộ tịch" too (one contains the other). */
export function serviceMatcher(services: readonly Service[], fieldMap: Readonly<Record<string, string>> = {}): (field: string) => Service | null {
  const mapped = new Map(Object.entries(fieldMap).map(([k, v]) => [foldVietnamese(k), services.find((s) => s.id === v) ?? null]));
  const keyed = services.map((s) => ({ s, keys: [s.name, s.nameEn ?? '', s.code, s.id.replaceAll('-', ' ')].map(foldVietnamese).filter(Boolean) }));
  const strip = (f: string) => foldVietnamese(f).replace(/^linh vuc\s+/, '').replace(/[^a-z0-9]+/g, ' ').trim();
  return (field) => {
    const given = mapped.get(foldVietnamese(field));
    if (given !== undefined) return given;
    const f = strip(field);
    if (!f) return null;
    const flat = (k: string) => k.replace(/[^a-z0-9]+/g, ' ').trim();
    const exact = keyed.find((k) => k.keys.some((key) => flat(key) === f));
    if (exact) return exact.s;
    const partial = keyed.filter((k) => k.keys.some((key) => flat(key).length >= 4 && (flat(key).includes(f) || f.includes(flat(key)))));
    return partial.length === 1 ? partial[0]!.s : null;
  };
}

function splitDocuments(text: string): string[] {
  const lines = text.split('\n');
  const parts = lines.length === 1 && text.includes(';') ? text.split(';') : lines;
  return parts.map((l) => l.replace(BULLET, '').trim()).filter((l) => l.length > 0);
}

/** A section row: one text in the row, e.g. "II. LĨNH VỰC CHỨNG THỰC" → "CHỨNG THỰC". */
function sectionTitle(cells: string[]): string | null {
  const filled = cells.filter((c) => c !== '');
  if (filled.length !== 1) return null;
  const t = filled[0]!.replace(/^(?:[IVXLC]+|\d+|[A-Z])[.)]\s*/, '').trim();
  const folded = foldVietnamese(t);
  if (!folded.startsWith('linh vuc')) return null;
  return t.replace(/^\S+\s+\S+\s*[:\-–]?\s*/, '').trim() || null;
}

/** `fieldMap`: a file's field (lĩnh vực) → a service id, for fields whose names do not match the centre's. */
export function readEntries(table: string[][], services: readonly Service[], fieldMap?: Readonly<Record<string, string>>): EntriesResult | null {
  const header = findHeader(table);
  if (!header) return null;
  const title = (col: CatalogueColumn) => header.titles[header.columns.get(col)?.[0] ?? -1] ?? COLUMN_LABELS[col];
  const cell = (cells: string[], col: CatalogueColumn) => {
    const idx = header.columns.get(col);
    if (!idx) return undefined;
    return idx.map((i) => clean(cells[i])).filter(Boolean).join('; ');
  };
  const match = serviceMatcher(services, fieldMap);
  const entries: CatalogueEntry[] = [];
  const errors: CatalogueIssue[] = [];
  const warnings: CatalogueIssue[] = [];
  const unknown = new Map<string, number[]>();
  const seen = new Map<string, number>();
  let lastField = '';
  let previous: CatalogueEntry | null = null;

  for (let r = header.row + 1; r < table.length; r++) {
    const row = r + 1;
    const cells = (table[r] ?? []).map((c) => clean(c));
    if (cells.every((c) => c === '')) continue;
    const section = sectionTitle(cells);
    if (section) {
      lastField = section;
      previous = null;
      continue;
    }
    const code = (cell(cells, 'code') ?? '').replace(/\s+/g, '');
    const name = (cell(cells, 'name') ?? '').replace(/\n/g, ' ');
    if (!code && !name) {
      if (previous && cell(cells, 'documents')) {
        previous.documents = [...(previous.documents ?? []), ...splitDocuments(cell(cells, 'documents')!)];
      } else warnings.push({ row, message: 'dòng không có mã và tên thủ tục, đã bỏ qua (no code or name: skipped)' });
      continue;
    }
    previous = null;
    if (!code) {
      errors.push({ row, column: title('code'), message: 'thiếu mã thủ tục (missing procedure code)' });
      continue;
    }
    let normalized = code;
    if (/^\d\.\d{1,5}$/.test(code)) {
      normalized = code.padEnd(8, '0');
      warnings.push({ row, column: title('code'), message: `mã "${code}" bị đổi thành số, đọc là "${normalized}" (the code was turned into a number; read as ${normalized})` });
    }
    if (!CODE.test(normalized) || normalized.length > 32) {
      errors.push({ row, column: title('code'), message: `mã thủ tục "${code}" không đúng dạng 1.001193 hay 2.000815 (bad procedure code)` });
      continue;
    }
    if (seen.has(normalized)) {
      errors.push({ row, column: title('code'), message: `mã "${normalized}" trùng với dòng ${seen.get(normalized)} (duplicate code)` });
      continue;
    }
    seen.set(normalized, row);
    if (!name) {
      errors.push({ row, column: title('name'), message: 'thiếu tên thủ tục (missing procedure name)' });
      continue;
    }
    if (name.length > TEXT_MAX) {
      errors.push({ row, column: title('name'), message: `tên thủ tục dài ${name.length} ký tự, tối đa ${TEXT_MAX} (name too long)` });
      continue;
    }
    const fieldCell = cell(cells, 'field');
    // A blank field under one that is filled: the cell was merged over several rows.
    const field = fieldCell || lastField;
    if (fieldCell) lastField = fieldCell;
    if (!field) {
      errors.push({ row, column: header.columns.has('field') ? title('field') : COLUMN_LABELS.field, message: 'thiếu lĩnh vực (missing field)' });
      continue;
    }
    const service = match(field);
    if (!service) {
      unknown.set(field, [...(unknown.get(field) ?? []), row]);
      errors.push({ row, column: header.columns.has('field') ? title('field') : COLUMN_LABELS.field, message: `lĩnh vực "${field}" không có ở trung tâm (unknown field; add it or rename the file's field)` });
      continue;
    }
    const entry: CatalogueEntry = { row, code: normalized, name, serviceId: service.id };
    const docs = cell(cells, 'documents');
    if (docs !== undefined && docs !== '') {
      entry.documents = splitDocuments(docs).map((d) => (d.length > TEXT_MAX ? `${d.slice(0, TEXT_MAX - 1)}…` : d));
      if (splitDocuments(docs).some((d) => d.length > TEXT_MAX)) warnings.push({ row, column: title('documents'), message: `một giấy tờ dài quá ${TEXT_MAX} ký tự, đã cắt bớt (a document was shortened)` });
    }
    for (const col of ['processingTime', 'fee', 'agency', 'onlineLevel'] as const) {
      const v = cell(cells, col)?.replace(/\n/g, '; ');
      if (!v) continue;
      const max = col === 'onlineLevel' ? 100 : TEXT_MAX;
      if (v.length > max) warnings.push({ row, column: title(col), message: `dài quá ${max} ký tự, đã cắt bớt (shortened to ${max} characters)` });
      entry[col] = v.length > max ? `${v.slice(0, max - 1)}…` : v;
    }
    entries.push(entry);
    previous = entry;
  }
  for (const ignored of header.ignored) warnings.push({ row: header.row + 1, column: ignored, message: 'cột không dùng, đã bỏ qua (column not used)' });
  return { header, entries, errors, warnings, unknownFields: [...unknown].map(([name, rows]) => ({ name, rows })) };
}

/** "dòng 12, cột "Lĩnh vực": …" — the way every problem is shown. */
export function formatIssue(i: CatalogueIssue): string {
  const where = [i.row !== undefined ? `dòng ${i.row}` : '', i.column ? `cột "${i.column}"` : ''].filter(Boolean).join(', ');
  return where ? `${where}: ${i.message}` : i.message;
}
