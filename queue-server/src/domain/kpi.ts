// KPIs from the event log, exactly as DESIGN.md defines them:
// - wait of a transaction = enqueue (issue or transfer) → the call that led to
//   service (the last call when recalled before service began)
// - wait of a visit = sum over its transactions; the target is on this
// - service time = that call → finish
// - within-target share = served visits with wait ≤ target / served visits
import type { DomainEvent } from './events.ts';
import { minuteOfDay } from './time.ts';
import { applyEvent, openTransaction, type Transaction } from './ticket-events.ts';
import { isOpenStatus } from './types.ts';

export interface KpiOptions {
  targetWaitMs: number;
  serviceTargetMs: number;
  /** Scores counted as satisfied (DOMAIN: the first two of four levels). */
  satisfiedScores: ReadonlySet<number>;
}


export interface GroupStats {
  key: string;
  issued: number;
  served: number;
  noShow: number;
  /** Closed by the day's close, never served: not served and not a no-show (nobody called them in vain). */
  expired: number;
  avgWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  withinTargetPct: number | null;
  avgServiceSeconds: number | null;
  withinServiceTargetPct: number | null;
  ratings: number;
  satisfactionPct: number | null;
  /** Transactions finished with a dossier received (tiếp nhận hồ sơ). */
  dossiersReceived: number;
  /** Finished with guidance only / documents to add (hướng dẫn, bổ sung). */
  guidanceOnly: number;
  /** Finished with an outcome recorded (the denominator of the guidance-only share). */
  withOutcome: number;
  /** Mean call → finish of the transactions that received a dossier: the reception time the province caps at 30 minutes. */
  avgReceptionSeconds: number | null;
  /** Officials who finished a transaction in the group (dossiers per staff-year divide by them). */
  staffCount: number;
}

/** Per procedure chosen at the kiosk or counter: how often the visit ended in guidance only (sent home to fetch a paper). */
export interface ProcedureStats {
  key: string;
  withOutcome: number;
  dossiersReceived: number;
  guidanceOnly: number;
  guidanceOnlyPct: number | null;
}

/** The visits rated in one band of their wait: where satisfaction breaks against the target. */
export interface WaitBand {
  fromMinutes: number;
  /** Null: the last band, open-ended. */
  toMinutes: number | null;
  ratings: number;
  satisfactionPct: number | null;
}

/** The bands of a visit's wait the satisfaction is read in, in minutes. */
export const WAIT_BANDS_MINUTES = [0, 5, 10, 15, 20, 30, 45] as const;

export interface Stats {
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  /** Visits still open when their day closed: issued, not served (they count in no wait figure). */
  expired: number;
  open: number;
  avgWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  maxWaitSeconds: number | null;
  withinTargetPct: number | null;
  avgServiceSeconds: number | null;
  withinServiceTargetPct: number | null;
  ratings: number;
  satisfactionPct: number | null;
  dossiersReceived: number;
  guidanceOnly: number;
  withOutcome: number;
  avgReceptionSeconds: number | null;
  staffCount: number;
  byService: GroupStats[];
  byCounter: GroupStats[];
  byStaff: GroupStats[];
  byProcedure: ProcedureStats[];
  /** How many ratings gave each reason (issue 16.5), most given first. */
  byReason: { key: string; ratings: number }[];
  byWaitBand: WaitBand[];
  byHour: { hour: number; arrivals: number; served: number; avgWaitSeconds: number | null }[];
}

/** Fold events into transactions. Events must be in log order. */
export function foldTransactions(events: Iterable<DomainEvent>): Map<string, Transaction> {
  const txns = new Map<string, Transaction>();
  for (const e of events) {
    if (e.type === 'issued') txns.set(e.ticketId, openTransaction(e));
    else {
      const t = txns.get(e.ticketId);
      if (t) applyEvent(t, e);
    }
  }
  return txns;
}

const waitOf = (t: Transaction) => (t.waitEndAt === null ? 0 : Math.max(0, t.waitEndAt - t.enqueuedAt));
const serviceOf = (t: Transaction) => (t.finishedAt !== null && t.waitEndAt !== null ? Math.max(0, t.finishedAt - t.waitEndAt) : null);

