// Wait estimates by a short forward simulation of the open counters under the
// centre's own calling policy: each counter, when it comes free, calls what the
// policy would pick at that moment. One run of it gives every waiting ticket's
// estimate at once (estimateAll); estimateFor stops at the ticket asked about.
// The run goes call by call up to a horizon; a queue longer than that is
// extrapolated at the rate the run served each field.
import { outranks, tieBreak, type Candidate, type CounterRule, type PolicySettings } from './policy.ts';
import { Picker } from './picker.ts';
import { FieldPlaces, InOrder } from './estimate-order.ts';
import { arrivalTimes, expectedArrivals, isExpected, nextArrival, type ArrivalRates } from './estimate-arrivals.ts';

export { expectedServiceMs } from './estimate-service-times.ts';

export interface OpenCounter extends CounterRule {
  /** When it will be free: now if idle, else its current service's expected end. */
  freeAt: number;
  /**
   * false: open, but nobody is signed in there — it serves nobody and shortens no
   * estimate (issue 20.7). Absent: staffed (the simulator's counters always are).
   */
  staffed?: boolean;
}

export interface EstimateInput {
  /** Every waiting ticket (of all services). */
  waiting: readonly Candidate[];
  counters: readonly OpenCounter[];
  /** Expected service time per service, ms. */
  serviceMs: Readonly<Record<string, number>>;
  policy: PolicySettings;
  now: number;
  /** How far ahead to simulate call by call (default HORIZON_MS). */
  horizonMs?: number;
  /** The arrivals to expect per field (estimate-arrivals.ts): in the run they take counters' time, and overtake where the policy lets them. */
  arrivals?: ArrivalRates;
}

export interface Estimate {
  peopleAhead: number;
  /** null when no open counter serves the ticket's field. */
  estimatedWaitMinutes: number | null;
}

const DEFAULT_SERVICE_MS = 10 * 60_000;

/**
 * How far ahead the forward run simulates call by call. Past it, each field's
 * remaining queue is taken to drain at the rate the run called that field: a
 * wait of hours is an estimate of hours either way, and the run's cost stops
 * growing with the length of the queue (the kiosk asks after every ticket).
 */
export const HORIZON_MS = 2 * 3600_000;

/** Calls of one field in a run: how many, the first one's and the last one's instants. */
interface FieldCalls {
  n: number;
  /** Of them, real tickets (not expected arrivals). */
  real: number;
  first: number;
  last: number;
}

interface Run {
  /** Each field's calls so far; updated before `onCall` hears of a call. */
  calls: Map<string, FieldCalls>;
  /** Set when the run reached the horizon with tickets left: the picker holds them. */
  left: Picker<Candidate> | null;
}

/**
 * Replays the queue forward, calling `onCall` for each simulated call in order.
 * Stops when `onCall` returns true, when nobody is left that an open counter
 * serves, or at the horizon. `onOffer` hears every moment a counter comes free
 * and what it would call then (null: nothing it serves is left), before the
 * call is made, and says whether it still waits for something (a probe). Once
 * no real ticket is left and nothing waits, the run ends: the expected arrivals
 * still to come would answer nobody.
 */
function forward(
  input: EstimateInput,
  run: Run,
  onCall: (t: Candidate, at: number) => boolean,
  onOffer?: (counter: OpenCounter, at: number, pick: Candidate | null, picker: Picker<Candidate>) => boolean,
): void {
  const counters = input.counters.filter((c) => c.serviceIds.length > 0).map((c) => ({ ...c, freeAt: Math.max(c.freeAt, input.now) }));
  // With no counter to serve, nobody is called in the run: arrivals to expect change nothing.
  const expected = input.arrivals && counters.length > 0 ? expectedArrivals(input.arrivals, input.now) : [];
  const picker = new Picker(expected.length ? [...input.waiting, ...expected] : input.waiting, input.policy, expected.length > 0);
  const comes = arrivalTimes(expected);
  let real = 0;
  for (const t of input.waiting) if (t.status === 'waiting') real++;
  const waiting = real + expected.length;
  let listening = onOffer !== undefined;
  const calls = run.calls;
  const end = input.now + (input.horizonMs ?? HORIZON_MS);
  // Bounded: each round calls one ticket, moves an idle counter past one expected arrival, or ends the run.
  for (let step = 0; step <= waiting * (counters.length + 1); step++) {
    counters.sort((a, b) => a.freeAt - b.freeAt);
    let called: Candidate | null = null;
    let woke = false;
    for (const c of counters) {
      if (c.freeAt === Infinity) break;
      if (c.freeAt > end) {
        run.left = picker;
        return;
      }
      called = picker.pick(c, c.freeAt);
      if (onOffer) listening = onOffer(c, c.freeAt, called, picker);
      if (!called) {
        if (!comes) continue;
        // Idle until the next expected arrival of its fields (nothing else can come to it).
        c.freeAt = nextArrival(comes, c.serviceIds, c.freeAt);
        woke = true;
        break;
      }
      const f = calls.get(called.serviceId);
      const mine = isExpected(called) ? 0 : 1;
      if (f) {
        f.n++;
        f.real += mine;
        f.last = c.freeAt;
      } else calls.set(called.serviceId, { n: 1, real: mine, first: c.freeAt, last: c.freeAt });
      if (mine && onCall(called, c.freeAt)) return;
      c.freeAt += input.serviceMs[called.serviceId] ?? DEFAULT_SERVICE_MS;
      break;
    }
    if (woke) continue;
    if (!called) return;
    picker.remove(called);
    if (!isExpected(called) && --real === 0 && !listening) return;
  }
}

