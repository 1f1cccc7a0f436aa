import { describe, expect, it } from 'vitest';
import { vnDate } from './format.ts';

describe('vnDate', () => {
  it('writes a day as dd/mm/yyyy and leaves what is not a day alone', () => {
    expect(vnDate('2026-11-21')).toBe('21/11/2026');
    expect(vnDate('2026-12-20T00:00:00+07:00')).toBe('20/12/2026');
    expect(vnDate('kỳ')).toBe('kỳ');
  });
});
