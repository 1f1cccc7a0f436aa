import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paginate } from './pages.ts';

describe('paginate', () => {
  it('keeps everything on one page when it fits', () => {
    expect(paginate([10, 10, 10], 2, 34)).toEqual([[0, 1, 2]]);
  });
  it('starts a new page at the row that would not fit, counting the gaps', () => {
    expect(paginate([10, 10, 10], 2, 33)).toEqual([[0, 1], [2]]);
  });
  it('gives a row taller than the panel a page of its own', () => {
    expect(paginate([5, 50, 5], 1, 20)).toEqual([[0], [1], [2]]);
  });
  it('every row once, in order, and every page of more than one row fits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 80 }), { maxLength: 60 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 400 }), (hs, gap, avail) => {
        const pages = paginate(hs, gap, avail);
        expect(pages.flat()).toEqual(hs.map((_, i) => i));
        for (const p of pages) if (p.length > 1) expect(p.reduce((s, i) => s + hs[i]!, 0) + gap * (p.length - 1)).toBeLessThanOrEqual(avail);
      }),
    );
  });
});
