import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateAll, estimateFor, estimateQueue, expectedServiceMs, HORIZON_MS, type OpenCounter } from './estimate.ts';
import type { Candidate, PolicyKind, PolicySettings } from './policy.ts';

const min = 60_000;
const t = (id: string, serviceId: string, enqueuedAt: number, priority = false): Candidate => ({
  id, number: id, serviceId, status: 'waiting', priorityCategoryId: priority ? 'p' : null, enqueuedAt, arrivedAt: enqueuedAt, priorWaitMs: 0, bookedAt: null,
});
const policy: PolicySettings = { kind: 'fifo', targetWaitMinutes: 15, priorityAdvanceMinutes: 10 };
const counter = (id: string, serviceIds: string[], freeAt = 0): OpenCounter => ({ id, serviceIds, priority: false, weights: {}, freeAt });

describe('wait estimate', () => {
  it('one counter, three ahead of ten minutes each → 30 minutes, 3 ahead', () => {
    const waiting = [t('1', 'a', 1), t('2', 'a', 2), t('3', 'a', 3), t('me', 'a', 4)];
    const e = estimateFor(waiting[3]!, { waiting, counters: [counter('c1', ['a'])], serviceMs: { a: 10 * min }, policy, now: 0 });
    expect(e).toEqual({ peopleAhead: 3, estimatedWaitMinutes: 30 });
  });
  it('two counters halve it; a busy counter counts its remaining service', () => {
    const waiting = [t('1', 'a', 1), t('2', 'a', 2), t('me', 'a', 3)];
    const two = estimateFor(waiting[2]!, { waiting, counters: [counter('c1', ['a']), counter('c2', ['a'])], serviceMs: { a: 10 * min }, policy, now: 0 });
    expect(two).toEqual({ peopleAhead: 2, estimatedWaitMinutes: 10 });
    const busy = estimateFor(waiting[2]!, { waiting, counters: [counter('c1', ['a'], 4 * min), counter('c2', ['a'], 7 * min)], serviceMs: { a: 10 * min }, policy, now: 0 });
    expect(busy.estimatedWaitMinutes).toBe(14);
  });
  it('tickets of other fields at a shared counter delay you but are not "people ahead" of your field', () => {
    const waiting = [t('1', 'b', 1), t('me', 'a', 2)];
    const e = estimateFor(waiting[1]!, { waiting, counters: [counter('c1', ['a', 'b'])], serviceMs: { a: 10 * min, b: 5 * min }, policy, now: 0 });
    expect(e).toEqual({ peopleAhead: 0, estimatedWaitMinutes: 5 });
  });
  it('no open counter for the field → unknown estimate', () => {
    const waiting = [t('1', 'a', 1), t('me', 'a', 2)];
    const e = estimateFor(waiting[1]!, { waiting, counters: [counter('c1', ['b'])], serviceMs: {}, policy, now: 0 });
    expect(e).toEqual({ peopleAhead: 1, estimatedWaitMinutes: null });
  });
  it('follows the policy as the simulated clock moves: a ticket that comes near its target is called before a weighted one', () => {
    const target: PolicySettings = { kind: 'target', targetWaitMinutes: 15, priorityAdvanceMinutes: 10 };
    // Ticket 1 (field a) is due at 15 min; 2 (field b, weight 6) at 16. Free at 8 min, the counter
    // still leans to b; free at 11 min, ticket 1 is within 5 minutes of its target and goes first.
    const waiting = [t('1', 'a', 0), t('2', 'b', 1 * min)];
    const c = (freeAt: number): OpenCounter => ({ id: 'c', serviceIds: ['a', 'b'], priority: false, weights: { b: 6 }, freeAt });
    const serviceMs = { a: 5 * min, b: 5 * min };
    expect(estimateFor(waiting[0]!, { waiting, counters: [c(8 * min)], serviceMs, policy: target, now: 0 }).estimatedWaitMinutes).toBe(13);
    expect(estimateFor(waiting[0]!, { waiting, counters: [c(11 * min)], serviceMs, policy: target, now: 0 }).estimatedWaitMinutes).toBe(11);
  });
  it('past the horizon a field drains at the rate the run served it: exact for a counter of its own', () => {
    const waiting = Array.from({ length: 30 }, (_, i) => t(String(i), 'a', i));
    const input = { waiting, counters: [counter('c1', ['a'], 3 * min)], serviceMs: { a: 10 * min }, policy, now: 0, horizonMs: 60 * min };
    const all = estimateAll(input);
    // Called at 3, 13, … 53 minutes within the hour; the rest continue every 10 minutes.
    waiting.forEach((w, i) => expect(all.get(w.id)).toEqual({ peopleAhead: i, estimatedWaitMinutes: 3 + 10 * i }));
    expect(estimateFor(waiting[29]!, input)).toEqual({ peopleAhead: 29, estimatedWaitMinutes: 293 });
    expect(estimateQueue(input, [t('new', 'a', 0.5)]).probes.get('new')).toEqual({ peopleAhead: 1, estimatedWaitMinutes: 13 });
    expect(estimateQueue(input, [t('new', 'a', 100)]).probes.get('new')).toEqual({ peopleAhead: 30, estimatedWaitMinutes: 303 });
  });
  it('past the horizon: never sooner than the horizon, and a field the run never reached gets its counters\' fair share', () => {
    // The shared counter is taken by field b (who came first) for the whole horizon; field a waits behind.
    const waiting = [...Array.from({ length: 12 }, (_, i) => t(`b${i}`, 'b', i)), t('a0', 'a', 50 * min), t('a1', 'a', 51 * min)];
    const input = { waiting, counters: [counter('c1', ['a', 'b'])], serviceMs: { a: 10 * min, b: 10 * min }, policy, now: 0, horizonMs: 60 * min };
    const all = estimateAll(input);
    expect(all.get('b11')).toEqual({ peopleAhead: 11, estimatedWaitMinutes: 110 });
    // Field a: fair share of one counter serving two fields, 10 minutes each → one every 20 minutes after the hour.
    expect(all.get('a0')).toEqual({ peopleAhead: 0, estimatedWaitMinutes: 80 });
    expect(all.get('a1')).toEqual({ peopleAhead: 1, estimatedWaitMinutes: 100 });
    // Field a was called once at the start, then the counter went to b: its next ticket is not due before the horizon.
    const early = [t('a0', 'a', 0), ...Array.from({ length: 12 }, (_, i) => t(`b${i}`, 'b', i + 1)), t('a1', 'a', 50 * min)];
    expect(estimateAll({ ...input, waiting: early }).get('a1')).toEqual({ peopleAhead: 1, estimatedWaitMinutes: 60 });
    // The default horizon covers a working morning call by call.
    expect(HORIZON_MS).toBeGreaterThanOrEqual(2 * 60 * min);
  });
  it('property: estimateAll gives each waiting ticket what estimateFor gives it', () => {
    const arb = fc.record({
      tickets: fc.array(fc.record({ s: fc.constantFrom('a', 'b', 'c'), at: fc.integer({ min: 0, max: 40 }), p: fc.boolean() }), { maxLength: 25 }),
      counters: fc.array(fc.record({ s: fc.subarray(['a', 'b'], { minLength: 1 }), free: fc.integer({ min: 0, max: 20 }), prio: fc.boolean() }), { maxLength: 3 }),
      kind: fc.constantFrom<PolicyKind>('fifo', 'priority', 'target'),
      horizon: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(arb, ({ tickets, counters, kind, horizon }) => {
        const waiting = tickets.map((x, i) => t(String(i), x.s, x.at * min, x.p));
        const input = {
          waiting,
          counters: counters.map((c, i) => ({ ...counter(`c${i}`, c.s, c.free * min), priority: c.prio, weights: { a: 2 } })),
          serviceMs: { a: 7 * min, b: 4 * min },
          policy: { ...policy, kind },
          now: 40 * min,
          horizonMs: horizon === undefined ? undefined : horizon * min,
        };
        const all = estimateAll(input);
        for (const w of waiting) expect(all.get(w.id)).toEqual(estimateFor(w, input));
      }),
    );
  });
  it('property: one run answers each probe (a ticket taken now) as estimateFor does with that probe added', () => {
    const arb = fc.record({
      tickets: fc.array(
        fc.record({ s: fc.constantFrom('a', 'b', 'c'), at: fc.integer({ min: 0, max: 40 }), p: fc.boolean(), booked: fc.option(fc.integer({ min: 30, max: 90 }), { nil: null }) }),
        { maxLength: 25 },
      ),
      counters: fc.array(
        fc.record({ s: fc.subarray(['a', 'b', 'c'], { minLength: 1 }), free: fc.integer({ min: 0, max: 60 }), prio: fc.boolean(), wa: fc.integer({ min: 1, max: 3 }) }),
        { maxLength: 4 },
      ),
      kind: fc.constantFrom<PolicyKind>('fifo', 'priority', 'target'),
      now: fc.integer({ min: 40, max: 70 }),
      horizon: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(arb, ({ tickets, counters, kind, now, horizon }) => {
        const waiting = tickets.map((x, i) => ({ ...t(String(i), x.s, x.at * min, x.p), bookedAt: x.booked === null ? null : x.booked * min }));
        const input = {
          waiting,
          counters: counters.map((c, i) => ({ ...counter(`c${i}`, c.s, c.free * min), priority: c.prio, weights: { a: c.wa } })),
          serviceMs: { a: 7 * min, b: 4 * min, c: 12 * min },
          policy: { ...policy, kind },
          now: now * min,
          horizonMs: horizon === undefined ? undefined : horizon * min,
        };
        const probes = ['a', 'b', 'c'].map((s) => ({ ...t(`new-${s}`, s, now * min), number: '' }));
        const one = estimateQueue(input, probes);
        for (const p of probes) expect(one.probes.get(p.id)).toEqual(estimateFor(p, { ...input, waiting: [...waiting, p] }));
        // The probes change nothing for the tickets already there; a ticket not in the queue gets no answer from the run
        // (except in a field no counter serves, where its place is its arrival).
        const all = estimateAll(input);
        for (const w of waiting) expect(one.of(w)).toEqual(all.get(w.id));
        if (input.counters.some((c) => c.serviceIds.includes('a'))) expect(one.of(t('stranger', 'a', 0))).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
  it('expected service time: the mean of recent ones once there are enough, else the typical time', () => {
    const recent: [string, number][] = [['a', 4 * min], ['a', 5 * min], ['a', 12 * min], ['b', 1 * min]];
    expect(expectedServiceMs(recent, { a: 10 * min, b: 6 * min })).toEqual({ a: 7 * min, b: 6 * min });
  });
});
