// Issue 13.4: the shipped sample of commune-level procedures (catalogue/thu-tuc-cap-xa.csv).
// It must read cleanly as a province's file (UTF-8 with BOM, `;`, CRLF, the eight province
// columns), hold the number of procedures its README states, and carry national codes only:
// `1.xxxxxx` / `2.xxxxxx`, each once, never a province's local suffix.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDemoConfig } from '../src/load.ts';
import { importCatalogue, readTable } from '../src/catalogue/index.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'catalogue');
const bytes = new Uint8Array(readFileSync(path.join(dir, 'thu-tuc-cap-xa.csv')));
const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');

/** The number of procedures shipped; the README says the same (checked below). */
const SHIPPED = 169;
const NATIONAL_CODE = /^[12]\.\d{6}$/;

function fields(): string[] {
  const t = readTable(bytes);
  if (!t.ok) throw new Error(t.error);
  return [...new Set(t.table.slice(1).map((r) => (r[2] ?? '').trim()).filter(Boolean))];
}

function imported() {
  // Every field of the file is sent to one demo service: this reads the file, it does not test matching.
  const r = importCatalogue(bytes, loadDemoConfig(), { fieldMap: Object.fromEntries(fields().map((f) => [f, 'ho-tich'])) });
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('the sample catalogue of commune-level procedures', () => {
  it('is saved as a Vietnamese Excel export: BOM, the eight province columns separated by ";", CRLF', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')[0]).toBe(
      'Mã thủ tục;Tên thủ tục;Lĩnh vực;Thời hạn giải quyết;Phí/lệ phí;Thành phần hồ sơ;Cơ quan thực hiện;Mức độ dịch vụ công',
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('reads with no problem and no note, every row a procedure', () => {
    const r = imported();
    expect(r.format).toBe('csv');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.unknownFields).toEqual([]);
    expect(r.ignoredColumns).toEqual([]);
    const dataRows = new TextDecoder().decode(bytes).split('\r\n').filter(Boolean).length - 1;
    expect(r.plan.procedures).toHaveLength(dataRows);
  });

  it(`ships ${SHIPPED} procedures, the number its README states`, () => {
    const { procedures } = imported().plan;
    expect(procedures).toHaveLength(SHIPPED);
    expect(readme).toContain(`**${SHIPPED}** thủ tục hành chính cấp xã`);
    expect(readme).toContain(`${SHIPPED} commune-level procedures`);
  });

  it('carries national codes only, each once, with a name and a field in NFC', () => {
    const { procedures } = imported().plan;
    const codes = procedures.map((p) => p.code);
    expect(codes.filter((c) => !NATIONAL_CODE.test(c))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of procedures) {
      expect(p.name.trim(), p.code).not.toBe('');
      expect(p.name, p.code).toBe(p.name.normalize('NFC'));
    }
    for (const f of fields()) expect(f).toBe(f.normalize('NFC'));
  });
});
