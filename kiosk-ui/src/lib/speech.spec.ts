import { describe, expect, it } from 'vitest';
import { findVoice } from './speech.ts';

describe('findVoice', () => {
  it('prefers the exact vi-VN voice, accepting the underscore form some engines use', () => {
    expect(findVoice([{ lang: 'en-US' }, { lang: 'vi_VN' }], 'vi')).toBe(1);
  });
  it('finds no voice when the engine has none for the language, so the kiosk stays silent', () => {
    expect(findVoice([{ lang: 'en-US' }, { lang: 'fr-FR' }], 'vi')).toBe(-1);
    expect(findVoice([], 'vi')).toBe(-1);
  });
});
