import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { loadDemoConfig } from '../load.ts';
import { parseConfig } from '../load.ts';
import { importCatalogue, applyCatalogue, planCatalogue, SEE_PORTAL } from './plan.ts';
import { formatIssue } from './entries.ts';
import { documentName } from '../documents.ts';
import { workbook } from './testing.ts';

const demo = loadDemoConfig();
const bytes = (s: string) => new TextEncoder().encode(s);
const ok = (r: ReturnType<typeof importCatalogue>) => {
  if (!r.ok) throw new Error(r.error);
  return r;
};
const HEADER = 'Mã thủ tục;Tên thủ tục;Lĩnh vực;Thời hạn giải quyết;Phí/lệ phí;Thành phần hồ sơ;Cơ quan thực hiện;Mức độ dịch vụ công';

describe('importCatalogue: reading the province columns', () => {
  it('finds the header under title rows, whatever its spelling, diacritics and case', () => {
    const csv = [
      'DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP XÃ;;',
      ';;',
      'STT;MA TTHC;ten thu tuc hanh chinh;LĨNH VỰC;Thời gian giải quyết;Phí, lệ phí (nếu có);Ghi chú',
      '1;1.001193;Đăng ký khai sinh;Hộ tịch;Trong ngày;Miễn phí;x',
    ].join('\n');
    const r = ok(importCatalogue(bytes(csv), demo));
    expect(r.errors).toEqual([]);
    expect(r.columns).toEqual(['code', 'name', 'field', 'processingTime', 'fee']);
    expect(r.ignoredColumns).toEqual(['Ghi chú']);
    const p = r.plan.procedures.find((x) => x.code === '1.001193')!;
    expect(p).toMatchObject({ name: 'Đăng ký khai sinh', serviceId: 'ho-tich', processingTime: 'Trong ngày', fee: 'Miễn phí' });
    // A column the file lacks keeps the centre's value.
    expect(p.documents).toEqual(demo.procedures.find((x) => x.code === '1.001193')!.documents);
  });

  it('handles section rows, merged-looking blank fields, continuation rows and codes Excel made numbers', () => {
    const csv = [
      HEADER,
      'I. LĨNH VỰC HỘ TỊCH;;;;;;;',
      '1.001193;Đăng ký khai sinh;;Trong ngày;Miễn phí;"- Tờ khai\n- Giấy chứng sinh";UBND cấp xã;Toàn trình',
      ';;;;;+ Giấy chứng nhận kết hôn của cha mẹ;;',
      '2.00062;Thủ tục mẫu;Chứng thực;01 ngày;2.000 đồng;Bản chính;UBND cấp xã;Một phần',
      '2.000635;Cấp bản sao Trích lục hộ tịch;;Trong ngày;8.000 đồng/bản;Tờ khai;UBND cấp xã;Một phần',
    ].join('\r\n');
    const r = ok(importCatalogue(bytes(`\uFEFF${csv}`), demo));
    expect(r.errors).toEqual([]);
    const [ks, sample, copy] = r.plan.procedures;
    expect(ks).toMatchObject({ serviceId: 'ho-tich', agency: 'UBND cấp xã', onlineLevel: 'Toàn trình' });
    expect(ks!.documents).toEqual(['Tờ khai', 'Giấy chứng sinh', 'Giấy chứng nhận kết hôn của cha mẹ']);
    expect(sample).toMatchObject({ code: '2.000620', serviceId: 'chung-thuc' });
    // The blank field follows the row above (a merged cell), not the section.
    expect(copy!.serviceId).toBe('chung-thuc');
    expect(r.warnings.map(formatIssue)).toContainEqual(expect.stringMatching(/^dòng 5, cột "Mã thủ tục": mã "2\.00062" bị đổi thành số, đọc là "2\.000620"/));
  });

  it('names the row and the column of every problem, Vietnamese first', () => {
    const csv = [
      HEADER,
      '1.001193;Đăng ký khai sinh;Thú y;;;;;',
      'abc;Tên;Hộ tịch;;;;;',
      ';Không có mã;Hộ tịch;;;;;',
      '1.000656;;Hộ tịch;;;;;',
      '1.000894;Đăng ký kết hôn;Hộ tịch;;;;;',
      '1.000894;Đăng ký kết hôn lần hai;Hộ tịch;;;;;',
    ].join('\n');
    const r = ok(importCatalogue(bytes(csv), demo));
    expect(r.errors.map(formatIssue)).toEqual([
      'dòng 2, cột "Lĩnh vực": lĩnh vực "Thú y" không có ở trung tâm (unknown field; add it or rename the file\'s field)',
      'dòng 3, cột "Mã thủ tục": mã thủ tục "abc" không đúng dạng 1.001193 hay 2.000815 (bad procedure code)',
      'dòng 4, cột "Mã thủ tục": thiếu mã thủ tục (missing procedure code)',
      'dòng 5, cột "Tên thủ tục": thiếu tên thủ tục (missing procedure name)',
      'dòng 7, cột "Mã thủ tục": mã "1.000894" trùng với dòng 6 (duplicate code)',
    ]);
    expect(r.unknownFields).toEqual([{ name: 'Thú y', rows: [2] }]);
  });

  it('reads the same catalogue from a real XLSX file', () => {
    const xlsx = workbook([
      ['Danh mục thủ tục hành chính'],
      ['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Thành phần hồ sơ'],
      [1.001193, 'Đăng ký khai sinh', 'Hộ tịch', { rich: ['Tờ khai\n', 'Giấy chứng sinh'] }],
      ['2.000815', 'Chứng thực bản sao từ bản chính', 'Tư pháp – Chứng thực', 'Bản chính'],
    ]);
    const r = ok(importCatalogue(xlsx, demo));
    expect(r.format).toBe('xlsx');
    expect(r.errors).toEqual([]);
    expect(r.plan.procedures.map((p) => [p.code, p.serviceId, p.documents])).toEqual([
      ['1.001193', 'ho-tich', ['Tờ khai', 'Giấy chứng sinh']],
      ['2.000815', 'chung-thuc', ['Bản chính']],
    ]);
  });

  it('answers unreadable bytes with a message, never a throw', () => {
    for (const b of [new Uint8Array(), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), new Uint8Array([0, 1, 2, 3, 255, 254, 7]), bytes('chỉ là chữ\nkhông có tiêu đề')]) {
      const r = importCatalogue(b, demo);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^[A-ZÀ-Ỹ].*\(.+\)$/u);
    }
    const headerOnly = ok(importCatalogue(bytes('Mã thủ tục,Tên thủ tục\n'), demo));
    expect(headerOnly.errors.map(formatIssue)).toEqual(['tệp không có thủ tục nào (the file lists no procedure)']);
  });

  it('reads a file in the Windows Vietnamese code page when it is not UTF-8', () => {
    // "Hộ tịch" in CP1258: H, ô (0xF4) + dot below (0xF2), " t", i + dot below, "ch".
    const cp = new Uint8Array([...bytes('Ma thu tuc,Ten thu tuc,Linh vuc\n1.001193,Khai sinh,H'), 0xf4, 0xf2, ...bytes(' ti'), 0xf2, ...bytes('ch\n')]);
    const r = ok(importCatalogue(cp, demo));
    expect(r.warnings[0]!.message).toMatch(/Windows-1258/);
    expect(r.plan.procedures[0]!.serviceId).toBe('ho-tich');
  });
});

