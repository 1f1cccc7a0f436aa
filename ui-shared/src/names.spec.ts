import { describe, expect, it } from 'vitest';
import { localName } from './names.ts';

describe('localName', () => {
  it('gives the English name in English, the Vietnamese one otherwise or when there is none', () => {
    const field = { name: 'Hộ tịch', nameEn: 'Civil status' };
    expect(localName(field, 'en')).toBe('Civil status');
    expect(localName(field, 'vi')).toBe('Hộ tịch');
    expect(localName({ name: 'Đất đai', nameEn: null }, 'en')).toBe('Đất đai');
    expect(localName(undefined, 'vi')).toBe('');
  });
});