/** Nearest-rank percentile of ms values, in seconds. */
export function percentileSeconds(ms: readonly number[], p: number): number | null {
  if (ms.length === 0) return null;
  const sorted = [...ms].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return Math.round(sorted[rank - 1]! / 1000);
}
const avgSeconds = (ms: readonly number[]) => (ms.length ? Math.round(ms.reduce((a, b) => a + b, 0) / ms.length / 1000) : null);
const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);

/** What the outcomes of finished transactions add to a group. */
function outcomes(done: Transaction[]) {
  const received = done.filter((t) => t.outcome === 'received');
  return {
    dossiersReceived: received.length,
    guidanceOnly: done.filter((t) => t.outcome === 'guidance').length,
    withOutcome: done.filter((t) => t.outcome !== null).length,
    avgReceptionSeconds: avgSeconds(received.map(serviceOf).filter((s): s is number => s !== null)),
    staffCount: new Set(done.flatMap((t) => (t.staff ? [t.staff] : []))).size,
  };
}

function byProcedure(txns: Transaction[]): ProcedureStats[] {
  const m = new Map<string, Transaction[]>();
  for (const t of txns) if (t.status === 'done' && t.procedureCode) (m.get(t.procedureCode) ?? m.set(t.procedureCode, []).get(t.procedureCode)!).push(t);
  return [...m.entries()]
    .map(([key, ts]) => {
      const o = outcomes(ts);
      return { key, withOutcome: o.withOutcome, dossiersReceived: o.dossiersReceived, guidanceOnly: o.guidanceOnly, guidanceOnlyPct: pct(o.guidanceOnly, o.withOutcome) };
    })
    .sort((a, b) => (b.guidanceOnlyPct ?? -1) - (a.guidanceOnlyPct ?? -1) || b.withOutcome - a.withOutcome || (a.key < b.key ? -1 : 1));
}

function byReason(rated: Transaction[]): { key: string; ratings: number }[] {
  const n = new Map<string, number>();
  for (const t of rated) for (const r of new Set(t.reasons)) n.set(r, (n.get(r) ?? 0) + 1);
  return [...n.entries()].map(([key, ratings]) => ({ key, ratings })).sort((a, b) => b.ratings - a.ratings || (a.key < b.key ? -1 : 1));
}

/** Each rated visit's score by the visit's whole wait, in bands. */
function byWaitBand(visits: Transaction[][], visitWait: (legs: Transaction[]) => number, o: KpiOptions): WaitBand[] {
  const bands = WAIT_BANDS_MINUTES.map((from, i) => ({ fromMinutes: from, toMinutes: WAIT_BANDS_MINUTES[i + 1] ?? null, scores: [] as number[] }));
  for (const legs of visits) {
    const rated = legs.find((t) => t.score !== null);
    if (!rated) continue;
    const minutes = visitWait(legs) / 60_000;
    const band = bands.findLast((b) => minutes >= b.fromMinutes)!;
    band.scores.push(rated.score!);
  }
  return bands.map((b) => ({ fromMinutes: b.fromMinutes, toMinutes: b.toMinutes, ratings: b.scores.length, satisfactionPct: pct(b.scores.filter((s) => o.satisfiedScores.has(s)).length, b.scores.length) }));
}

function group(key: string, txns: Transaction[], o: KpiOptions): GroupStats {
  const done = txns.filter((t) => t.status === 'done');
  const waits = done.map(waitOf);
  const services = done.map(serviceOf).filter((s): s is number => s !== null);
  const rated = txns.filter((t) => t.score !== null);
  return {
    key,
    issued: txns.length,
    served: done.length,
    noShow: txns.filter((t) => t.status === 'no_show').length,
    expired: txns.filter((t) => t.status === 'expired').length,
    avgWaitSeconds: avgSeconds(waits),
    p90WaitSeconds: percentileSeconds(waits, 90),
    withinTargetPct: pct(waits.filter((w) => w <= o.targetWaitMs).length, waits.length),
    avgServiceSeconds: avgSeconds(services),
    withinServiceTargetPct: pct(services.filter((s) => s <= o.serviceTargetMs).length, services.length),
    ratings: rated.length,
    satisfactionPct: pct(rated.filter((t) => o.satisfiedScores.has(t.score!)).length, rated.length),
    ...outcomes(done),
  };
}

