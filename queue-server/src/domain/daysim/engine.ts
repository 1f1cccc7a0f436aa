// A discrete-event run of one centre's day on the queue-server's own domain
// code: tickets move through `transition` (the real state machine), counters
// call with `pickNext` (the real calling policy), every ticket gets the real
// `estimateFor` at issue, and the figures come from the real `computeStats`
// over the event log the run writes.
import type { CenterConfig } from '@mot-cua/config';
import {
  ARRIVALS_WINDOW_MS,
  arrivalRates,
  dayKey,
  EstimateCalibration,
  estimateAll,
  estimateFor,
  expectedServiceMs,
  newTicket,
  pickNext,
  transition,
  type Action,
  type CounterRule,
  type DomainEvent,
  type EventType,
  type OpenCounter,
  type PolicySettings,
  type SeenArrival,
  type Ticket,
} from '../index.ts';
import type { CounterStatusChange } from './profile.ts';
import type { Visit } from './visits.ts';

const MIN = 60_000;
/** Seconds between a no-show's call, its two recalls and the no-show mark. */
const RECALL_GAP_MS = 45_000;
/** How often the waiting tickets' estimates are sampled. */
const SAMPLE_EVERY_MS = 10 * MIN;

type Status = CounterStatusChange['status'];

interface Step {
  at: number;
  action: Exclude<Action, 'call' | 'transfer'>;
  event: EventType;
}

interface CounterState {
  rule: CounterRule;
  status: Status;
  current: Ticket | null;
  /** The rest of the current ticket's steps (recalls, start, finish or no-show). */
  steps: Step[];
  /** Since when it has had nothing to do: of several idle counters, the longest idle calls first. */
  idleSince: number;
}

export interface EstimateSample {
  ticketId: string;
  /** When the estimate was made. */
  at: number;
  estimateMin: number | null;
  /**
   * The naive estimate most queue boards show, at the same moment: people waiting in the field
   * × the field's mean service ÷ open counters serving it (null with none open). At issue only.
   */
  naiveMin?: number | null;
  /** The forward run's own figure, before the calibration's correction (at issue only). */
  rawMin?: number | null;
  /** The range shown with it (EstimateCalibration), null where the screens show one figure. */
  low?: number | null;
  high?: number | null;
}

export interface DayRun {
  events: DomainEvent[];
  tickets: Map<string, Ticket>;
  priority: Set<string>;
  atIssue: EstimateSample[];
  whileWaiting: EstimateSample[];
}

export interface RunInput {
  config: CenterConfig;
  visits: readonly Visit[];
  changes: readonly { counterId: string; at: number; status: Status }[];
  policy: PolicySettings;
  /** Make the estimates (at issue and while waiting); false skips them, for runs that only want the waits. Default true. */
  estimates?: boolean;
}

function ticketOf(v: Visit, n: number, priorityCategoryId: string | null): Ticket {
  return newTicket({
    id: v.id,
    number: String(n),
    day: dayKey(v.at),
    serviceId: v.serviceId,
    priorityCategoryId,
    channel: v.bookedAt === null ? 'kiosk' : 'appointment',
    at: v.at,
    bookedAt: v.bookedAt,
  });
}

