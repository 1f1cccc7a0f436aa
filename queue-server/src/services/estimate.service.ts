// Waits: how many are ahead of a ticket and how long it may wait, for each
// waiting ticket and for one taken now in each field. One forward run
// (domain/estimate.ts) answers them all; its result is shared by everyone who
// asks before the next write (and within ESTIMATE_REUSE_MS), so a burst of
// tickets committed together, and the board and phones that follow, cost one run.
import {
  estimateFor,
  estimateQueue,
  expectedServiceMs,
  type Estimate,
  type EstimateInput,
  type OpenCounter,
  type QueueEstimates,
} from '../domain/index.ts';
import type { CenterConfig } from '@mot-cua/config';
import type { TicketRecord } from '../store/index.ts';
import type { Centre } from './centre.ts';
import type { CounterStates } from './counter-states.ts';
import type { OpenTickets } from './open-tickets.ts';

/** How long one forward run's estimates serve while nothing is written. */
const ESTIMATE_REUSE_MS = 1000;
/** How long the day's mean service times serve: a burst of issues needs no fresher average. */
const SERVICE_TIMES_REUSE_MS = 5000;

interface EstimateCache {
  /** The write count they were made after. */
  version: number;
  input: EstimateInput;
  run?: { all: QueueEstimates; fresh: Map<string, Estimate> };
}

export interface FieldSummary {
  serviceId: string;
  waiting: number;
  oldestWaitSeconds: number;
  estimatedWaitMinutes: number | null;
}

export class EstimateService {
  private typicalServiceMs: Record<string, number> = {};
  /** The configuration the caches below were made from: a live one replaced drops them (issue 13.2). */
  private seenConfig: CenterConfig | null = null;
  private serviceMsCache: { at: number; ms: Record<string, number> } | null = null;
  private estimateCache: EstimateCache | null = null;

  constructor(
    private readonly centre: Centre,
    private readonly open: OpenTickets,
    private readonly counterStates: CounterStates,
  ) {
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
  newTicketEstimates(): Map<string, Estimate> {
    return this.run(this.estimates()).fresh;
  }

  estimateOf(t: TicketRecord): Estimate {
    if (t.status !== 'waiting') return { peopleAhead: 0, estimatedWaitMinutes: t.status === 'parked' ? null : 0 };
    // A ticket not (yet) among the open ones, e.g. read back from the file: its own forward run.
    return this.run(this.estimates()).all.of(t) ?? estimateFor(t, this.estimates().input);
  }

  /** Per field: how many wait, the longest wait so far, and the estimate for a ticket taken now. */
  queueSummary(newTicket: Map<string, Estimate> = this.newTicketEstimates()): FieldSummary[] {
    const now = this.centre.now();
    const per = new Map(this.centre.config.services.map((s) => [s.id, { n: 0, oldest: 0 }]));
    for (const t of this.open.values()) {
      const f = t.status === 'waiting' ? per.get(t.serviceId) : undefined;
      if (!f) continue;
      f.n++;
      f.oldest = Math.max(f.oldest, now - (t.enqueuedAt - t.priorWaitMs));
    }
    return this.centre.config.services.map((s) => {
      const f = per.get(s.id)!;
      return { serviceId: s.id, waiting: f.n, oldestWaitSeconds: Math.round(f.oldest / 1000), estimatedWaitMinutes: newTicket.get(s.id)?.estimatedWaitMinutes ?? null };
    });
  }

  private openCounters(atCounter: Map<string, TicketRecord>, serviceMs: Record<string, number>, now: number): OpenCounter[] {
    return this.centre.config.counters
      .filter((c) => this.counterStates.status(c.id) === 'open')
      .map((c) => {
        const cur = atCounter.get(c.id);
        const freeAt = cur ? (cur.waitEndAt ?? now) + (serviceMs[cur.serviceId] ?? 600_000) : now;
        return { id: c.id, serviceIds: c.serviceIds, priority: c.priority, weights: c.weights, freeAt };
      });
  }

  /** What a forward estimate runs on: the waiting tickets, the open counters and the expected service times now. */
  private estimateInput(now: number): EstimateInput {
    // One pass over the open tickets: this runs after every burst of writes.
    const waiting: TicketRecord[] = [];
    const atCounter = new Map<string, TicketRecord>();
    for (const t of this.open.values()) {
      if (t.status === 'waiting') waiting.push(t);
      else if ((t.status === 'called' || t.status === 'serving') && t.counterId !== null) atCounter.set(t.counterId, t);
    }
    const serviceMs = this.serviceTimes();
    return { waiting, counters: this.openCounters(atCounter, serviceMs, now), serviceMs, policy: this.centre.policy, now };
  }

  private estimates(): EstimateCache {
    this.follow();
    const now = this.centre.now();
    const c = this.estimateCache;
    if (c && c.version === this.open.version && now >= c.input.now && now - c.input.now < ESTIMATE_REUSE_MS) return c;
    return (this.estimateCache = { version: this.open.version, input: this.estimateInput(now) });
  }

  /** Every waiting ticket's estimate, and a new ticket's in each field: one forward run for both. */
  private run(c: EstimateCache): NonNullable<EstimateCache['run']> {
    if (c.run) return c.run;
    const probes = this.centre.config.services.map((s) => ({
      id: `\u0000new:${s.id}`, number: '', serviceId: s.id, status: 'waiting' as const, priorityCategoryId: null,
      enqueuedAt: c.input.now, arrivedAt: c.input.now, priorWaitMs: 0, bookedAt: null,
    }));
    const r = estimateQueue(c.input, probes);
    const fresh = new Map(probes.map((p) => [p.serviceId, r.probes.get(p.id)!]));
    return (c.run = { all: r, fresh });
  }
}
