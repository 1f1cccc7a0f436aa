// A centre's day at a glance, as the province board shows it (issue 15.3): from the
// events of the day's visits alone, through the same KPIs as the centre's own reports
// (kpi.ts), plus who is waiting now and since when.
import type { DomainEvent } from './events.ts';
import { computeStats, foldTransactions, type KpiOptions } from './kpi.ts';

export interface CentreDay {
  issued: number;
  served: number;
  /** Transactions waiting to be called now. */
  waiting: number;
  /** When the longest-waiting of them was queued (null: nobody waits). */
  oldestWaitingSince: number | null;
  withinTargetPct: number | null;
  satisfactionPct: number | null;
  /** Served visits whose wait passed the target, and waiting tickets already past it at `now`. */
  breaches: number;
}

/** The summary of a day from its visits' events (in log order) at `now`. */
export function centreDay(events: readonly DomainEvent[], o: KpiOptions, now: number): CentreDay {
  const stats = computeStats(events, o);
  const waitingSince = [...foldTransactions(events).values()].filter((t) => t.status === 'waiting').map((t) => t.enqueuedAt);
  const servedOver = stats.served - Math.round(((stats.withinTargetPct ?? 100) / 100) * stats.served);
  return {
    issued: stats.issued,
    served: stats.served,
    waiting: waitingSince.length,
    oldestWaitingSince: waitingSince.length ? Math.min(...waitingSince) : null,
    withinTargetPct: stats.withinTargetPct,
    satisfactionPct: stats.satisfactionPct,
    breaches: servedOver + waitingSince.filter((at) => now - at > o.targetWaitMs).length,
  };
}
