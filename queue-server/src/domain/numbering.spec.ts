import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTicketNumber } from './numbering.ts';

describe('ticket numbers', () => {
  it('reads like the hall call: prefix then a padded daily sequence', () => {
    expect(formatTicketNumber('1', 23, { digits: 3, pattern: '{prefix}{seq}' })).toBe('1023');
    expect(formatTicketNumber('A', 7, { digits: 3, pattern: '{prefix}-{seq}' })).toBe('A-007');
  });
  it('never repeats within a prefix, also past the padded width', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 99_999 }), { minLength: 2, maxLength: 200 }), (seqs) => {
        const numbers = seqs.map((s) => formatTicketNumber('1', s, { digits: 3, pattern: '{prefix}{seq}' }));
        expect(new Set(numbers).size).toBe(seqs.length);
      }),
    );
  });
  it('rejects a sequence that is not a positive integer', () => {
    expect(() => formatTicketNumber('1', 0, { digits: 3, pattern: '{prefix}{seq}' })).toThrow(RangeError);
  });
});
