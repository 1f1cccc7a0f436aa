// Small builders the policy and Picker specs share.
import type { Candidate, CounterRule, PolicyKind, PolicySettings } from './policy.ts';

export const min = 60_000;

export const t = (id: string, serviceId: string, enqueuedAt: number, priority = false, extra: Partial<Candidate> = {}): Candidate => ({
  id, number: id, serviceId, status: 'waiting', priorityCategoryId: priority ? 'elderly' : null, enqueuedAt, arrivedAt: enqueuedAt, priorWaitMs: 0, bookedAt: null, ...extra,
});

export const counter = (over: Partial<CounterRule> = {}): CounterRule => ({ id: 'c', serviceIds: ['a', 'b'], priority: false, weights: {}, ...over });

export const policy = (kind: PolicyKind): PolicySettings => ({ kind, targetWaitMinutes: 15, priorityAdvanceMinutes: 10 });
