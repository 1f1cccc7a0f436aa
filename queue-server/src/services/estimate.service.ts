// Waits: how many are ahead of a ticket and how long it may wait, for each
// waiting ticket and for one taken now in each field. One forward run
// (domain/estimate.ts) answers them all; its result is shared by everyone who
// asks before the next write (and within ESTIMATE_REUSE_MS), so a burst of
// tickets committed together, and the board and phones that follow, cost one run.
import {
  ARRIVALS_WINDOW_MS,
  arrivalRates,
  closingLine,
  EstimateCalibration,
  pastClosing,
  servedAt,
  toIso,
  type ClosingLine,
  estimateFor,
  estimateQueue,
  expectedServiceMs,
  type Estimate,
  type EstimateInput,
  type OpenCounter,
  type QueueEstimates,
  type SeenArrival,
} from '../domain/index.ts';
import type { CenterConfig } from '@mot-cua/config';
import type { TicketRecord } from '../store/index.ts';
import type { Centre } from './centre.ts';
import type { CounterStates } from './counter-states.ts';
import type { OpenTickets } from './open-tickets.ts';
import type { FieldSummary, ShownEstimate } from './estimate-shown.ts';

/** How long one forward run's estimates serve while nothing is written. */
const ESTIMATE_REUSE_MS = 1000;
/** How long the day's mean service times serve: a burst of issues needs no fresher average. */
const SERVICE_TIMES_REUSE_MS = 5000;
/** How long the manager's "if staffed" waits serve while the same counters are open and staffed. */
const IF_STAFFED_REUSE_MS = 5000;

interface EstimateCache {
  /** The write count they were made after. */
  version: number;
  input: EstimateInput;
  /** Per field, the longest wait so far among its waiting tickets, minutes. */
  oldestMin: Map<string, number>;
  run?: { all: QueueEstimates; fresh: Map<string, ShownEstimate> };
  /** The new tickets' waits with every open counter staffed (queueSummary's estimatedWaitIfStaffedMinutes). */
  ifStaffed?: Map<string, number | null>;
}

export type { FieldSummary, ShownEstimate } from './estimate-shown.ts';

/** Tickets remembered for the calibration at most (a day of a large centre); the oldest go first. */
const PENDING_MAX = 20_000;

export class EstimateService {
  private typicalServiceMs: Record<string, number> = {};
  /** The configuration the caches below were made from: a live one replaced drops them (issue 13.2). */
  private seenConfig: CenterConfig | null = null;
  private serviceMsCache: { at: number; ms: Record<string, number> } | null = null;
  private estimateCache: EstimateCache | null = null;
  private lastIfStaffed: { at: number; counters: string; values: Map<string, number | null> } | null = null;
  /** What the forward runs have learned from measured overtaking (issue 18.3). */
  private readonly calibration = new EstimateCalibration();
  /** Each waiting ticket's first estimate, by id; null: its holder was shown no figure (nothing to learn, and not looked at again). */
  private readonly pending = new Map<string, { raw: number; oldest: number; priority: boolean } | null>();
  /** The waiting tickets seen join their queue, by id (once each), for the last hour's arrival rates (issue 18.3). */
  private readonly seen = new Map<string, SeenArrival>();
  /** The waiting tickets seen join since the last run, by id: their first estimate is still to remember. */
  private readonly unremembered: string[] = [];
  /** Since when this memory watches: rates are never taken over time before it. */
  private readonly watchingSince: number;

  constructor(
    private readonly centre: Centre,
    private readonly open: OpenTickets,
    private readonly counterStates: CounterStates,
    /** Whether the closing time limits the day (the centre enforces its hours; a demo does not). */
    private readonly closingHours = false,
  ) {
    this.watchingSince = centre.now();
    this.follow();
  }