const newRun = (): Run => ({ calls: new Map(), left: null });

const minutes = (ms: number) => Math.max(0, Math.round(ms / 60_000));

/**
 * Past the horizon: the k-th (from 1) of a field's tickets still waiting there
 * is called k gaps after that field's last simulated call, a gap being the
 * run's average for the field — n calls spread over (last − first) plus one
 * service — or, if the run called none, one call per its counters' fair share
 * from the horizon on; never before the horizon.
 */
function drainedWait(input: EstimateInput, run: Run, t: Candidate, k: number): Estimate {
  const serviceId = t.serviceId;
  const s = input.serviceMs[serviceId] ?? DEFAULT_SERVICE_MS;
  const horizon = input.horizonMs ?? HORIZON_MS;
  const f = run.calls.get(serviceId);
  let wait: number;
  if (f) {
    const gap = (f.last - f.first + s) / f.n;
    wait = f.last - input.now + k * gap;
  } else {
    let rate = 0;
    for (const c of input.counters) if (c.serviceIds.includes(serviceId)) rate += 1 / (s * c.serviceIds.length);
    wait = horizon + k / rate;
  }
  return { peopleAhead: (f?.real ?? 0) + k - 1, estimatedWaitMinutes: minutes(Math.max(wait, horizon)) };
}

function unserved(target: Candidate, input: EstimateInput): Estimate {
  // In issue order (tickets of one instant by number): each has its own place.
  const ahead = input.waiting.filter((t) => t.serviceId === target.serviceId && t.id !== target.id && t.status === 'waiting' && tieBreak(t, target) < 0).length;
  return { peopleAhead: ahead, estimatedWaitMinutes: null };
}

const serves = (input: EstimateInput, serviceId: string) => input.counters.some((c) => c.serviceIds.includes(serviceId));

/** The input with only the counters that serve: open and staffed. */
function staffedOnly(input: EstimateInput): EstimateInput {
  return input.counters.every((c) => c.staffed !== false) ? input : { ...input, counters: input.counters.filter((c) => c.staffed !== false) };
}

/**
 * Estimate for `target` (a waiting ticket, or a hypothetical new one, added to
 * `waiting` if it is not there): what estimateQueue gives it, people ahead and
 * the wait never fewer than those of a ticket of its field and priority class
 * issued before it (estimate-order.ts).
 */
export function estimateFor(target: Candidate, input: EstimateInput): Estimate {
  const waiting = input.waiting.some((w) => w.id === target.id) ? input.waiting : [...input.waiting, target];
  return estimateQueue({ ...input, waiting }, []).of(target) ?? unserved(target, { ...input, waiting });
}
/** Every waiting ticket's estimate from one forward run (estimateQueue, asked for each). */
export function estimateAll(input: EstimateInput): Map<string, Estimate> {
  const q = estimateQueue(input, []);
  const out = new Map<string, Estimate>();
  for (const t of input.waiting) if (t.status === 'waiting') out.set(t.id, q.of(t)!);
  return out;
}

/** The answers of one forward run. */
export interface QueueEstimates {
  /** The estimate of one of the input's waiting tickets; undefined for a ticket that is not one of them. */
  of(t: Candidate): Estimate | undefined;
  /** Each probe's estimate, by probe id. */
  probes: Map<string, Estimate>;
}

