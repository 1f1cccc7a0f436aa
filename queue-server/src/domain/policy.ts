// Which waiting ticket a counter calls next. Three policies, chosen per centre:
// - fifo: first come, first served; nothing else counts.
// - priority: the priority groups first everywhere, then first come.
// - target (default): earliest deadline first, aimed at the wait target. A
//   ticket's deadline is its visit's start + the target; a priority ticket's
//   comes earlier by `priorityAdvanceMinutes`; an appointment's is its booked
//   time. Priority counters always take priority tickets first.
// Counter weights bring a service's tickets forward at that counter by
// (weight − 1) × WEIGHT_STEP_MS, so a counter leans to its main field without
// leaving others past the target.
import type { Ticket } from './types.ts';

export type PolicyKind = 'fifo' | 'priority' | 'target';

export interface PolicySettings {
  kind: PolicyKind;
  targetWaitMinutes: number;
  priorityAdvanceMinutes: number;
}

export interface CounterRule {
  id: string;
  serviceIds: readonly string[];
  priority: boolean;
  weights: Readonly<Record<string, number>>;
}

export type Candidate = Pick<
  Ticket,
  'id' | 'number' | 'serviceId' | 'status' | 'priorityCategoryId' | 'enqueuedAt' | 'arrivedAt' | 'priorWaitMs' | 'bookedAt'
>;

const WEIGHT_STEP_MS = 2 * 60_000;

const isPriority = (t: Candidate) => t.priorityCategoryId !== null;

/** The instant a ticket's wait is measured from: its visit's wait so far counts. */
export const waitStart = (t: Candidate) => t.enqueuedAt - t.priorWaitMs;

/** The latest moment the target policy wants this ticket called by. */
export function deadline(t: Candidate, p: PolicySettings): number {
  if (t.bookedAt !== null) return Math.max(t.bookedAt, t.enqueuedAt);
  const advance = isPriority(t) ? p.priorityAdvanceMinutes * 60_000 : 0;
  return waitStart(t) + p.targetWaitMinutes * 60_000 - advance;
}

function sortKey(t: Candidate, counter: CounterRule, p: PolicySettings): number {
  switch (p.kind) {
    case 'fifo':
      return t.enqueuedAt;
    case 'priority':
      return t.enqueuedAt;
    case 'target':
      return deadline(t, p) - ((counter.weights[t.serviceId] ?? 1) - 1) * WEIGHT_STEP_MS;
  }
}

function tieBreak(a: Candidate, b: Candidate): number {
  return a.enqueuedAt - b.enqueuedAt || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0) || (a.id < b.id ? -1 : 1);
}

/** The waiting tickets this counter may call, in the order it would call them. */
export function orderForCounter<T extends Candidate>(tickets: readonly T[], counter: CounterRule, p: PolicySettings): T[] {
  const eligible = tickets.filter((t) => t.status === 'waiting' && counter.serviceIds.includes(t.serviceId));
  const priorityFirst = p.kind === 'priority' || (p.kind === 'target' && counter.priority);
  return eligible
    .map((t) => ({ t, k: sortKey(t, counter, p), pr: priorityFirst && isPriority(t) ? 0 : 1 }))
    .sort((a, b) => a.pr - b.pr || a.k - b.k || tieBreak(a.t, b.t))
    .map((x) => x.t);
}

export function pickNext<T extends Candidate>(tickets: readonly T[], counter: CounterRule, p: PolicySettings): T | null {
  return orderForCounter(tickets, counter, p)[0] ?? null;
}
