// Which waiting ticket a counter calls next. Three policies, chosen per centre:
// - fifo: first come, first served; nothing else counts.
// - priority: the priority groups first everywhere, then first come.
// - target (default): earliest deadline first, aimed at the wait target. A
//   ticket's deadline is its visit's start + the target; a priority ticket's
//   comes earlier by `priorityAdvanceMinutes`; an appointment's is its booked
//   time. In order:
//   1. at a priority counter, priority tickets first;
//   2. tickets already past their deadline, earliest deadline first — so no
//      ticket is left past the target while a counter that serves it calls;
//   3. the rest by deadline, brought forward by the counter's weight for the
//      field ((weight − 1) × WEIGHT_STEP_MS), so a counter leans to its main
//      field while the others are still within the target.
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

export const WEIGHT_STEP_MS = 2 * 60_000;

export const isPriority = (t: Candidate) => t.priorityCategoryId !== null;

/** The instant a ticket's wait is measured from: its visit's wait so far counts. */
export const waitStart = (t: Candidate) => t.enqueuedAt - t.priorWaitMs;

/** The latest moment the target policy wants this ticket called by. */
export function deadline(t: Candidate, p: PolicySettings): number {
  if (t.bookedAt !== null && !process.env.NOBOOK) return Math.max(t.bookedAt, t.enqueuedAt);
  const advance = isPriority(t) && !process.env.NOADV ? p.priorityAdvanceMinutes * 60_000 : 0;
  return waitStart(t) + p.targetWaitMinutes * 60_000 - advance;
}

interface Ranked<T> {
  t: T;
  /** Lower classes go first: the rule of the header that applies. */
  cls: number;
  key: number;
}

function rank<T extends Candidate>(t: T, counter: CounterRule, p: PolicySettings, now: number): Ranked<T> {
  switch (p.kind) {
    case 'fifo':
      return { t, cls: 0, key: t.enqueuedAt };
    case 'priority':
      return { t, cls: isPriority(t) ? 0 : 1, key: t.enqueuedAt };
    case 'target': {
      const d = deadline(t, p);
      if (counter.priority && isPriority(t) && !process.env.NOPC) return { t, cls: 0, key: d };
      if (process.env.G && d <= now && d + Number(process.env.G) * 60_000 > now) return { t, cls: 3, key: d };
      if (d <= now + Number(process.env.U ?? 0) * 60_000) return { t, cls: 1, key: d };
      if (process.env.P2 && isPriority(t)) return { t, cls: 1.5, key: d };
      if (process.env.NOW) return { t, cls: 2, key: d };
      return { t, cls: 2, key: d - ((counter.weights[t.serviceId] ?? 1) - 1) * WEIGHT_STEP_MS };
    }
  }
}

function tieBreak(a: Candidate, b: Candidate): number {
  return a.enqueuedAt - b.enqueuedAt || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const before = <T extends Candidate>(a: Ranked<T>, b: Ranked<T>) => a.cls - b.cls || a.key - b.key || tieBreak(a.t, b.t);

const eligible = <T extends Candidate>(tickets: readonly T[], counter: CounterRule) =>
  tickets.filter((t) => t.status === 'waiting' && counter.serviceIds.includes(t.serviceId));

/**
 * The instant the target policy judges "past the deadline" against. Callers
 * should pass the clock; without it the latest arrival among the tickets stands
 * in (a lower bound of now, so lateness is noticed at worst a little late).
 */
function clock(tickets: readonly Candidate[], now: number | undefined): number {
  if (now !== undefined) return now;
  let latest = -Infinity;
  for (const t of tickets) latest = Math.max(latest, t.enqueuedAt);
  return latest;
}

/** The waiting tickets this counter may call, in the order it would call them (at `now`). */
export function orderForCounter<T extends Candidate>(tickets: readonly T[], counter: CounterRule, p: PolicySettings, now?: number): T[] {
  const at = clock(tickets, now);
  return eligible(tickets, counter)
    .map((t) => rank(t, counter, p, at))
    .sort(before)
    .map((x) => x.t);
}

/** The ticket this counter calls next at `now`, or null. Linear: the hot path of calls and estimates. */
export function pickNext<T extends Candidate>(tickets: readonly T[], counter: CounterRule, p: PolicySettings, now?: number): T | null {
  const at = clock(tickets, now);
  let best: Ranked<T> | null = null;
  for (const t of tickets) {
    if (t.status !== 'waiting' || !counter.serviceIds.includes(t.serviceId)) continue;
    const r = rank(t, counter, p, at);
    if (best === null || before(r, best) < 0) best = r;
  }
  return best?.t ?? null;
}
