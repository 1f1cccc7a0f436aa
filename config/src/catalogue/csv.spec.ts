import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads ; files with a BOM, CRLF and quoted multi-line cells', () => {
    const text = '\uFEFFMã thủ tục;Tên thủ tục;Thành phần hồ sơ\r\n1.001193;Đăng ký khai sinh;"- Tờ khai\r\n- Giấy chứng sinh; bản chính"\r\n';
    expect(detectSeparator(text.slice(1))).toBe(';');
    expect(parseCsv(text)).toEqual([
      ['Mã thủ tục', 'Tên thủ tục', 'Thành phần hồ sơ'],
      ['1.001193', 'Đăng ký khai sinh', '- Tờ khai\r\n- Giấy chứng sinh; bản chính'],
    ]);
  });

  it('reads , files with doubled quotes and a last line without its line end', () => {
    expect(parseCsv('a,b\n"say ""hi"", then",2')).toEqual([
      ['a', 'b'],
      ['say "hi", then', '2'],
    ]);
  });

  it('picks the separator by counting outside quotes only, and tabs from "Unicode text" exports', () => {
    expect(detectSeparator('"a;b;c",d,e\n')).toBe(',');
    expect(detectSeparator('Mã\tTên\tLĩnh vực\n')).toBe('\t');
  });

  it('keeps a quote inside a cell as text and keeps empty cells', () => {
    expect(parseCsv('a;5" màn hình;;\n')).toEqual([['a', '5" màn hình', '', '']]);
  });
});
