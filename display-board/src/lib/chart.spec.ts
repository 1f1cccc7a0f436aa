import { describe, expect, it } from 'vitest';
import { bars, hourRange, niceMax } from './chart.ts';

describe('niceMax', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(12)).toBe(20);
    expect(niceMax(20)).toBe(20);
    expect(niceMax(41)).toBe(50);
    expect(niceMax(0.3)).toBe(0.5);
  });
});

describe('bars', () => {
  it('scales heights to the axis maximum and keeps the target in view', () => {
    const r = bars([{ label: '8', value: 10 }, { label: '9', value: null }], 200, 100, 15);
    expect(r.max).toBe(20);
    expect(r.bars[0]).toMatchObject({ height: 50, y: 50 });
    expect(r.bars[1]).toMatchObject({ height: 0, y: 100 });
    expect(r.bars[1]!.x).toBeGreaterThan(r.bars[0]!.x + r.bars[0]!.width);
  });
});

describe('hourRange', () => {
  it('fills the working day and widens it to hours with data', () => {
    expect(hourRange([{ hour: 9 }, { hour: 7 }], 8, 10)).toEqual([7, 8, 9, 10]);
    expect(hourRange([{ hour: 19 }], 7, 17)).toHaveLength(13);
    expect(hourRange([])).toEqual([]);
  });
});
