import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCp1258, encodeCp1258, fitsCp1258 } from './cp1258.ts';

const VIETNAMESE =
  'aàảãáạ ăằẳẵắặ âầẩẫấậ eèẻẽéẹ êềểễếệ iìỉĩíị oòỏõóọ ôồổỗốộ ơờởỡớợ uùủũúụ ưừửữứự yỳỷỹýỵ đ';
const ALL = VIETNAMESE + ' ' + VIETNAMESE.toUpperCase();

describe('CP1258', () => {
  it('agrees with the platform decoder on every defined byte', () => {
    const platform = new TextDecoder('windows-1258');
    for (let b = 0x20; b <= 0xff; b++) {
      if ([0x7f, 0x81, 0x8a, 0x8d, 0x8e, 0x8f, 0x90, 0x9a, 0x9d, 0x9e].includes(b)) continue;
      expect(decodeCp1258(Uint8Array.of(b)), `byte 0x${b.toString(16)}`).toBe(platform.decode(Uint8Array.of(b)).normalize('NFC'));
    }
  });

  it('round-trips every Vietnamese letter in both cases', () => {
    expect(decodeCp1258(encodeCp1258(ALL))).toBe(ALL);
    expect(fitsCp1258(ALL)).toBe(true);
  });

  it('uses precomposed bytes where the code page has them and tone marks otherwise', () => {
    expect([...encodeCp1258('á')]).toEqual([0xe1]);
    expect([...encodeCp1258('Ơ')]).toEqual([0xd5]);
    expect([...encodeCp1258('ấ')]).toEqual([0xe2, 0xec]);
    expect([...encodeCp1258('ậ')]).toEqual([0xe2, 0xf2]);
    expect([...encodeCp1258('ữ')]).toEqual([0xfd, 0xde]);
    expect([...encodeCp1258('ỷ')]).toEqual([0x79, 0xd2]);
    expect([...encodeCp1258('Ặ')]).toEqual([0xc3, 0xf2]);
    expect([...encodeCp1258('₫')]).toEqual([0xfe]);
  });

  it('accepts decomposed input and decodes to NFC', () => {
    const s = 'Trung tâm Phục vụ hành chính công – Số thứ tự';
    expect(decodeCp1258(encodeCp1258(s.normalize('NFD')))).toBe(s);
  });

  it('replaces what the code page cannot hold with ?', () => {
    expect(decodeCp1258(encodeCp1258('số 5 → 漢'))).toBe('số 5 ? ?');
    expect(fitsCp1258('漢')).toBe(false);
  });

  it('round-trips any text made of Vietnamese letters, ASCII and punctuation', () => {
    const alphabet = [...new Set([...ALL, ...' 0123456789.,:;-/()!?"\'ABCXYZ'])];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet)), (chars) => {
        const s = chars.join('');
        expect(decodeCp1258(encodeCp1258(s))).toBe(s.normalize('NFC'));
      }),
    );
  });
});
