import { describe, expect, it } from 'vitest';
import { looksLikeDossierCode, normalizeDossierCode } from './dossier-code.ts';

describe('dossier codes', () => {
  it('accepts the documented shape', () => {
    expect(looksLikeDossierCode('261120-HT01-0007')).toBe(true);
  });
  it('tidies what was typed or scanned before checking', () => {
    expect(normalizeDossierCode(' 261120–ht01–0007\r\n')).toBe('261120-HT01-0007');
    expect(normalizeDossierCode('261120 HT01-0007')).toBe('261120HT01-0007');
  });
  it('rejects malformed codes', () => {
    for (const c of ['', '261120', 'ABCDEF-HT01-0007', '261120-HT01', '261120-HT01-00X7', '2611200-HT01-0007']) {
      expect(looksLikeDossierCode(c)).toBe(false);
    }
  });
});