  /** After the live configuration changed: the typical times again, and no cached estimate of the old one. */
  private follow(): void {
    const config = this.centre.config;
    if (config === this.seenConfig) return;
    this.seenConfig = config;
    this.typicalServiceMs = Object.fromEntries(config.services.map((s) => [s.id, s.avgServiceMinutes * 60_000]));
    this.serviceMsCache = null;
    this.estimateCache = null;
    this.lastIfStaffed = null;
  }

  /** Expected service time per field: the mean of today's recent ones, or the configured typical time. */
  serviceTimes(): Record<string, number> {
    this.follow();
    const now = this.centre.now();
    const c = this.serviceMsCache;
    if (!c || now - c.at > SERVICE_TIMES_REUSE_MS || now < c.at) {
      this.serviceMsCache = { at: now, ms: expectedServiceMs(this.open.recentServiceTimes(), this.typicalServiceMs) };
    }
    return this.serviceMsCache!.ms;
  }

  /** The estimate for a ticket taken now, per field. */
  newTicketEstimates(): Map<string, ShownEstimate> {
    return this.run(this.estimates()).fresh;
  }

  estimateOf(t: TicketRecord): ShownEstimate {
    if (t.status !== 'waiting') return { peopleAhead: 0, estimatedWaitMinutes: t.status === 'parked' ? null : 0 };
    const c = this.estimates();
    // A ticket not (yet) among the open ones, e.g. read back from the file: its own forward run.
    const raw = this.run(c).all.of(t) ?? estimateFor(t, c.input);
    return this.shown(t.priorityCategoryId !== null, raw, c.oldestMin.get(t.serviceId) ?? 0);
  }

  /** The run's estimate corrected by what the calibration learned, with its range. */
  private shown(priority: boolean, raw: Estimate, oldestMin: number): ShownEstimate {
    const a = this.calibration.adjust(priority, raw.estimatedWaitMinutes, oldestMin);
    // A range of one minute says no more than the figure: shown as the figure.
    const shown: ShownEstimate = { peopleAhead: raw.peopleAhead, estimatedWaitMinutes: a.estimatedWaitMinutes };
    if (a.low !== null && a.high !== null && a.high > a.low) {
      shown.estimatedWaitLowMinutes = a.low;
      shown.estimatedWaitHighMinutes = a.high;
    }
    return shown;
  }

  /** Today's closing line of a field (domain/closing.ts), null where hours are not enforced or it does not open today. */
  closingLine(serviceId: string): ClosingLine | null {
    if (!this.closingHours) return null;
    const s = this.centre.config.services.find((x) => x.id === serviceId);
    if (!s) return null;
    return closingLine(s.hours ?? this.centre.config.hours, this.centre.now(), this.serviceTimes()[serviceId] ?? s.avgServiceMinutes * 60_000);
  }

  /** Whether a ticket of the field waiting `waitMinutes` from now would probably not be reached before closing. */
  beyondClosing(serviceId: string, waitMinutes: number | null): boolean {
    return pastClosing(this.closingLine(serviceId), this.centre.now(), waitMinutes);
  }

