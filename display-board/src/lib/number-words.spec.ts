import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberToWords, ticketToWords } from './number-words.ts';

describe('numberToWords', () => {
  const cases: [number, string][] = [
    [0, 'không'],
    [1, 'một'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [55, 'năm mươi lăm'],
    [99, 'chín mươi chín'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [104, 'một trăm linh tư'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [1000, 'một nghìn'],
    [1001, 'một nghìn không trăm linh một'],
    [1010, 'một nghìn không trăm mười'],
    [1023, 'một nghìn không trăm hai mươi ba'],
    [1100, 'một nghìn một trăm'],
    [2345, 'hai nghìn ba trăm bốn mươi lăm'],
    [10000, 'mười nghìn'],
    [11000, 'mười một nghìn'],
    [21005, 'hai mươi mốt nghìn không trăm linh năm'],
    [1000000, 'một triệu'],
    [1000500, 'một triệu năm trăm'],
    [2000015, 'hai triệu không trăm mười lăm'],
  ];
  it.each(cases)('%i → %s', (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });

  it('rejects what it cannot read', () => {
    expect(() => numberToWords(-1)).toThrow(RangeError);
    expect(() => numberToWords(1.5)).toThrow(RangeError);
  });

  it('uses only words the board has clips for', () => {
    const known = new Set(['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mươi', 'trăm', 'nghìn', 'triệu', 'linh', 'mốt', 'tư', 'lăm']);
    for (let n = 0; n < 30000; n += 7) {
      for (const w of numberToWords(n).split(' ')) expect(known.has(w), `${n}: ${w}`).toBe(true);
    }
  });
});

describe('ticketToWords', () => {
  it('reads plain numbers as numbers', () => {
    expect(ticketToWords('1023')).toBe('một nghìn không trăm hai mươi ba');
  });
  it('spells the letters and reads zero-padded runs digit by digit', () => {
    expect(ticketToWords('A001')).toBe('a không không một');
    expect(ticketToWords('B15')).toBe('bê mười lăm');
  });
});

describe('numberToWords properties', () => {
  it('reads two different numbers differently', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 999_999 }), (a, b) => {
        fc.pre(a !== b);
        return numberToWords(a) !== numberToWords(b);
      }),
    );
  });

  it('reads a thousands group the same as the number alone, followed by "nghìn"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), (n) => numberToWords(n * 1000) === `${numberToWords(n)} nghìn`),
    );
  });
});

describe('ticketToWords — digit runs too long to read as a number', () => {
  // numberToWords stops below 10^12 (no clip for "nghìn tỷ"): a run of 13 or more digits is
  // answered digit by digit, so a call never fails on an odd number.
  const cases: [string, string][] = [
    ['1234567890123', 'một hai ba bốn năm sáu bảy tám chín không một hai ba'],
    ['A9999999999999', `a ${Array(13).fill('chín').join(' ')}`],
    ['99999999999999999999', Array(20).fill('chín').join(' ')],
    ['999999999999', numberToWords(999_999_999_999)],
  ];
  it.each(cases)('%s → %s', (ticket, words) => {
    expect(ticketToWords(ticket)).toBe(words);
  });

  it('never throws on any run of letters and digits', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Z0-9]{0,40}$/), (t) => typeof ticketToWords(t) === 'string'));
  });
});