export function runDay({ config, visits, changes, policy, estimates = true }: RunInput): DayRun {
  const byVisit = new Map(visits.map((v) => [v.id, v]));
  const typical = Object.fromEntries(config.services.map((s) => [s.id, s.avgServiceMinutes * MIN]));
  const priorityCategory = config.priorityCategories[0]?.id ?? 'priority';
  const counters: CounterState[] = config.counters.map((c) => ({
    rule: { id: c.id, serviceIds: c.serviceIds, priority: c.priority, weights: c.weights },
    status: 'open',
    current: null,
    steps: [],
    idleSince: -Infinity,
  }));
  const counterById = new Map(counters.map((c) => [c.rule.id, c]));
  const pendingChanges = [...changes].sort((a, b) => a.at - b.at);
  const tickets = new Map<string, Ticket>();
  const priority = new Set<string>();
  const waiting: Ticket[] = [];
  const events: DomainEvent[] = [];
  const doneTimes: [string, number][] = [];
  const atIssue: EstimateSample[] = [];
  const whileWaiting: EstimateSample[] = [];
  // What the server learns from measured overtaking: each call tells how far off the estimate at issue was.
  const calibration = new EstimateCalibration();
  // The arrivals of the last hour, as the server remembers them: who will overtake (issue 18.3).
  const seen: SeenArrival[] = [];
  let seenFrom = 0;
  const rawAtIssue = new Map<string, { raw: number; oldest: number }>();
  /** The longest wait so far among the field's waiting tickets, minutes. */
  const oldestIn = (serviceId: string, now: number) => {
    let from = now;
    for (const w of waiting) if (w.serviceId === serviceId) from = Math.min(from, w.enqueuedAt - w.priorWaitMs);
    return (now - from) / MIN;
  };

  const log = (t: Ticket, type: EventType, at: number, data: Record<string, unknown> = {}) =>
    events.push({ at, type, ticketId: t.id, visitId: t.visitId, serviceId: t.serviceId, counterId: t.counterId, actor: t.counterId, data });

  // What the server knows when it estimates: open counters, each free when its current service is expected to end.
  const estimateInput = (now: number) => {
    const serviceMs = expectedServiceMs(doneTimes, typical);
    while (seenFrom < seen.length && seen[seenFrom]!.at < now - ARRIVALS_WINDOW_MS) seenFrom++;
    const arrivals = arrivalRates(seen.slice(seenFrom), now, seen[0]?.at ?? now);
    const open: OpenCounter[] = counters
      .filter((c) => c.status === 'open')
      .map((c) => ({ ...c.rule, freeAt: c.current ? (c.current.waitEndAt ?? now) + (serviceMs[c.current.serviceId] ?? 10 * MIN) : now }));
    return { waiting, counters: open, serviceMs, policy, now, arrivals };
  };

  const call = (c: CounterState, now: number) => {
    const next = pickNext(waiting, c.rule, policy, now);
    if (!next) return;
    waiting.splice(waiting.indexOf(next), 1);
    const raw = rawAtIssue.get(next.id);
    if (raw !== undefined) calibration.observe(next.priorityCategoryId !== null, raw.raw, raw.oldest, (now - next.enqueuedAt) / MIN);
    const called = transition(next, 'call', { now, counterId: c.rule.id, staff: c.rule.id });
    tickets.set(called.id, called);
    log(called, 'called', now);
    c.current = called;
    const v = byVisit.get(called.visitId)!;
    c.steps = v.noShow
      ? [
          { at: now + RECALL_GAP_MS, action: 'recall', event: 'recalled' },
          { at: now + 2 * RECALL_GAP_MS, action: 'recall', event: 'recalled' },
          { at: now + 3 * RECALL_GAP_MS, action: 'no-show', event: 'no_show' },
        ]
      : [
          { at: now + v.walkMs, action: 'start', event: 'started' },
          { at: now + v.walkMs + v.serviceMs, action: 'finish', event: 'finished' },
        ];
  };

  const advance = (c: CounterState, now: number) => {
    while (c.current && c.steps.length > 0 && c.steps[0]!.at <= now) {
      const step = c.steps.shift()!;
      const t = transition(c.current, step.action, { now: step.at, counterId: c.rule.id, staff: c.rule.id });
      tickets.set(t.id, t);
      log(t, step.event, step.at);
      if (step.action === 'finish') doneTimes.push([t.serviceId, t.finishedAt! - t.waitEndAt!]);
      c.current = c.steps.length > 0 ? t : null;
      if (!c.current) c.idleSince = step.at;
    }
  };

  let nextVisit = 0;
  // Armed while someone waits, so the clock never runs back to a stale sample time.
  let nextSample = Infinity;
  let n = 0;
  // Bounded: every turn moves the clock to the next pending thing, and each of
  // those (visit, change, step, sample while someone waits) is finite.
  const maxTurns = 20 * (visits.length + changes.length + 10) + 10_000;
  for (let turn = 0; turn < maxTurns; turn++) {
    const busyUntil = Math.min(...counters.map((c) => c.steps[0]?.at ?? Infinity));
    const nextThing = Math.min(visits[nextVisit]?.at ?? Infinity, busyUntil, pendingChanges[0]?.at ?? Infinity);
    // Samples only while something else is still to happen: a queue nobody can serve ends the day.
    const now = nextThing === Infinity ? Infinity : Math.min(nextThing, nextSample);
    if (now === Infinity) break;
    while (pendingChanges.length && pendingChanges[0]!.at <= now) {
      const ch = pendingChanges.shift()!;
      const c = counterById.get(ch.counterId);
      if (c) c.status = ch.status;
    }
    for (const c of counters) advance(c, now);
    while (nextVisit < visits.length && visits[nextVisit]!.at <= now) {
      const v = visits[nextVisit++]!;
      const t = ticketOf(v, ++n, v.priority ? priorityCategory : null);
      if (v.priority) priority.add(t.id);
      tickets.set(t.id, t);
      waiting.push(t);
      seen.push({ serviceId: t.serviceId, priority: v.priority, at: v.at });
      log(t, 'issued', v.at, { leg: 0 });
      if (!estimates) continue;
      const input = estimateInput(v.at);
      const ahead = waiting.filter((w) => w.serviceId === t.serviceId && w.id !== t.id).length;
      const serving = input.counters.filter((c) => c.serviceIds.includes(t.serviceId)).length;
      const naiveMin = serving === 0 ? null : (ahead * (input.serviceMs[t.serviceId] ?? 10 * MIN)) / serving / MIN;
      const raw = estimateFor(t, input).estimatedWaitMinutes;
      const oldest = oldestIn(t.serviceId, v.at);
      if (raw !== null) rawAtIssue.set(t.id, { raw, oldest });
      const shown = calibration.adjust(v.priority, raw, oldest);
      atIssue.push({ ticketId: t.id, at: v.at, estimateMin: shown.estimatedWaitMinutes, rawMin: raw, naiveMin, low: shown.low, high: shown.high });
    }
    if (now >= nextSample) {
      if (estimates && waiting.length) {
        for (const [id, e] of estimateAll(estimateInput(now))) {
          const shown = calibration.adjust(priority.has(id), e.estimatedWaitMinutes, oldestIn(tickets.get(id)!.serviceId, now));
          whileWaiting.push({ ticketId: id, at: now, estimateMin: shown.estimatedWaitMinutes, low: shown.low, high: shown.high });
        }
      }
      nextSample = now + SAMPLE_EVERY_MS;
    }
    const idle = counters.filter((c) => c.status === 'open' && !c.current).sort((a, b) => a.idleSince - b.idleSince);
    for (const c of idle) call(c, now);
    if (waiting.length === 0) nextSample = Infinity;
    else if (nextSample === Infinity) nextSample = now + SAMPLE_EVERY_MS;
  }
  events.sort((a, b) => a.at - b.at);
  return { events, tickets, priority, atIssue, whileWaiting };
}