  /** Per field: how many wait, the longest wait so far, and the estimate for a ticket taken now. */
  queueSummary(newTicket: Map<string, ShownEstimate> = this.newTicketEstimates()): FieldSummary[] {
    const now = this.centre.now();
    const per = new Map(this.centre.config.services.map((s) => [s.id, { n: 0, oldest: 0, late: 0, line: this.closingLine(s.id) }]));
    for (const t of this.open.values()) {
      const f = t.status === 'waiting' ? per.get(t.serviceId) : undefined;
      if (!f) continue;
      f.n++;
      f.oldest = Math.max(f.oldest, now - (t.enqueuedAt - t.priorWaitMs));
      // Only where a closing line exists: a field with none costs no estimate lookups.
      if (f.line && pastClosing(f.line, now, this.estimateOf(t).estimatedWaitMinutes)) f.late++;
    }
    const ifStaffed = this.ifStaffed(per);
    return this.centre.config.services.map((s) => {
      const f = per.get(s.id)!;
      const e = newTicket.get(s.id);
      return {
        estimatedWaitIfStaffedMinutes: ifStaffed?.get(s.id) ?? null,
        serviceId: s.id,
        waiting: f.n,
        oldestWaitSeconds: Math.round(f.oldest / 1000),
        estimatedWaitMinutes: e?.estimatedWaitMinutes ?? null,
        estimatedWaitLowMinutes: e?.estimatedWaitLowMinutes ?? null,
        estimatedWaitHighMinutes: e?.estimatedWaitHighMinutes ?? null,
        mayNotBeServedToday: f.late,
        closesAt: f.line ? toIso(f.line.closesAt) : null,
        newTicketServedAt: ((at) => (at === null ? null : toIso(at)))(servedAt(now, e?.estimatedWaitMinutes ?? null)),
        beyondClosing: pastClosing(f.line, now, e?.estimatedWaitMinutes ?? null),
      };
    });
  }

  /** A new ticket's wait per field with every open counter staffed; only when some field with people waiting has no estimate but an unstaffed open counter (one more run, then). */
  private ifStaffed(per: Map<string, { n: number }>): Map<string, number | null> | null {
    const c = this.estimates();
    const fresh = this.run(c).fresh;
    const unstaffed = c.input.counters.filter((k) => k.staffed === false);
    const needed = [...per].some(([sid, f]) => f.n > 0 && fresh.get(sid)?.estimatedWaitMinutes == null && unstaffed.some((k) => k.serviceIds.includes(sid)));
    if (!needed) return null;
    if (c.ifStaffed) return c.ifStaffed;
    // Advice, not a citizen's figure: one run serves IF_STAFFED_REUSE_MS while the same counters are open and staffed
    // (a run per burst of issues was a twentieth of the issuing's time with nobody signed in).
    const counters = c.input.counters.map((k) => `${k.id}${k.staffed === false ? '-' : '+'}`).join(',');
    const last = this.lastIfStaffed;
    if (last && last.counters === counters && c.input.now >= last.at && c.input.now - last.at < IF_STAFFED_REUSE_MS) return (c.ifStaffed = last.values);
    const probes = this.probes(c);
    const r = estimateQueue({ ...c.input, counters: c.input.counters.map((k) => ({ ...k, staffed: true })) }, probes);
    c.ifStaffed = new Map(probes.map((p) => [p.serviceId, r.probes.get(p.id)!.estimatedWaitMinutes]));
    this.lastIfStaffed = { at: c.input.now, counters, values: c.ifStaffed };
    return c.ifStaffed;
  }

  /** One hypothetical ticket taken now in each field. */
  private probes(c: EstimateCache) {
    return this.centre.config.services.map((s) => ({
      id: `\u0000new:${s.id}`, number: '', serviceId: s.id, status: 'waiting' as const, priorityCategoryId: null,
      enqueuedAt: c.input.now, arrivedAt: c.input.now, priorWaitMs: 0, bookedAt: null,
    }));
  }

  /** The open counters; one that nobody is signed in at serves nobody (issue 20.7). */
  private openCounters(atCounter: Map<string, TicketRecord>, serviceMs: Record<string, number>, now: number): OpenCounter[] {
    return this.centre
      .countersNow()
      .filter((c) => this.counterStates.status(c.id) === 'open')
      .map((c) => {
        const cur = atCounter.get(c.id);
        const freeAt = cur ? (cur.waitEndAt ?? now) + (serviceMs[cur.serviceId] ?? 600_000) : now;
        return { id: c.id, serviceIds: c.serviceIds, priority: c.priority, weights: c.weights, freeAt, staffed: this.counterStates.staff(c.id) !== null };
      });
  }