/**
 * One forward run that answers for every waiting ticket and for each probe —
 * a hypothetical ticket (say, one taken now in each field) that is not in the
 * queue. A probe changes nothing before it is called, so it is called at the
 * first moment the run offers a counter that serves its field and would call
 * it before what it does call (or has nothing else): exactly what estimateFor
 * gives it with the probe added to the queue, without one run per probe. Past
 * the horizon, a probe takes its place among its field's tickets still left.
 * Tickets are answered when asked: the run itself costs the horizon's calls,
 * not the length of the queue. Under the target policy a probe that would tip
 * its field into pressed (policy.ts) changes the order before it is called;
 * such a probe (rare: a field on the edge of being late) gets estimateFor.
 */
export function estimateQueue(given: EstimateInput, probes: readonly Candidate[]): QueueEstimates {
  const input = staffedOnly(given);
  const called = new Map<string, Estimate & { seq: number }>();
  /** In-run answers of probes: at how many calls into the run. */
  const answered = new Map<string, Estimate & { seq?: number }>();
  const run = newRun();
  let seq = 0;
  let open = probes.filter((p) => serves(input, p.serviceId));
  /** Probes answered by a run of their own. */
  const own: Candidate[] = [];
  forward(
    input,
    run,
    (t, at) => {
      called.set(t.id, { peopleAhead: run.calls.get(t.serviceId)!.real - 1, estimatedWaitMinutes: minutes(at - input.now), seq: seq++ });
      return false;
    },
    open.length === 0
      ? undefined
      : (c, at, pick, picker) => {
          let any = false;
          for (const p of open) {
            if (!c.serviceIds.includes(p.serviceId)) continue;
            // A probe can tip its field into pressed (policy.ts), which reorders the field's
            // priority tickets: from then on this run is not the one with the probe added,
            // so that probe gets a run of its own (below).
            const withProbe = picker.pressed(p.serviceId, at, p);
            if (withProbe !== picker.pressed(p.serviceId, at)) {
              own.push(p);
              any = true;
              continue;
            }
            const pressed = (sid: string) => (sid === p.serviceId ? withProbe : picker.pressed(sid, at));
            if (pick !== null && !outranks(p, pick, c, input.policy, at, pressed)) continue;
            answered.set(p.id, { peopleAhead: run.calls.get(p.serviceId)?.real ?? 0, estimatedWaitMinutes: minutes(at - input.now), seq });
            any = true;
          }
          if (any) open = open.filter((p) => !answered.has(p.id) && !own.includes(p));
          return open.length > 0;
        },
  );
  const places = new FieldPlaces(input.waiting);
  const unservedHere = (t: Candidate): Estimate => ({ peopleAhead: places.before(t), estimatedWaitMinutes: null });
  const raw = (t: Candidate): Estimate | undefined => {
    if (t.status !== 'waiting') return undefined;
    const e = called.get(t.id);
    if (e) return e;
    if (!serves(input, t.serviceId)) return unservedHere(t);
    return run.left?.has(t) ? drainedWait(input, run, t, run.left.countBefore(t) + 1) : undefined;
  };
  const order = new InOrder(input.waiting, raw);
  // Past the horizon a probe takes its place among its field's tickets still left.
  if (run.left) for (const p of open) answered.set(p.id, drainedWait(input, run, p, run.left.countBefore(p) + 1));
  const out = new Map<string, Estimate>();
  for (const p of probes) {
    const a = answered.get(p.id);
    if (!a) continue;
    // Its earlier classmates' answers are those of the run with the probe added if each
    // was called before the probe's moment (a probe changes nothing before it is called),
    // or, for a probe past the horizon, if none of those left is booked (a walk-in's place
    // in its lane is before the probe's; a booked one's lane may count the probe): else the
    // probe gets a run of its own.
    const before = order.before(p);
    const exact = a.seq === undefined ? !before.some((u) => u.bookedAt !== null && !called.has(u.id)) : !before.some((u) => (called.get(u.id)?.seq ?? Infinity) >= a.seq!);
    if (!exact) own.push(p);
    else out.set(p.id, order.atLeast(p, { peopleAhead: a.peopleAhead, estimatedWaitMinutes: a.estimatedWaitMinutes }));
  }
  for (const p of own) out.set(p.id, estimateFor(p, { ...input, waiting: [...input.waiting, p] }));
  for (const p of probes) if (!out.has(p.id)) out.set(p.id, unservedHere(p));
  return {
    probes: out,
    of(t) {
      const r = raw(t);
      return r === undefined || !serves(input, t.serviceId) ? r : order.of(t, r);
    },
  };
}
