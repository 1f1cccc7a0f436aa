import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deadline, orderForCounter, pickNext, type Candidate, type CounterRule, type PolicySettings, type PolicyKind } from './policy.ts';

const min = 60_000;
const t = (id: string, serviceId: string, enqueuedAt: number, priority = false, extra: Partial<Candidate> = {}): Candidate => ({
  id, number: id, serviceId, status: 'waiting', priorityCategoryId: priority ? 'elderly' : null, enqueuedAt, arrivedAt: enqueuedAt, priorWaitMs: 0, bookedAt: null, ...extra,
});
const counter = (over: Partial<CounterRule> = {}): CounterRule => ({ id: 'c', serviceIds: ['a', 'b'], priority: false, weights: {}, ...over });
const policy = (kind: PolicyKind): PolicySettings => ({ kind, targetWaitMinutes: 15, priorityAdvanceMinutes: 10 });

describe('calling policy', () => {
  it('fifo calls the earliest, ignoring priority', () => {
    const q = [t('2', 'a', 2 * min, true), t('1', 'a', 1 * min)];
    expect(pickNext(q, counter(), policy('fifo'))?.id).toBe('1');
  });
  it('strict priority calls a priority ticket first at any counter', () => {
    const q = [t('2', 'a', 2 * min, true), t('1', 'a', 1 * min)];
    expect(pickNext(q, counter(), policy('priority'))?.id).toBe('2');
  });
  it('target policy: a priority ticket goes first at the priority counter', () => {
    const q = [t('1', 'a', 0), t('2', 'a', 14 * min, true)];
    expect(pickNext(q, counter({ priority: true }), policy('target'))?.id).toBe('2');
  });
  it('target policy: at a regular counter a priority ticket is brought forward by the advance, not past an older regular one near its deadline', () => {
    // regular 1 arrived at 0 (deadline 15), priority 2 arrived at 8 (deadline 8+15−10 = 13) → 2 first
    expect(pickNext([t('1', 'a', 0), t('2', 'a', 8 * min, true)], counter(), policy('target'))?.id).toBe('2');
    // priority 3 arrived at 12 (deadline 17) → regular 1 (deadline 15) first
    expect(pickNext([t('1', 'a', 0), t('3', 'a', 12 * min, true)], counter(), policy('target'))?.id).toBe('1');
  });
  it('target policy: a transferred ticket carries its earlier wait', () => {
    const q = [t('1', 'a', 5 * min), t('2', 'a', 6 * min, false, { priorWaitMs: 10 * min })];
    expect(pickNext(q, counter(), policy('target'))?.id).toBe('2');
  });
  it('only services the counter serves, only waiting tickets', () => {
    const q = [t('1', 'z', 0), t('2', 'a', 1, false, { status: 'called' }), t('3', 'b', 2)];
    expect(orderForCounter(q, counter(), policy('target')).map((x) => x.id)).toEqual(['3']);
    expect(pickNext([t('1', 'z', 0)], counter(), policy('fifo'))).toBeNull();
  });
  it('weights lean a counter to its main field', () => {
    const q = [t('1', 'a', 0), t('2', 'b', 1 * min)];
    expect(pickNext(q, counter({ weights: { b: 2 } }), policy('target'))?.id).toBe('2');
  });

  it('target policy: a weight never keeps a ticket past its deadline waiting for one that is not', () => {
    // 1 (field a) is past its deadline at 16 min; 2 (field b, weight 5) is not, though its key is earlier.
    const q = [t('1', 'a', 0), t('2', 'b', 2 * min)];
    expect(pickNext(q, counter({ weights: { b: 5 } }), policy('target'), 10 * min)?.id).toBe('2');
    expect(pickNext(q, counter({ weights: { b: 5 } }), policy('target'), 16 * min)?.id).toBe('1');
  });
  it('target policy: an appointment is called at its booked time, not before others due earlier', () => {
    const booked = t('A', 'a', 0, false, { bookedAt: 30 * min });
    const walkIn = t('1', 'a', 10 * min);
    // At 20 min the walk-in (due at 25) goes first; at 30 the appointment (due at 30) beats a walk-in due at 40.
    expect(pickNext([booked, walkIn], counter(), policy('target'), 20 * min)?.id).toBe('1');
    expect(pickNext([booked, t('2', 'a', 25 * min)], counter(), policy('target'), 30 * min)?.id).toBe('A');
    // Checked in late: due at once.
    expect(deadline(t('L', 'a', 40 * min, false, { bookedAt: 30 * min }), policy('target'))).toBe(40 * min);
  });
  it('without a clock, the latest arrival stands in for now', () => {
    const q = [t('1', 'a', 0), t('2', 'b', 2 * min)];
    // Latest arrival at 16 min: ticket 1 is past its deadline, whatever the weights.
    expect(pickNext([...q, t('3', 'z', 16 * min)], counter({ weights: { b: 5 } }), policy('target'))?.id).toBe('1');
  });

  const ticketsArb = fc.array(
    fc.record({ s: fc.constantFrom('a', 'b', 'c'), at: fc.integer({ min: 0, max: 600 }), p: fc.boolean() }),
    { maxLength: 40 },
  ).map((xs) => xs.map((x, i) => t(String(i), x.s, x.at * 1000, x.p)));

  it('property: draining a queue serves everyone eligible exactly once, under every policy', () => {
    fc.assert(
      fc.property(ticketsArb, fc.constantFrom<PolicyKind>('fifo', 'priority', 'target'), fc.boolean(), (tickets, kind, prio) => {
        const c = counter({ priority: prio });
        let queue = [...tickets];
        const served: string[] = [];
        for (let next = pickNext(queue, c, policy(kind)); next; next = pickNext(queue, c, policy(kind))) {
          served.push(next.id);
          queue = queue.filter((q) => q.id !== next!.id);
        }
        expect(new Set(served).size).toBe(served.length);
        expect(served.sort()).toEqual(tickets.filter((x) => x.serviceId !== 'c').map((x) => x.id).sort());
      }),
    );
  });
  it('property: at a priority counter under the target policy, no regular ticket is called while a priority one waits', () => {
    fc.assert(
      fc.property(ticketsArb, (tickets) => {
        const order = orderForCounter(tickets, counter({ priority: true }), policy('target'));
        const firstRegular = order.findIndex((x) => x.priorityCategoryId === null);
        const lastPriority = order.map((x) => x.priorityCategoryId !== null).lastIndexOf(true);
        if (firstRegular !== -1 && lastPriority !== -1) expect(lastPriority).toBeLessThan(firstRegular);
      }),
    );
  });
  it('property: under the target policy a regular counter never passes over a ticket whose deadline is earlier by more than the advance', () => {
    fc.assert(
      fc.property(ticketsArb, (tickets) => {
        const order = orderForCounter(tickets, counter(), policy('target'));
        // Regular tickets keep their arrival order among themselves: nobody starves behind later arrivals.
        const regular = order.filter((x) => x.priorityCategoryId === null).map((x) => x.enqueuedAt);
        expect(regular).toEqual([...regular].sort((a, b) => a - b));
      }),
    );
  });
  it('property: pickNext is the head of orderForCounter, under every policy and clock', () => {
    fc.assert(
      fc.property(ticketsArb, fc.constantFrom<PolicyKind>('fifo', 'priority', 'target'), fc.boolean(), fc.integer({ min: 0, max: 2000 }), (tickets, kind, prio, nowS) => {
        const c = counter({ priority: prio, weights: { a: 3 } });
        expect(pickNext(tickets, c, policy(kind), nowS * 1000)?.id ?? null).toBe(orderForCounter(tickets, c, policy(kind), nowS * 1000)[0]?.id ?? null);
      }),
    );
  });

  // A small day: random arrivals and service times at a few counters, each counter
  // calling by the policy whenever it comes free. Checks every call as it happens.
  const dayArb = fc.record({
    arrivals: fc.array(
      fc.record({ s: fc.constantFrom('a', 'b', 'c'), at: fc.integer({ min: 0, max: 120 }), p: fc.integer({ min: 0, max: 3 }), appt: fc.integer({ min: 0, max: 7 }), booked: fc.integer({ min: 0, max: 150 }) }),
      { maxLength: 60 },
    ),
    counters: fc.array(
      fc.record({ services: fc.subarray(['a', 'b', 'c'], { minLength: 1 }), priority: fc.boolean(), lean: fc.constantFrom('a', 'b', 'c'), w: fc.integer({ min: 1, max: 8 }) }),
      { minLength: 1, maxLength: 3 },
    ),
    durations: fc.array(fc.integer({ min: 3, max: 25 }), { minLength: 1, maxLength: 20 }),
    kind: fc.constantFrom<PolicyKind>('fifo', 'priority', 'target'),
  });

  it('property: over a day nobody is called twice, everyone is called, priority first at priority counters, and (target) nobody past the deadline is passed over', () => {
    fc.assert(
      fc.property(dayArb, ({ arrivals, counters, durations, kind }) => {
        const p = policy(kind);
        const tickets = arrivals
          .map((a, i) => t(String(i), a.s, a.at * min, a.p === 0, { bookedAt: a.appt === 0 ? Math.max(a.booked, a.at) * min : null }))
          .sort((x, y) => x.enqueuedAt - y.enqueuedAt);
        const rules = counters.map((c, i) => ({ rule: counter({ id: `k${i}`, serviceIds: c.services, priority: c.priority, weights: c.services.includes(c.lean) ? { [c.lean]: c.w } : {} }), freeAt: 0 }));
        const waiting: Candidate[] = [];
        const called = new Set<string>();
        let next = 0;
        let d = 0;
        // Bounded: each turn calls a ticket or moves a counter on to the next arrival.
        for (let turn = 0; turn < 4 * tickets.length + 4 * rules.length + 4; turn++) {
          const c = rules.reduce((a, b) => (b.freeAt < a.freeAt ? b : a));
          if (c.freeAt === Infinity) break;
          const now = c.freeAt;
          while (next < tickets.length && tickets[next]!.enqueuedAt <= now) waiting.push(tickets[next++]!);
          const pick = pickNext(waiting, c.rule, p, now);
          if (!pick) {
            c.freeAt = next < tickets.length ? tickets[next]!.enqueuedAt : Infinity;
            continue;
          }
          const mine = waiting.filter((x) => c.rule.serviceIds.includes(x.serviceId));
          expect(called.has(pick.id)).toBe(false);
          if (kind === 'fifo') expect(pick.enqueuedAt).toBe(Math.min(...mine.map((x) => x.enqueuedAt)));
          const priorityWaits = mine.some((x) => x.priorityCategoryId !== null);
          if (priorityWaits && (kind === 'priority' || (kind === 'target' && c.rule.priority))) expect(pick.priorityCategoryId).not.toBeNull();
          if (kind === 'target' && !(c.rule.priority && priorityWaits)) {
            const late = mine.filter((x) => deadline(x, p) <= now).map((x) => deadline(x, p));
            if (late.length) expect(deadline(pick, p)).toBe(Math.min(...late));
          }
          called.add(pick.id);
          waiting.splice(waiting.indexOf(pick), 1);
          c.freeAt = now + durations[d++ % durations.length]! * min;
        }
        const servable = tickets.filter((x) => rules.some((r) => r.rule.serviceIds.includes(x.serviceId)));
        expect([...called].sort()).toEqual(servable.map((x) => x.id).sort());
      }),
      { numRuns: 400 },
    );
  });
});