function groupBy(txns: Transaction[], key: (t: Transaction) => string | null, o: KpiOptions): GroupStats[] {
  const m = new Map<string, Transaction[]>();
  for (const t of txns) {
    const k = key(t);
    if (k === null) continue;
    (m.get(k) ?? m.set(k, []).get(k)!).push(t);
  }
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, ts]) => group(k, ts, o));
}

/** Stats over the visits whose events are given (the caller picks the visits of the period). */
export function computeStats(events: Iterable<DomainEvent>, o: KpiOptions): Stats {
  const txns = [...foldTransactions(events).values()];
  const visits = new Map<string, Transaction[]>();
  for (const t of txns) (visits.get(t.visitId) ?? visits.set(t.visitId, []).get(t.visitId)!).push(t);
  const finalLeg = (legs: Transaction[]) => legs.reduce((a, b) => (b.leg > a.leg ? b : a));
  const firstLeg = (legs: Transaction[]) => legs.reduce((a, b) => (b.leg < a.leg ? b : a));
  const visitList = [...visits.values()];
  const served = visitList.filter((legs) => finalLeg(legs).status === 'done');
  const visitWait = (legs: Transaction[]) => legs.reduce((s, t) => s + waitOf(t), 0);
  const servedWaits = served.map(visitWait);
  const doneTxns = txns.filter((t) => t.status === 'done');
  const services = doneTxns.map(serviceOf).filter((s): s is number => s !== null);
  const rated = txns.filter((t) => t.score !== null);

  const byHour = new Map<number, { arrivals: number; served: number; waits: number[] }>();
  for (const legs of visitList) {
    const hour = Math.floor(minuteOfDay(firstLeg(legs).enqueuedAt) / 60);
    const h = byHour.get(hour) ?? { arrivals: 0, served: 0, waits: [] };
    h.arrivals++;
    if (finalLeg(legs).status === 'done') {
      h.served++;
      h.waits.push(visitWait(legs));
    }
    byHour.set(hour, h);
  }

  return {
    issued: visitList.length,
    served: served.length,
    noShow: visitList.filter((legs) => finalLeg(legs).status === 'no_show').length,
    cancelled: visitList.filter((legs) => finalLeg(legs).status === 'cancelled').length,
    expired: visitList.filter((legs) => finalLeg(legs).status === 'expired').length,
    open: visitList.filter((legs) => isOpenStatus(finalLeg(legs).status)).length,
    avgWaitSeconds: avgSeconds(servedWaits),
    p90WaitSeconds: percentileSeconds(servedWaits, 90),
    maxWaitSeconds: servedWaits.length ? Math.round(Math.max(...servedWaits) / 1000) : null,
    withinTargetPct: pct(servedWaits.filter((w) => w <= o.targetWaitMs).length, servedWaits.length),
    avgServiceSeconds: avgSeconds(services),
    withinServiceTargetPct: pct(services.filter((s) => s <= o.serviceTargetMs).length, services.length),
    ratings: rated.length,
    satisfactionPct: pct(rated.filter((t) => o.satisfiedScores.has(t.score!)).length, rated.length),
    ...outcomes(doneTxns),
    byService: groupBy(txns, (t) => t.serviceId, o),
    byCounter: groupBy(txns, (t) => t.counterId, o),
    byStaff: groupBy(txns, (t) => t.staff, o),
    byProcedure: byProcedure(txns),
    byReason: byReason(rated),
    byWaitBand: byWaitBand(visitList, visitWait, o),
    byHour: [...byHour.entries()]
      .sort(([a], [b]) => a - b)
      .map(([hour, h]) => ({ hour, arrivals: h.arrivals, served: h.served, avgWaitSeconds: avgSeconds(h.waits) })),
  };
}
