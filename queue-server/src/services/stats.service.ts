// KPIs for any period, from the event log.
import type { CenterConfig } from '@mot-cua/config';
import { computeStats, type Stats } from '../domain/index.ts';
import type { Store } from '../store/index.ts';

export class StatsService {
  private readonly satisfied: Set<number>;

  constructor(
    private readonly config: CenterConfig,
    private readonly store: Store,
  ) {
    this.satisfied = new Set(config.satisfactionLevels.filter((l) => l.satisfied).map((l) => l.score));
  }

  /** Stats of the visits that arrived between two local days (inclusive). */
  between(fromDay: string, toDay: string): Stats {
    return computeStats(this.store.events.forVisitsArrivedBetween(fromDay, toDay), {
      targetWaitMs: this.config.targets.waitMinutes * 60_000,
      serviceTargetMs: this.config.targets.serviceMinutes * 60_000,
      satisfiedScores: this.satisfied,
    });
  }
}
