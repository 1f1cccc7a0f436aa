import { describe, expect, it } from 'vitest';
import { applyTone, typeLetter, type Tone } from './vn-marks.ts';

/** Types a name as the keys would: letters, then a tone key at the end of a word. */
function type(keys: (string | Tone)[]): string {
  let s = '';
  for (const k of keys) s = k.length > 1 && k !== ' ' ? applyTone(s, k as Tone) : k === ' ' ? s + ' ' : typeLetter(s, k);
  return s;
}

describe('applyTone', () => {
  it.each([
    ['Nguyên', 'nga', 'Nguyễn'],
    ['Trân', 'huyen', 'Trần'],
    ['Thi', 'nang', 'Thị'],
    ['Hoang', 'huyen', 'Hoàng'],
    ['Hoa', 'huyen', 'Hòa'],
    ['Thuy', 'hoi', 'Thủy'],
    ['Phươc', 'sac', 'Phước'],
    ['Quyêt', 'sac', 'Quyết'],
    ['Giang', 'sac', 'Giáng'],
    ['Anh', 'sac', 'Ánh'],
    ['Ngoc', 'nang', 'Ngọc'],
    ['Ngươi', 'huyen', 'Người'],
  ] as const)('%s + %s → %s', (word, tone, expected) => {
    expect(applyTone(word, tone)).toBe(expected);
  });
  it('moves a tone to another and takes the same one off', () => {
    expect(applyTone('Hà', 'sac')).toBe('Há');
    expect(applyTone('Hà', 'huyen')).toBe('Ha');
  });
  it('touches only the last word, and leaves a word without vowel alone', () => {
    expect(applyTone('Lê Thi', 'nang')).toBe('Lê Thị');
    expect(applyTone('Lê ', 'sac')).toBe('Lê ');
    expect(applyTone('Đ', 'sac')).toBe('Đ');
  });
});

describe('typeLetter', () => {
  it('writes a name in title case from capital keys', () => {
    expect(type(['T', 'R', 'Â', 'N', 'huyen', ' ', 'T', 'H', 'I', 'nang', ' ', 'B', 'I', 'N', 'H', 'huyen'])).toBe('Trần Thị Bình');
  });
});
