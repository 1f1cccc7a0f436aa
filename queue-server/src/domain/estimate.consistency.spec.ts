// Estimates that cannot contradict each other (issue 20, point 7): at any
// moment, within one field and one priority class, a ticket issued later never
// has fewer people ahead, nor a shorter wait, than one issued earlier — under
// every policy, any mix of shared and weighted counters, busy or idle, and
// queues long enough to run past the horizon. The target policy's triage
// (policy.ts steps 2–3: a ticket just past due waits behind one that can still
// make the target) calls some later tickets first; the estimate shows each
// ticket at least what its earlier classmates show (estimate-order.ts). And
// only staffed counters serve: an open counter nobody is signed in at changes
// no estimate.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateAll, estimateQueue, type OpenCounter } from './estimate.ts';
import type { Candidate, PolicyKind } from './policy.ts';

const min = 60_000;
const FIELDS = ['a', 'b', 'c'];

const ticketArb = fc.record({
  serviceId: fc.constantFrom(...FIELDS),
  priority: fc.boolean(),
  enqueuedAt: fc.integer({ min: -120 * min, max: 0 }),
});
const counterArb = fc.record({
  serviceIds: fc.subarray(FIELDS, { minLength: 1 }),
  priority: fc.boolean(),
  weight: fc.integer({ min: 1, max: 4 }),
  busyFor: fc.integer({ min: 0, max: 20 * min }),
});

describe('estimate consistency', () => {
  it('within one field and one priority class, people ahead and the wait never decrease with issue time', () => {
    fc.assert(
      fc.property(
        fc.array(ticketArb, { minLength: 2, maxLength: 60 }),
        fc.array(counterArb, { minLength: 1, maxLength: 5 }),
        fc.constantFrom<PolicyKind>('fifo', 'priority', 'target'),
        fc.constantFrom(30 * min, 120 * min),
        (ts, cs, kind, horizonMs) => {
          // distinct issue times, as the server's clock gives them
          const waiting: Candidate[] = ts.map((t, i) => ({
            id: `t${i}`, number: String(i), serviceId: t.serviceId, status: 'waiting', priorityCategoryId: t.priority ? 'elderly' : null,
            enqueuedAt: t.enqueuedAt * 100 + i, arrivedAt: t.enqueuedAt * 100 + i, priorWaitMs: 0, bookedAt: null,
          }));
          const counters: OpenCounter[] = cs.map((c, i) => ({
            id: `c${i}`, serviceIds: c.serviceIds, priority: c.priority, weights: { [c.serviceIds[0]!]: c.weight }, freeAt: c.busyFor,
          }));
          const all = estimateAll({ waiting, counters, serviceMs: { a: 8 * min, b: 12 * min, c: 5 * min }, policy: { kind, targetWaitMinutes: 15, priorityAdvanceMinutes: 10 }, now: 0, horizonMs });
          const sorted = [...waiting].sort((x, y) => x.enqueuedAt - y.enqueuedAt);
          for (const [i, earlier] of sorted.entries()) {
            for (const later of sorted.slice(i + 1)) {
              if (later.serviceId !== earlier.serviceId || later.priorityCategoryId !== earlier.priorityCategoryId) continue;
              const e = all.get(earlier.id)!;
              const l = all.get(later.id)!;
              expect(l.peopleAhead, `${later.id} issued after ${earlier.id}`).toBeGreaterThanOrEqual(e.peopleAhead);
              if (e.estimatedWaitMinutes !== null && l.estimatedWaitMinutes !== null) expect(l.estimatedWaitMinutes).toBeGreaterThanOrEqual(e.estimatedWaitMinutes);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('under the target policy a ticket just past due, called after a later one, shows no more people ahead than that later one', () => {
    // t1 came 97 s before t0; the only counter frees at the very instant t1 reaches the target.
    const ticket = (id: string, enqueuedAt: number): Candidate => ({
      id, number: id, serviceId: 'b', status: 'waiting', priorityCategoryId: null, enqueuedAt, arrivedAt: enqueuedAt, priorWaitMs: 0, bookedAt: null,
    });
    const waiting = [ticket('t0', 0), ticket('t1', -96_799)];
    const counters: OpenCounter[] = [{ id: 'c0', serviceIds: ['b'], priority: false, weights: { b: 1 }, freeAt: 803_201 }];
    const all = estimateAll({ waiting, counters, serviceMs: { b: 12 * min }, policy: { kind: 'target', targetWaitMinutes: 15, priorityAdvanceMinutes: 10 }, now: 0, horizonMs: 30 * min });
    // The policy calls t0 first (13 min), then t1 (25 min); the later t0 shows what the earlier t1 shows.
    expect(all.get('t1')).toEqual({ peopleAhead: 1, estimatedWaitMinutes: 25 });
    expect(all.get('t0')).toEqual({ peopleAhead: 1, estimatedWaitMinutes: 25 });
    // the same queue first come, first served
    const fifo = estimateAll({ waiting, counters, serviceMs: { b: 12 * min }, policy: { kind: 'fifo', targetWaitMinutes: 15, priorityAdvanceMinutes: 10 }, now: 0, horizonMs: 30 * min });
    expect([fifo.get('t0')!.peopleAhead, fifo.get('t1')!.peopleAhead]).toEqual([1, 0]);
  });

  it('an open counter nobody is signed in at shortens no estimate, for waiting tickets and new ones', () => {
    fc.assert(
      fc.property(
        fc.array(ticketArb, { minLength: 1, maxLength: 40 }),
        fc.array(counterArb, { minLength: 1, maxLength: 4 }),
        fc.array(counterArb, { minLength: 1, maxLength: 3 }),
        fc.constantFrom<PolicyKind>('fifo', 'priority', 'target'),
        (ts, staffed, empty, kind) => {
          const waiting: Candidate[] = ts.map((t, i) => ({
            id: `t${i}`, number: String(i), serviceId: t.serviceId, status: 'waiting', priorityCategoryId: t.priority ? 'elderly' : null,
            enqueuedAt: t.enqueuedAt * 100 + i, arrivedAt: t.enqueuedAt * 100 + i, priorWaitMs: 0, bookedAt: null,
          }));
          const counter = (c: (typeof staffed)[number], id: string, isStaffed?: boolean): OpenCounter => ({
            id, serviceIds: c.serviceIds, priority: c.priority, weights: { [c.serviceIds[0]!]: c.weight }, freeAt: c.busyFor, ...(isStaffed === undefined ? {} : { staffed: isStaffed }),
          });
          const base = { waiting, serviceMs: { a: 8 * min, b: 12 * min, c: 5 * min }, policy: { kind, targetWaitMinutes: 15, priorityAdvanceMinutes: 10 }, now: 0 };
          const probes = FIELDS.map((s): Candidate => ({ id: `new-${s}`, number: '', serviceId: s, status: 'waiting', priorityCategoryId: null, enqueuedAt: 0, arrivedAt: 0, priorWaitMs: 0, bookedAt: null }));
          const only = estimateQueue({ ...base, counters: staffed.map((c, i) => counter(c, `s${i}`)) }, probes);
          const withEmpty = estimateQueue({ ...base, counters: [...staffed.map((c, i) => counter(c, `s${i}`, true)), ...empty.map((c, i) => counter(c, `e${i}`, false))] }, probes);
          for (const w of waiting) expect(withEmpty.of(w)).toEqual(only.of(w));
          for (const p of probes) expect(withEmpty.probes.get(p.id)).toEqual(only.probes.get(p.id));
        },
      ),
      { numRuns: 200 },
    );
  });
});
