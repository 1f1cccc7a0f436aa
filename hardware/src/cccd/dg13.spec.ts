import { describe, expect, it } from 'vitest';
import { encodeDg13, parseDg13, type Dg13 } from './dg13.ts';
import { tlv } from './tlv.ts';

const SAMPLE: Dg13 = {
  idNumber: '001054012345',
  fullName: 'Nguyễn Thị Hường',
  dateOfBirth: '12/03/1954',
  gender: 'Nữ',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: 'Phật giáo',
  placeOfOrigin: 'Xã Đông Hưng, Huyện Thái Thuỵ, Thái Bình',
  placeOfResidence: 'Số 7 ngõ 12 Phố Huế, Phường Phạm Đình Hổ, Hai Bà Trưng, Hà Nội',
  identifyingFeatures: 'Nốt ruồi C:1,5cm trên sau đuôi mắt phải',
  dateOfIssue: '10/08/2021',
  dateOfExpiry: 'Không thời hạn',
  fatherName: 'Nguyễn Văn Đức',
  motherName: 'Trần Thị Thuỷ',
  oldIdNumber: '012345678',
};

describe('DG13 (Vietnamese optional details)', () => {
  it('round-trips every field with its diacritics', () => {
    expect(parseDg13(encodeDg13(SAMPLE))).toEqual(SAMPLE);
  });

  it('reads the field numbers, whatever their order, and the parents as nested sequences', () => {
    const enc = new TextEncoder();
    const f = (n: number, ...v: Uint8Array[]) => tlv(0x30, tlv(0x02, Uint8Array.of(n)), ...v);
    const s = (x: string) => tlv(0x0c, enc.encode(x));
    const bytes = tlv(
      0x6d,
      tlv(0x06, Uint8Array.of(0x2b, 0x06)),
      f(16, s('012345678')),
      f(2, s('Lê Văn Ánh')),
      f(13, tlv(0x30, s('Lê Văn Bảy')), tlv(0x30, s('Phạm Thị Ơn'))),
      f(6, s('Tày')),
    );
    const d = parseDg13(bytes);
    expect([d.fullName, d.oldIdNumber, d.fatherName, d.motherName, d.ethnicity, d.religion]).toEqual(['Lê Văn Ánh', '012345678', 'Lê Văn Bảy', 'Phạm Thị Ơn', 'Tày', '']);
  });

  it('refuses bytes that are not DG13 or not UTF-8', () => {
    expect(() => parseDg13(tlv(0x61, Uint8Array.of(1)))).toThrow(/6D/);
    expect(() => parseDg13(tlv(0x6d, tlv(0x30, tlv(0x02, Uint8Array.of(2)), tlv(0x0c, Uint8Array.of(0xc3)))))).toThrow();
    expect(() => parseDg13(Uint8Array.of(0x6d, 0x05, 0x30))).toThrow(/past the end/);
  });
});
