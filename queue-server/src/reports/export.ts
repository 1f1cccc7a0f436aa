// CSV (UTF-8 with BOM, so Excel shows Vietnamese right) and a minimal XLSX
// (Office Open XML written by hand, zipped with fflate): one sheet per section.
import { zipSync, strToU8 } from 'fflate';
import { COLUMNS, PROCEDURE_COLUMNS, SECTIONS, type Report } from './report.ts';

export type Cell = string | number | null;

/** One section of a file: a sheet in XLSX, a block in CSV. */
export interface Table {
  title: string;
  head: string[];
  rows: Cell[][];
}

/** Every section of a report as a title, its column titles and its rows of cells: the centre, field, counter and official rows, then the procedures. */
function tables(r: Report): Table[] {
  return [
    ...SECTIONS.map((s) => ({ title: s.title, head: COLUMNS.map((c) => c.title), rows: r.rows[s.key].map((row) => COLUMNS.map((c) => c.value(row))) })),
    { title: 'Theo thủ tục', head: PROCEDURE_COLUMNS.map((c) => c.title), rows: r.procedures.map((row) => PROCEDURE_COLUMNS.map((c) => c.value(row))) },
    { title: 'Lý do chưa hài lòng', head: ['Mã', 'Lý do', 'Lượt đánh giá'], rows: r.reasons.map((x) => [x.key, x.name, x.ratings]) },
    {
      title: 'Hài lòng theo thời gian chờ',
      head: ['Chờ từ (phút)', 'Đến (phút)', 'Lượt đánh giá', 'Hài lòng (%)'],
      rows: r.waitBands.map((b) => [b.fromMinutes, b.toMinutes, b.ratings, b.satisfactionPct]),
    },
  ];
}

const csvCell = (v: Cell) => {
  if (v === null) return '';
  const s = String(v);
  // Quote always-text cells; neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || typeof v === 'string' ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function toCsv(r: Report): string {
  return tablesToCsv(
    [
      `${r.center.name} — ${r.period.label} (${r.period.from} → ${r.period.to})`,
      `Chỉ tiêu: chờ ≤ ${r.targets.waitMinutes} phút; phục vụ ≤ ${r.targets.serviceMinutes} phút; hài lòng ≥ ${r.targets.satisfactionPct}%; ≥ ${r.targets.dossiersPerStaffYear} hồ sơ/cán bộ/năm`,
    ],
    tables(r),
  );
}

/** Heading lines, then each table with its title, head and rows (each row led by its table's title). */
export function tablesToCsv(heading: string[], ts: Table[]): string {
  const lines: string[] = heading.map(csvCell);
  for (const t of ts) {
    lines.push('');
    lines.push(csvCell(t.title));
    lines.push(['Mục', ...t.head].map(csvCell).join(','));
    for (const cells of t.rows) lines.push([csvCell(t.title), ...cells.map(csvCell)].join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const xml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const colName = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26)));

function sheet(rows: Cell[][]): string {
  const body = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">` +
        cells
          .map((v, c) => {
            const ref = `${colName(c)}${r + 1}`;
            if (v === null) return '';
            if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
            return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml(v)}</t></is></c>`;
          })
          .join('') +
        '</row>',
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

export function toXlsx(r: Report): Uint8Array {
  return tablesToXlsx(`${r.center.name} — ${r.period.label}`, tables(r));
}

/** One sheet per table, each headed by `heading`. */
export function tablesToXlsx(heading: string, ts: Table[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const sheets = ts.map((t) => ({ name: t.title, rows: [[heading], t.head, ...t.rows] }));
  files['[Content_Types].xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      '</Types>',
  );
  files['_rels/.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  files['xl/workbook.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
      sheets.map((s, i) => `<sheet name="${xml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      '</Relationships>',
  );
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheet(s.rows))));
  return zipSync(files, { level: 6 });
}
