import { describe, expect, it } from 'vitest';
import { maskedPhone } from './phone-mask.ts';

describe('maskedPhone', () => {
  it('keeps the last three digits only, whatever was typed between them', () => {
    expect(maskedPhone('0912345678')).toBe('•••••••678');
    expect(maskedPhone('0912 345 678')).toBe('•••••••678');
    expect(maskedPhone('12')).toBe('••');
    expect(maskedPhone('')).toBe('');
  });
});
