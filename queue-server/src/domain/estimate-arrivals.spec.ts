import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arrivalRates, expectedArrivals, isExpected, MAX_EXPECTED, type SeenArrival } from './estimate-arrivals.ts';
import { estimateAll, estimateFor, type OpenCounter } from './estimate.ts';
import type { Candidate, PolicyKind, PolicySettings } from './policy.ts';

const min = 60_000;
const t = (id: string, serviceId: string, enqueuedAt: number, priority = false): Candidate => ({
  id, number: id, serviceId, status: 'waiting', priorityCategoryId: priority ? 'p' : null, enqueuedAt, arrivedAt: enqueuedAt, priorWaitMs: 0, bookedAt: null,
});
const policy = (kind: PolicyKind): PolicySettings => ({ kind, targetWaitMinutes: 15, priorityAdvanceMinutes: 10 });
const seen = (serviceId: string, atMin: number, priority = false): SeenArrival => ({ serviceId, priority, at: atMin * min });

describe('expected arrivals (issue 18.3)', () => {
  it('rates per field and class over the last hour, never over time nobody watched, and over at least 20 minutes', () => {
    const log = [seen('a', 10), seen('a', 50), seen('a', 70), seen('a', 80, true), seen('b', 95), seen('a', 121)];
    // At 120: the hour (60, 120] holds a at 70 and 80 (priority) and b at 95.
    expect(arrivalRates(log, 120 * min, 0)).toEqual({ a: { regular: 1, priority: 1 }, b: { regular: 1, priority: 0 } });
    // Watched only since 90: b's one arrival over those 30 minutes is 2 an hour.
    expect(arrivalRates(log, 120 * min, 90 * min)).toEqual({ b: { regular: 2, priority: 0 } });
    // Watched since 115: one arrival is not 12 an hour but 3 (over 20 minutes).
    expect(arrivalRates([seen('a', 118)], 120 * min, 115 * min)).toEqual({ a: { regular: 3, priority: 0 } });
  });

  it('spreads each stream evenly over the hour ahead, as walk-ins marked expected, in issue order', () => {
    const xs = expectedArrivals({ a: { regular: 6, priority: 2 } }, 0);
    expect(xs.filter((x) => x.priorityCategoryId === null).map((x) => x.enqueuedAt / min)).toEqual([5, 15, 25, 35, 45, 55]);
    expect(xs.filter((x) => x.priorityCategoryId !== null).map((x) => x.enqueuedAt / min)).toEqual([15, 45]);
    expect(xs.every((x) => isExpected(x) && x.bookedAt === null && x.priorWaitMs === 0 && x.serviceId === 'a')).toBe(true);
    expect(xs.map((x) => x.enqueuedAt)).toEqual([...xs.map((x) => x.enqueuedAt)].sort((a, b) => a - b));
    expect(new Set(xs.map((x) => x.id)).size).toBe(xs.length);
    expect(isExpected(t('1', 'a', 0))).toBe(false);
    expect(expectedArrivals({ a: { regular: 0, priority: 0 } }, 0)).toEqual([]);
  });

  it('in the forward run, priority citizens still to come overtake at a priority counter: the estimate says so, and nobody counts them as people ahead', () => {
    // R has waited 20 minutes; the only counter (a priority one) is busy for 6 more, then 10 a service.
    // Priority citizens come every 5 minutes (at 2.5, 7.5, 12.5 …): each is called first there, until R
    // has waited POOLED_WAIT_MS (55 minutes, at 35), when the pool calls it — at 36.
    const r = t('R', 'a', -20 * min);
    const counters: OpenCounter[] = [{ id: 'c1', serviceIds: ['a'], priority: true, weights: {}, freeAt: 6 * min }];
    const base = { waiting: [r], counters, serviceMs: { a: 10 * min }, policy: policy('target'), now: 0 };
    expect(estimateFor(r, base)).toEqual({ peopleAhead: 0, estimatedWaitMinutes: 6 });
    expect(estimateFor(r, { ...base, arrivals: { a: { regular: 0, priority: 12 } } })).toEqual({ peopleAhead: 0, estimatedWaitMinutes: 36 });
    // First come, first served: nobody who comes later goes ahead.
    expect(estimateFor(r, { ...base, policy: policy('fifo'), arrivals: { a: { regular: 0, priority: 12 } } })).toEqual({ peopleAhead: 0, estimatedWaitMinutes: 6 });
  });

  it('property: under first come, first served the expected arrivals change no waiting ticket\'s estimate', () => {
    const arb = fc.record({
      tickets: fc.array(fc.record({ s: fc.constantFrom('a', 'b', 'c'), at: fc.integer({ min: -90, max: 0 }), p: fc.boolean() }), { maxLength: 40 }),
      counters: fc.array(fc.record({ s: fc.subarray(['a', 'b', 'c'], { minLength: 1 }), prio: fc.boolean(), free: fc.integer({ min: 0, max: 20 }) }), { minLength: 1, maxLength: 4 }),
      rates: fc.record({ a: fc.integer({ min: 0, max: 40 }), b: fc.integer({ min: 0, max: 40 }), p: fc.integer({ min: 0, max: 10 }) }),
    });
    fc.assert(
      fc.property(arb, ({ tickets, counters, rates }) => {
        const waiting = tickets.map((x, i) => t(String(i), x.s, x.at * min, x.p));
        const open = counters.map((c, i): OpenCounter => ({ id: `k${i}`, serviceIds: c.s, priority: c.prio, weights: {}, freeAt: c.free * min }));
        const input = { waiting, counters: open, serviceMs: { a: 8 * min, b: 5 * min, c: 12 * min }, policy: policy('fifo'), now: 0, horizonMs: 60 * min };
        const arrivals = { a: { regular: rates.a, priority: rates.p }, b: { regular: rates.b, priority: 0 } };
        expect(estimateAll({ ...input, arrivals })).toEqual(estimateAll(input));
      }),
      { numRuns: 200 },
    );
  });

  it('a burst no hall sees (a thousand numbers a minute) is expected only as far ahead as MAX_EXPECTED arrivals reach, the nearest of each stream', () => {
    const now = 100 * min;
    const all = expectedArrivals({ a: { regular: 60_000, priority: 6_000 }, b: { regular: 600, priority: 0 } }, now);
    expect(all.length).toBeLessThanOrEqual(MAX_EXPECTED);
    expect(all.length).toBeGreaterThan(MAX_EXPECTED - 4);
    // every stream keeps its share, from now on, in time order
    const share = (sid: string, p: boolean) => all.filter((x) => x.serviceId === sid && (x.priorityCategoryId !== null) === p).length;
    expect(share('a', false) / share('a', true)).toBeCloseTo(10, 0);
    expect(share('b', false)).toBeGreaterThanOrEqual(3);
    expect(all.every((x, i) => i === 0 || x.enqueuedAt >= all[i - 1]!.enqueuedAt)).toBe(true);
    expect(all[0]!.enqueuedAt).toBeGreaterThanOrEqual(now);
    // an ordinary hall's hour is left whole
    expect(expectedArrivals({ a: { regular: 120, priority: 20 } }, now)).toHaveLength(140);
  });
});
