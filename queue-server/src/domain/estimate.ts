// Wait estimates by a short forward simulation of the open counters under the
// centre's own calling policy: each counter, when it comes free, calls what the
// policy would pick; we stop when it picks the ticket we estimate for.
import { orderForCounter, type Candidate, type CounterRule, type PolicySettings } from './policy.ts';

export interface OpenCounter extends CounterRule {
  /** When it will be free: now if idle, else its current service's expected end. */
  freeAt: number;
}

export interface EstimateInput {
  /** Every waiting ticket (of all services). */
  waiting: readonly Candidate[];
  counters: readonly OpenCounter[];
  /** Expected service time per service, ms. */
  serviceMs: Readonly<Record<string, number>>;
  policy: PolicySettings;
  now: number;
}

export interface Estimate {
  peopleAhead: number;
  /** null when no open counter serves the ticket's field. */
  estimatedWaitMinutes: number | null;
}

/** Estimate for `target`, which must be in `waiting` (a waiting ticket, or a hypothetical new one added by the caller). */
export function estimateFor(target: Candidate, input: EstimateInput): Estimate {
  const counters = input.counters.filter((c) => c.serviceIds.length > 0).map((c) => ({ ...c, freeAt: Math.max(c.freeAt, input.now) }));
  if (!counters.some((c) => c.serviceIds.includes(target.serviceId))) {
    const ahead = input.waiting.filter((t) => t.serviceId === target.serviceId && t.id !== target.id && t.enqueuedAt <= target.enqueuedAt).length;
    return { peopleAhead: ahead, estimatedWaitMinutes: null };
  }
  let remaining = input.waiting.filter((t) => t.status === 'waiting');
  let peopleAhead = 0;
  // Bounded: each step removes one ticket.
  const maxSteps = remaining.length + 1;
  for (let step = 0; step < maxSteps; step++) {
    counters.sort((a, b) => a.freeAt - b.freeAt);
    let picked = false;
    for (const c of counters) {
      const next = orderForCounter(remaining, c, input.policy)[0];
      if (!next) continue;
      if (next.id === target.id) {
        return { peopleAhead, estimatedWaitMinutes: Math.max(0, Math.round((c.freeAt - input.now) / 60_000)) };
      }
      if (next.serviceId === target.serviceId) peopleAhead++;
      remaining = remaining.filter((t) => t.id !== next.id);
      c.freeAt += input.serviceMs[next.serviceId] ?? 10 * 60_000;
      picked = true;
      break;
    }
    if (!picked) break;
  }
  return { peopleAhead, estimatedWaitMinutes: null };
}