  /** What a forward estimate runs on: the waiting tickets, the open counters and the expected service times now. */
  private estimateInput(now: number): Omit<EstimateCache, 'version'> {
    // One pass over the open tickets: this runs after every burst of writes.
    const waiting: TicketRecord[] = [];
    const atCounter = new Map<string, TicketRecord>();
    const since = new Map<string, number>();
    for (const t of this.open.values()) {
      if (t.status === 'waiting') {
        waiting.push(t);
        if (!this.seen.has(t.id)) {
          this.seen.set(t.id, { serviceId: t.serviceId, priority: t.priorityCategoryId !== null, at: t.enqueuedAt });
          if (this.unremembered.length < PENDING_MAX) this.unremembered.push(t.id);
        }
        const from = t.enqueuedAt - t.priorWaitMs;
        if (from < (since.get(t.serviceId) ?? Infinity)) since.set(t.serviceId, from);
      } else if ((t.status === 'called' || t.status === 'serving') && t.counterId !== null) {
        atCounter.set(t.counterId, t);
        this.learn(t);
      }
    }
    const serviceMs = this.serviceTimes();
    const oldestMin = new Map<string, number>();
    for (const [sid, from] of since) oldestMin.set(sid, Math.max(0, now - from) / 60_000);
    // Forget arrivals older than the window (in the order seen; at most a day of a large centre).
    for (const [id, a] of this.seen) {
      if (a.at > now - ARRIVALS_WINDOW_MS && this.seen.size <= PENDING_MAX) break;
      this.seen.delete(id);
    }
    const arrivals = arrivalRates(this.seen.values(), now, this.watchingSince);
    return { input: { waiting, counters: this.openCounters(atCounter, serviceMs, now), serviceMs, policy: this.centre.policy, now, arrivals }, oldestMin };
  }

  /** A ticket seen called: how far off its estimate at issue was teaches the calibration. */
  private learn(t: TicketRecord): void {
    const p = this.pending.get(t.id);
    if (p === undefined || t.waitEndAt === null) return;
    this.pending.delete(t.id);
    if (p) this.calibration.observe(p.priority, p.raw, p.oldest, Math.max(0, t.waitEndAt - t.enqueuedAt) / 60_000);
  }

  /** Remembers each new waiting ticket's first estimate (what its holder was shown at issue). */
  private remember(c: EstimateCache, all: QueueEstimates): void {
    // Only the tickets seen join since the last run: the whole queue at every run made issuing slow down as it grew.
    for (const id of this.unremembered.splice(0)) {
      const t = this.open.known(id);
      // Each ticket is looked at once, at its first run: one with no figure then (nobody
      // signed in to serve it) is not asked again at every later run.
      if (t?.status !== 'waiting' || this.pending.has(t.id)) continue;
      const e = all.of(t)?.estimatedWaitMinutes;
      if (this.pending.size >= PENDING_MAX) this.pending.delete(this.pending.keys().next().value!);
      this.pending.set(t.id, e === null || e === undefined ? null : { raw: e, oldest: c.oldestMin.get(t.serviceId) ?? 0, priority: t.priorityCategoryId !== null });
    }
  }

  private estimates(): EstimateCache {
    this.follow();
    const now = this.centre.now();
    const c = this.estimateCache;
    if (c && c.version === this.open.version && now >= c.input.now && now - c.input.now < ESTIMATE_REUSE_MS) return c;
    return (this.estimateCache = { version: this.open.version, ...this.estimateInput(now) });
  }

  /** Every waiting ticket's estimate, and a new ticket's in each field: one forward run for both. */
  private run(c: EstimateCache): NonNullable<EstimateCache['run']> {
    if (c.run) return c.run;
    const probes = this.probes(c);
    const r = estimateQueue(c.input, probes);
    this.remember(c, r);
    const fresh = new Map(probes.map((p) => [p.serviceId, this.shown(false, r.probes.get(p.id)!, c.oldestMin.get(p.serviceId) ?? 0)]));
    return (c.run = { all: r, fresh });
  }
}
