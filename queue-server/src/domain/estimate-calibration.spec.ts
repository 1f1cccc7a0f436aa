import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EstimateCalibration } from './estimate-calibration.ts';

describe('estimate calibration (issue 18.3)', () => {
  it('with nothing learned, the run’s figure alone and no range', () => {
    const c = new EstimateCalibration();
    expect(c.adjust(false, 12, 0)).toEqual({ estimatedWaitMinutes: 12, low: null, high: null });
    expect(c.adjust(false, null, 0)).toEqual({ estimatedWaitMinutes: null, low: null, high: null });
  });

  it('keeps the run’s figure and gives the range that held most recent waits, widened to hold the figure', () => {
    const c = new EstimateCalibration();
    // Estimated 12, waited 15 to 24: the run ran short by 3 to 12 minutes.
    for (let i = 0; i < 40; i++) c.observe(false, 12, 0, 15 + (i % 10));
    const a = c.adjust(false, 12, 0);
    expect(a.estimatedWaitMinutes).toBe(12);
    expect(a.low).toBe(12);
    expect(a.high).toBe(24);
    // Estimated 20, waited 12 to 21: the range runs below the figure.
    for (let i = 0; i < 40; i++) c.observe(false, 20, 0, 12 + (i % 10));
    expect(c.adjust(false, 20, 0)).toEqual({ estimatedWaitMinutes: 20, low: 12, high: 21 });
    // Another band (a short estimate) and the other class learned nothing from it.
    expect(c.adjust(false, 2, 0).low).toBeNull();
    expect(c.adjust(true, 12, 0).low).toBeNull();
  });

  it('property: the range holds the figure, and ≥ 80% of waits drawn like the learned ones', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 40 }), { minLength: 40, maxLength: 80 }), fc.integer({ min: 0, max: 60 }), (errors, estimate) => {
        const c = new EstimateCalibration();
        for (const e of errors) c.observe(false, estimate, 0, Math.max(0, estimate + e));
        const a = c.adjust(false, estimate, 0);
        expect(a.low!).toBeLessThanOrEqual(a.estimatedWaitMinutes!);
        expect(a.high!).toBeGreaterThanOrEqual(a.estimatedWaitMinutes!);
        const inside = errors.filter((e) => {
          const w = Math.round(Math.max(0, estimate + e));
          return w >= a.low! && w <= a.high!;
        }).length;
        expect(inside / errors.length).toBeGreaterThanOrEqual(0.8);
      }),
    );
  });
});
