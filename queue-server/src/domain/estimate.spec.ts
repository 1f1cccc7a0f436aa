import { describe, expect, it } from 'vitest';
import { estimateFor, type OpenCounter } from './estimate.ts';
import type { Candidate, PolicySettings } from './policy.ts';

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
});
