// The columns a province publishes its procedure list in, found by their
// header however it is spelt: with or without diacritics, any case, extra
// words in brackets ("Phí, lệ phí (nếu có)"), "TTHC" for "thủ tục".
import { foldVietnamese } from '../text.ts';

export const CATALOGUE_COLUMNS = ['code', 'name', 'field', 'processingTime', 'fee', 'documents', 'agency', 'onlineLevel'] as const;
export type CatalogueColumn = (typeof CATALOGUE_COLUMNS)[number];

/** The Vietnamese names of the columns, as the province's files title them. */
export const COLUMN_LABELS: Record<CatalogueColumn, string> = {
  code: 'mã thủ tục',
  name: 'tên thủ tục',
  field: 'lĩnh vực',
  processingTime: 'thời hạn giải quyết',
  fee: 'phí/lệ phí',
  documents: 'thành phần hồ sơ',
  agency: 'cơ quan thực hiện',
  onlineLevel: 'mức độ dịch vụ công',
};

// Folded, punctuation as spaces. The first list that has a header wins; order matters for short ones ("ma", "phi").
const ALIASES: [CatalogueColumn, string[]][] = [
  ['code', ['ma thu tuc', 'ma tthc', 'ma so thu tuc', 'ma so tthc', 'ma thu tuc hanh chinh', 'ma so', 'ma', 'code']],
  ['name', ['ten thu tuc', 'ten tthc', 'ten thu tuc hanh chinh', 'thu tuc hanh chinh', 'thu tuc', 'tthc', 'ten', 'name']],
  ['field', ['linh vuc', 'ten linh vuc', 'linh vuc thuc hien', 'nhom linh vuc', 'field']],
  ['processingTime', ['thoi han giai quyet', 'thoi gian giai quyet', 'thoi han xu ly', 'thoi gian xu ly', 'thoi han']],
  ['fee', ['phi le phi', 'phi va le phi', 'le phi', 'phi', 'muc phi le phi', 'muc thu phi le phi', 'phi le phi neu co']],
  ['documents', ['thanh phan ho so', 'thanh phan so luong ho so', 'ho so', 'ho so gom', 'giay to']],
  ['agency', ['co quan thuc hien', 'co quan giai quyet', 'co quan thuc hien giai quyet', 'co quan co tham quyen', 'co quan']],
  ['onlineLevel', ['muc do dich vu cong', 'muc do dich vu cong truc tuyen', 'muc do dvc', 'muc do dvctt', 'dich vu cong truc tuyen', 'dvc truc tuyen', 'muc do']],
];

/** A header folded to compare: no diacritics, lowercase, punctuation as spaces. */
export function foldHeader(header: string): string {
  return foldVietnamese(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The column a header names, or null. Words in brackets are tried without too. */
export function columnOf(header: string): CatalogueColumn | null {
  const tries = [foldHeader(header), foldHeader(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '))];
  for (const folded of tries) {
    if (!folded) continue;
    for (const [column, names] of ALIASES) if (names.includes(folded)) return column;
  }
  return null;
}

export interface HeaderMap {
  /** Index of the header row in the table. */
  row: number;
  /** Each column found, with every cell index that holds it (two "Phí" and "Lệ phí" columns are joined). */
  columns: Map<CatalogueColumn, number[]>;
  /** The header text of each cell index, as written in the file (for messages). */
  titles: string[];
  /** Headers that name none of the columns (kept out, reported). */
  ignored: string[];
}

const NUMBERING = new Set(['stt', 'tt', 'so tt', 'so thu tu', 'no']);

/** The first of the top rows that has both a code and a name column. */
export function findHeader(table: string[][], searchRows = 15): HeaderMap | null {
  for (let r = 0; r < Math.min(searchRows, table.length); r++) {
    const titles = (table[r] ?? []).map((c) => c.replace(/\s+/g, ' ').trim());
    const columns = new Map<CatalogueColumn, number[]>();
    const ignored: string[] = [];
    titles.forEach((t, i) => {
      if (!t) return;
      const col = columnOf(t);
      if (col) columns.set(col, [...(columns.get(col) ?? []), i]);
      else if (!NUMBERING.has(foldHeader(t))) ignored.push(t);
    });
    // "ma" alone may be a code column of a table that also says "ma thu tuc"; the first found is the one.
    if (columns.has('code') && columns.has('name')) {
      for (const [col, idx] of columns) if (col === 'code' || col === 'name' || col === 'field') columns.set(col, idx.slice(0, 1));
      return { row: r, columns, titles, ignored };
    }
  }
  return null;
}
