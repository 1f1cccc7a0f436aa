import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { readXlsx } from './xlsx.ts';
import { readTable } from './read.ts';
import { workbook } from './testing.ts';

describe('readXlsx', () => {
  it('reads the first sheet with shared strings, rich-text runs, inline strings, numbers and gaps', () => {
    const bytes = workbook([
      ['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực'],
      [1.001193, 'Đăng ký khai sinh', 'Hộ tịch'],
      [],
      ['2.000815', { inline: 'Chứng thực bản sao & <bản chính>' }, null, 'Chứng thực'],
      [{ rich: ['Đăng ký ', 'kết hôn'] }],
    ]);
    expect(readXlsx(bytes)).toEqual([
      ['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực'],
      ['1.001193', 'Đăng ký khai sinh', 'Hộ tịch'],
      [],
      ['2.000815', 'Chứng thực bản sao & <bản chính>', '', 'Chứng thực'],
      ['Đăng ký kết hôn'],
    ]);
  });

  it('follows the workbook to its first sheet when it is not sheet1.xml', () => {
    const sheet = (v: string) =>
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${v}</t></is></c></row></sheetData></worksheet>`;
    const bytes = zipSync({
      'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="Danh mục" sheetId="2" r:id="rId7"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId7" Type="worksheet" Target="worksheets/danhmuc.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8(sheet('không phải')),
      'xl/worksheets/danhmuc.xml': strToU8(sheet('đúng trang')),
    });
    expect(readXlsx(bytes)).toEqual([['đúng trang']]);
  });

  it('refuses a zip that is not a workbook, and broken zips, with a message (readTable never throws)', () => {
    const notBook = readTable(zipSync({ 'readme.txt': strToU8('x') }));
    expect(notBook).toEqual({ ok: false, error: expect.stringContaining('không có trang tính') });
    const broken = readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]));
    expect(broken.ok).toBe(false);
  });
});