describe('planCatalogue: what the file changes', () => {
  it('lists added, changed (with columns) and removed, and the result validates', () => {
    const keep = demo.procedures.slice(0, 3);
    const entries = [
      { row: 2, code: keep[0]!.code, name: keep[0]!.name, serviceId: keep[0]!.serviceId },
      { row: 3, code: keep[1]!.code, name: `${keep[1]!.name} (sửa)`, serviceId: keep[1]!.serviceId, fee: 'Miễn phí hoàn toàn' },
      { row: 4, code: '1.004837', name: 'Thủ tục đăng ký giám hộ', serviceId: 'ho-tich' },
    ];
    const plan = planCatalogue(keep, entries);
    expect(plan.added).toEqual([{ code: '1.004837', name: 'Thủ tục đăng ký giám hộ', row: 4 }]);
    expect(plan.changed).toEqual([{ code: keep[1]!.code, name: `${keep[1]!.name} (sửa)`, row: 3, columns: ['name', 'fee'] }]);
    expect(plan.removed).toEqual([{ code: keep[2]!.code, name: keep[2]!.name }]);
    expect(plan.unchanged).toBe(1);
    const added = plan.procedures.find((p) => p.code === '1.004837')!;
    expect(added).toMatchObject({ processingTime: SEE_PORTAL, fee: SEE_PORTAL });
    expect(parseConfig(applyCatalogue(demo, plan)).ok).toBe(true);
  });

  it('importing the centre as it is changes nothing', () => {
    const rows = demo.procedures.map((p) => [p.code, p.name, demo.services.find((s) => s.id === p.serviceId)!.name, p.processingTime, p.fee, p.documents.map(documentName).join('\n')]);
    const csv = ['Mã thủ tục,Tên thủ tục,Lĩnh vực,Thời hạn giải quyết,Phí/lệ phí,Thành phần hồ sơ', ...rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))].join('\n');
    const r = ok(importCatalogue(bytes(csv), demo));
    expect(r.errors).toEqual([]);
    expect(r.plan).toMatchObject({ added: [], changed: [], removed: [], unchanged: demo.procedures.length });
  });
});

describe('importCatalogue: a field map for fields the centre names otherwise', () => {
  it('maps a file field to a service by id, folded; an unknown id stays an error', () => {
    const csv = 'Mã thủ tục,Tên thủ tục,Lĩnh vực\n1.001731,Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội,BẢO TRỢ XÃ HỘI\n1.010803,Giải quyết chế độ trợ cấp thờ cúng liệt sĩ,Người có công\n';
    const r = ok(importCatalogue(bytes(csv), demo, { fieldMap: { 'Bảo trợ xã hội': 'lao-dong-xa-hoi', 'người có công': 'khong-co' } }));
    expect(r.plan.procedures.map((p) => p.serviceId)).toEqual(['lao-dong-xa-hoi']);
    expect(r.unknownFields).toEqual([{ name: 'Người có công', rows: [3] }]);
  });
});

describe('importCatalogue never throws', () => {
  it('on arbitrary bytes, CSV-like text and zips of arbitrary parts (property)', () => {
    const cell = fc.oneof(fc.constantFrom('Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', '1.001193', 'Hộ tịch', '"', '""', ';', ',', '\n', '2.00062', ''), fc.string());
    const csv = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }).map((rows) => new TextEncoder().encode(rows.map((r) => r.join(';')).join('\r\n')));
    const zip = fc
      .array(fc.tuple(fc.constantFrom('xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'x.txt'), fc.string()), { maxLength: 5 })
      .map((parts) => zipSync(Object.fromEntries(parts.map(([n, t]) => [n, strToU8(`<row r="1"><c r="A1" t="s"><v>${t}</v></c></row><si><t>${t}</t></si>`)]))));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), csv, zip), (bytes) => {
        const r = importCatalogue(bytes, demo);
        return r.ok ? Array.isArray(r.errors) && Array.isArray(r.plan.procedures) : typeof r.error === 'string' && r.error.length > 0;
      }),
      { numRuns: 300 },
    );
  });
});
