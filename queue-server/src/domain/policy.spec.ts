import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { orderForCounter, pickNext, type Candidate, type CounterRule, type PolicySettings, type PolicyKind } from './policy.ts';

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
});
