import { describe, expect, it } from 'vitest';
import { validPhone } from './booking.ts';

describe('validPhone', () => {
  it('takes 10 digits from 0, with the spaces and dots people type', () => {
    expect(validPhone('0912345678')).toBe(true);
    expect(validPhone('0912 345 678')).toBe(true);
    expect(validPhone('091.234.5678')).toBe(true);
  });
  it('refuses short, long or non-zero-leading numbers', () => {
    expect(validPhone('091234567')).toBe(false);
    expect(validPhone('09123456789')).toBe(false);
    expect(validPhone('9912345678')).toBe(false);
  });
});
