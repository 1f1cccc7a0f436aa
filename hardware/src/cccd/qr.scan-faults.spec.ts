/**
 * What scanners do to a CCCD QR on its way in: decode UTF-8 as Latin-1 or Windows-1252, break a
 * field over two lines, drop the diacritic of "Nữ". One table per fault, the samples in it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairMojibake } from './mojibake.ts';
import { parseCccdQr } from './qr.ts';

const TODAY = new Date('2026-11-22T03:00:00Z');
const card = (name: string, address = 'Số 12 Lý Thường Kiệt, Hà Nội', gender = 'Nữ') =>
  `079190012345||${name}|15031990|${gender}|${address}|10082021`;
/** The text a scanner sends when it reads the UTF-8 bytes in another single-byte code page. */
const misread = (text: string, as: 'latin1' | 'windows-1252') => {
  const bytes = new TextEncoder().encode(text);
  // WHATWG's TextDecoder('latin1') is Windows-1252; true Latin-1 keeps 0x80–0x9F as C1 controls.
  return as === 'latin1' ? String.fromCharCode(...bytes) : new TextDecoder(as).decode(bytes);
};

describe('parseCccdQr — UTF-8 read in the wrong encoding', () => {
  it.each([
    ['read as Latin-1', misread(card('Nguyễn Thị Hoa'), 'latin1')],
    ['read as Windows-1252', misread(card('Nguyễn Thị Hoa'), 'windows-1252')],
    ['read as Windows-1252, decomposed first', misread(card('Nguyễn Thị Hoa').normalize('NFD'), 'windows-1252')],
  ])('repairs a scan %s', (_label, text) => {
    expect(text).not.toContain('Nguyễn');
    expect(parseCccdQr(text, TODAY)).toMatchObject({ ok: true, value: { fullName: 'Nguyễn Thị Hoa', address: 'Số 12 Lý Thường Kiệt, Hà Nội', gender: 'Nữ' } });
  });

  it.each([
    // The sample: the C1 bytes (0x85 in ễ, 0x8B in ị) were lost, so it cannot be re-decoded.
    ['Nguyá»n Thá» Hoa', card('Nguyá»n Thá» Hoa')],
    ['mojibake beside real Vietnamese', card('Nguyá»\u0085n Thị Hoa')],
    ['mojibake in the address only', card('Nguyễn Thị Hoa', 'Sá»‘ 12 LÃ½ ThÆ°á»')],
  ])('refuses %s as a bad scan', (_label, text) => {
    const r = parseCccdQr(text, TODAY);
    expect(r).toMatchObject({ ok: false, error: { code: 'encoding' } });
    if (!r.ok) expect(r.error.message).toMatch(/quét lại \/ /);
  });

  it.each(['Nguyễn Thị Hoa', 'NGÃ BA ĐỒNG', 'Lê Ánh Â', 'Ông Ê Ô Ư', 'Hà\u00A0Nội', 'Hà–Nội', 'Ì‘a'])('leaves real Vietnamese alone: %s', (name) => {
    // (a no-break space becomes a plain one, as every run of white space does)
    expect(parseCccdQr(card(name), TODAY)).toMatchObject({ ok: true, value: { fullName: name.replace(/\s+/g, ' ') } });
  });

  it('never takes real Vietnamese with punctuation for mojibake, and repairs any of it misread', () => {
    const letters = [...'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ'];
    const alphabet = [...letters, ...letters.map((c) => c.toUpperCase()), ...' ,.-–—…/()0123456789°'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(repairMojibake(text)).toEqual({ kind: 'clean' });
        expect(repairMojibake(text.normalize('NFD'))).toEqual({ kind: 'clean' });
        // Punctuation alone ("“" → "â€œ") is not looked for: a misread name always has a toned letter.
        if (/[\u00C0-\u1EF9]/u.test(text)) expect(repairMojibake(misread(text, 'windows-1252'))).toEqual({ kind: 'repaired', text });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseCccdQr — line breaks inside a field', () => {
  it.each([
    ['LF in the name', card('Nguyễn Thị\nHoa'), 'Nguyễn Thị Hoa', 'Số 12 Lý Thường Kiệt, Hà Nội'],
    ['CRLF in the address', card('Nguyễn Thị Hoa', 'Số 12 Lý Thường Kiệt,\r\nHà Nội'), 'Nguyễn Thị Hoa', 'Số 12 Lý Thường Kiệt, Hà Nội'],
    ['CR between words', card('Nguyễn\rThị Hoa', 'Số 12\rLý Thường Kiệt, Hà Nội'), 'Nguyễn Thị Hoa', 'Số 12 Lý Thường Kiệt, Hà Nội'],
  ])('%s becomes a space', (_label, text, fullName, address) => {
    expect(parseCccdQr(text, TODAY)).toMatchObject({ ok: true, value: { fullName, address } });
  });
});

describe('parseCccdQr — gender without its diacritic', () => {
  it.each([
    ['Nu', 'Nữ'],
    ['NU', 'Nữ'],
    ['nữ', 'Nữ'],
    ['Nu\u0308', null],
    ['Nam', 'Nam'],
  ])('%s → %s', (gender, want) => {
    const r = parseCccdQr(card('Nguyễn Thị Hoa', 'Huế', gender), TODAY);
    if (want === null) expect(r).toMatchObject({ ok: false, error: { code: 'gender' } });
    else expect(r).toMatchObject({ ok: true, value: { gender: want } });
  });
});

describe('parseCccdQr — births long ago (the full year is on the QR)', () => {
  it.each([
    ['001025001234||Lê Văn Tám|10031925|Nam|Huế|01012020', '1925-03-10', 101],
    ['001126001234||Trần Thị Bé|15121926|Nữ|Huế|01012020', '1926-12-15', 99],
    ['001225001234||Trần Thị Bé|10032025|Nữ|Huế|01062025', '2025-03-10', 1],
  ])('%s', (text, dateOfBirth, age) => {
    expect(parseCccdQr(text, TODAY)).toMatchObject({ ok: true, value: { dateOfBirth, age } });
  });
});
