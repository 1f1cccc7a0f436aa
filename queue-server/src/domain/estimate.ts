// Wait estimates by a short forward simulation of the open counters under the
// centre's own calling policy: each counter, when it comes free, calls what the
// policy would pick at that moment. One run of it gives every waiting ticket's
// estimate at once (estimateAll); estimateFor stops at the ticket asked about.
import { Picker, outranks, type Candidate, type CounterRule, type PolicySettings } from './policy.ts';

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

const DEFAULT_SERVICE_MS = 10 * 60_000;

/**
 * Replays the queue forward, calling `onCall` for each simulated call in order.
 * Stops when `onCall` returns true or nobody is left that an open counter serves.
 * `onOffer` hears every moment a counter comes free and what it would call then
 * (null: nothing it serves is left), before the call is made.
 */
function forward(
  input: EstimateInput,
  onCall: (t: Candidate, at: number) => boolean,
  onOffer?: (counter: OpenCounter, at: number, pick: Candidate | null) => void,
): void {
  const counters = input.counters.filter((c) => c.serviceIds.length > 0).map((c) => ({ ...c, freeAt: Math.max(c.freeAt, input.now) }));
  const waiting = input.waiting.filter((t) => t.status === 'waiting');
  const picker = new Picker(waiting, input.policy);
  // Bounded: each round calls one ticket, or ends the run; the last round offers the empty queue.
  for (let step = 0; step <= waiting.length; step++) {
    counters.sort((a, b) => a.freeAt - b.freeAt);
    let called: Candidate | null = null;
    for (const c of counters) {
      called = picker.pick(c, c.freeAt);
      onOffer?.(c, c.freeAt, called);
      if (!called) continue;
      if (onCall(called, c.freeAt)) return;
      c.freeAt += input.serviceMs[called.serviceId] ?? DEFAULT_SERVICE_MS;
      break;
    }
    if (!called) return;
    picker.remove(called);
  }
}

const minutes = (ms: number) => Math.max(0, Math.round(ms / 60_000));

function unserved(target: Candidate, input: EstimateInput): Estimate {
  const ahead = input.waiting.filter((t) => t.serviceId === target.serviceId && t.id !== target.id && t.enqueuedAt <= target.enqueuedAt).length;
  return { peopleAhead: ahead, estimatedWaitMinutes: null };
}

/** Estimate for `target`, which must be in `waiting` (a waiting ticket, or a hypothetical new one added by the caller). */
export function estimateFor(target: Candidate, input: EstimateInput): Estimate {
  if (!input.counters.some((c) => c.serviceIds.includes(target.serviceId))) return unserved(target, input);
  let peopleAhead = 0;
  let result: Estimate = { peopleAhead: 0, estimatedWaitMinutes: null };
  forward(input, (t, at) => {
    if (t.id === target.id) {
      result = { peopleAhead, estimatedWaitMinutes: minutes(at - input.now) };
      return true;
    }
    if (t.serviceId === target.serviceId) peopleAhead++;
    return false;
  });
  return result.estimatedWaitMinutes === null ? { peopleAhead, estimatedWaitMinutes: null } : result;
}

/** Every waiting ticket's estimate from one forward run: what a board or a queue summary needs, in O(n) runs fewer. */
export function estimateAll(input: EstimateInput): Map<string, Estimate> {
  return estimateQueue(input, []).tickets;
}

/**
 * One forward run that answers for every waiting ticket and for each probe —
 * a hypothetical ticket (say, one taken now in each field) that is not in the
 * queue. A probe changes nothing before it is called, so it is called at the
 * first moment the run offers a counter that serves its field and would call
 * it before what it does call (or has nothing else): exactly what estimateFor
 * gives it with the probe added to the queue, without one run per probe.
 */
export function estimateQueue(input: EstimateInput, probes: readonly Candidate[]): { tickets: Map<string, Estimate>; probes: Map<string, Estimate> } {
  const tickets = new Map<string, Estimate>();
  const answered = new Map<string, Estimate>();
  const calledOfService = new Map<string, number>();
  let open = probes.filter((p) => input.counters.some((c) => c.serviceIds.includes(p.serviceId)));
  forward(
    input,
    (t, at) => {
      const ahead = calledOfService.get(t.serviceId) ?? 0;
      tickets.set(t.id, { peopleAhead: ahead, estimatedWaitMinutes: minutes(at - input.now) });
      calledOfService.set(t.serviceId, ahead + 1);
      return false;
    },
    open.length === 0
      ? undefined
      : (c, at, pick) => {
          let any = false;
          for (const p of open) {
            if (!c.serviceIds.includes(p.serviceId) || (pick !== null && !outranks(p, pick, c, input.policy, at))) continue;
            answered.set(p.id, { peopleAhead: calledOfService.get(p.serviceId) ?? 0, estimatedWaitMinutes: minutes(at - input.now) });
            any = true;
          }
          if (any) open = open.filter((p) => !answered.has(p.id));
        },
  );
  for (const t of input.waiting) if (t.status === 'waiting' && !tickets.has(t.id)) tickets.set(t.id, unserved(t, input));
  for (const p of probes) if (!answered.has(p.id)) answered.set(p.id, unserved(p, { ...input, waiting: [...input.waiting, p] }));
  return { tickets, probes: answered };
}
/**
 * Expected service time per field from recent service times: the mean of the
 * recent ones once there are `minSamples`, else the configured typical time.
 * The mean, not the median: service times are skewed to the long side, and a
 * wait is a sum of them, whose expectation is n × the mean.
 */
export function expectedServiceMs(
  recent: Iterable<readonly [serviceId: string, ms: number]>,
  typicalMs: Readonly<Record<string, number>>,
  minSamples = 3,
): Record<string, number> {
  const sums = new Map<string, { n: number; sum: number }>();
  for (const [sid, ms] of recent) {
    const s = sums.get(sid) ?? { n: 0, sum: 0 };
    s.n++;
    s.sum += ms;
    sums.set(sid, s);
  }
  const out: Record<string, number> = { ...typicalMs };
  for (const [sid, s] of sums) if (s.n >= minSamples) out[sid] = s.sum / s.n;
  return out;
}
