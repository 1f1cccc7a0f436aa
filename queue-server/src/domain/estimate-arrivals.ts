// Who will overtake (issue 18.3): the forward run (estimate.ts) sees only the
// tickets already waiting, but under the target policy later ones go ahead — a
// priority citizen in a pressed field, a newcomer about to reach the target
// while an earlier one is already past it. So the run also takes the arrivals
// to expect: per field, regular and priority, at the rates of the last hour,
// spread evenly from now on. They take counters' time in the run and are never
// answered for; a ticket's "people ahead" counts real tickets only.
import type { Candidate } from './policy.ts';

/** Expected arrivals per hour in one field. */
export interface ArrivalRate {
  regular: number;
  priority: number;
}

export type ArrivalRates = Readonly<Record<string, ArrivalRate>>;

/** One recent arrival: its field, whether it was a priority ticket, when it joined the queue. */
export interface SeenArrival {
  serviceId: string;
  priority: boolean;
  at: number;
}

/** How far back the rates look. */
export const ARRIVALS_WINDOW_MS = 3600_000;
/** The shortest stretch a rate is taken over: a single early arrival is not a rush. */
const MIN_SPAN_MS = 20 * 60_000;
/** How far ahead the run expects arrivals: past it the last hour says little. */
export const ARRIVALS_AHEAD_MS = 3600_000;
/**
 * The most arrivals one run expects. A provincial centre under stress expects about 300 in the
 * hour ahead; a burst far beyond any hall's (a thousand numbers in a minute, a script) would have
 * the run make tens of thousands at every issue. Past this, the run looks less far ahead: the
 * nearest MAX_EXPECTED arrivals of every stream, which are the ones that overtake first.
 */
export const MAX_EXPECTED = 400;

/**
 * Arrivals per hour per field over the last `windowMs` before `now`, from what
 * was seen since `since` (the memory's start: a rate is never taken over time
 * nobody watched, but over at least MIN_SPAN_MS).
 */
export function arrivalRates(seen: Iterable<SeenArrival>, now: number, since: number, windowMs = ARRIVALS_WINDOW_MS): Record<string, ArrivalRate> {
  const from = Math.max(now - windowMs, since);
  const span = Math.max(now - from, MIN_SPAN_MS);
  const out: Record<string, ArrivalRate> = {};
  for (const a of seen) {
    if (a.at < from || a.at > now) continue;
    const r = (out[a.serviceId] ??= { regular: 0, priority: 0 });
    if (a.priority) r.priority++;
    else r.regular++;
  }
  const perHour = 3600_000 / span;
  for (const r of Object.values(out)) {
    r.regular *= perHour;
    r.priority *= perHour;
  }
  return out;
}

/** Marks the tickets made up here; no real ticket id starts with it. */
export const EXPECTED_PREFIX = '\u0000expected:';

export const isExpected = (t: Candidate) => t.id.startsWith(EXPECTED_PREFIX);

/**
 * The arrivals to expect from `now` to `now + aheadMs` at `rates`, as walk-in
 * tickets in issue order: the k-th of a stream (field × regular or priority) at
 * now + (k − ½) / rate, so that by any instant about rate × elapsed have come.
 */
export function expectedArrivals(rates: ArrivalRates, now: number, aheadMs = ARRIVALS_AHEAD_MS): Candidate[] {
  const out: Candidate[] = [];
  const perHourAll = Object.values(rates).reduce((n, r) => n + (r.regular > 0 ? r.regular : 0) + (r.priority > 0 ? r.priority : 0), 0);
  const total = (perHourAll * aheadMs) / 3600_000;
  if (total > MAX_EXPECTED) aheadMs = (aheadMs * MAX_EXPECTED) / total;
  for (const [serviceId, r] of Object.entries(rates)) {
    for (const priority of [false, true]) {
      const perHour = priority ? r.priority : r.regular;
      if (!(perHour > 0)) continue;
      const gap = 3600_000 / perHour;
      // Bounded: aheadMs / gap arrivals.
      for (let k = 0, at = now + gap / 2; at <= now + aheadMs; k++, at = now + (k + 0.5) * gap) {
        out.push({
          id: `${EXPECTED_PREFIX}${serviceId}:${priority ? 1 : 0}:${k}`,
          number: '',
          serviceId,
          status: 'waiting',
          priorityCategoryId: priority ? EXPECTED_PREFIX : null,
          enqueuedAt: Math.round(at),
          arrivedAt: Math.round(at),
          priorWaitMs: 0,
          bookedAt: null,
        });
      }
    }
  }
  return out.sort((a, b) => a.enqueuedAt - b.enqueuedAt);
}

/** Per field, the expected arrivals' instants in order; null with none. */
export function arrivalTimes(expected: readonly Candidate[]): Map<string, number[]> | null {
  if (expected.length === 0) return null;
  const out = new Map<string, number[]>();
  for (const t of expected) {
    const times = out.get(t.serviceId);
    if (times) times.push(t.enqueuedAt);
    else out.set(t.serviceId, [t.enqueuedAt]);
  }
  for (const times of out.values()) times.sort((a, b) => a - b);
  return out;
}

/** The first expected arrival in any of `serviceIds` after `at`; Infinity when none. */
export function nextArrival(comes: Map<string, number[]>, serviceIds: readonly string[], at: number): number {
  let best = Infinity;
  for (const sid of serviceIds) {
    const times = comes.get(sid);
    if (!times) continue;
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (times[mid]! <= at) lo = mid + 1;
      else hi = mid;
    }
    if (lo < times.length) best = Math.min(best, times[lo]!);
  }
  return best;
}
