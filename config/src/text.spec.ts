import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesQuery, normalizeNfc } from './text.ts';

describe('foldVietnamese', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['ĐẤT ĐAI', 'dat dai'],
    ['Lao động – Thương binh và Xã hội', 'lao dong – thuong binh va xa hoi'],
    ['  Chứng   thực\tbản\nsao ', 'chung thuc ban sao'],
    ['Người cao tuổi', 'nguoi cao tuoi'],
    ['Ðăng ký', 'dang ky'], // U+00D0 typed for Đ
    ['', ''],
  ])('%j → %j', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('folds Đ and đ to d', () => {
    expect(foldVietnamese('Đ')).toBe('d');
    expect(foldVietnamese('đ')).toBe('d');
  });

  it('gives the same result for decomposed input', () => {
    const nfd = 'Đăng ký kết hôn'.normalize('NFD');
    expect(nfd).not.toBe('Đăng ký kết hôn');
    expect(foldVietnamese(nfd)).toBe('dang ky ket hon');
  });
});

describe('matchesQuery', () => {
  it('finds a procedure typed without diacritics', () => {
    expect(matchesQuery('Đăng ký khai sinh', 'dang ky khai sinh')).toBe(true);
  });

  it('needs every word, in any order', () => {
    expect(matchesQuery('Đăng ký khai sinh', 'khai sinh dang')).toBe(true);
    expect(matchesQuery('Đăng ký khai sinh', 'khai tu')).toBe(false);
  });

  it('accepts decomposed text and query, and punctuation in the query', () => {
    expect(matchesQuery('Chứng thực chữ ký'.normalize('NFD'), 'CHỮ KÝ,')).toBe(true);
    expect(matchesQuery('Đất đai', 'đất'.normalize('NFD'))).toBe(true);
  });

  it('matches everything on an empty query', () => {
    expect(matchesQuery('Xây dựng', '')).toBe(true);
    expect(matchesQuery('Xây dựng', '  ,  ')).toBe(true);
  });
});

describe('normalizeNfc', () => {
  it('composes decomposed Vietnamese', () => {
    const nfd = 'Hộ tịch'.normalize('NFD');
    expect(normalizeNfc(nfd)).toBe('Hộ tịch');
    expect(normalizeNfc(nfd).length).toBeLessThan(nfd.length);
  });
});
