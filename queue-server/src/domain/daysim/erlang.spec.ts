import { describe, expect, it } from 'vitest';
import { erlangC, serviceLevel, staffingFor } from './erlang.ts';

describe('Erlang C', () => {
  it('matches the textbook case: 10 Erlangs on 11 agents wait with probability ≈ 0.682', () => {
    expect(erlangC(11, 10)).toBeCloseTo(0.6821, 3);
  });
  it('one server: the chance to wait is the load', () => {
    expect(erlangC(1, 0.6)).toBeCloseTo(0.6, 10);
  });
  it('staffing is the first N reaching the level', () => {
    const n = staffingFor(30, 12, 15, 0.95);
    expect(serviceLevel(n, 6, 12, 15)).toBeGreaterThanOrEqual(0.95);
    expect(serviceLevel(n - 1, 6, 12, 15)).toBeLessThan(0.95);
  });
});
