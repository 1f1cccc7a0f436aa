// KPIs for any period, from the event log.
import type { CenterConfig } from '@mot-cua/config';
import { liveConfig, type ConfigSource } from './centre.ts';
import { addDays, computeStats, dayStart, toIso, type GroupStats, type Stats } from '../domain/index.ts';
import { groupNamer } from '../reports/report.ts';
import type { StoreReads } from '../store/index.ts';

type Named = GroupStats & { name: string };

export class StatsService {
  /** The live configuration, read at each use (issue 13.2). */
  private readonly liveConfig: () => CenterConfig;
  private get config(): CenterConfig {
    return this.liveConfig();
  }

  constructor(
    config: ConfigSource,
    private readonly reads: StoreReads,
  ) {
    this.liveConfig = liveConfig(config);
  }

  /** Stats of the visits that arrived between two local days (inclusive), each group with its display name. */
  async between(fromDay: string, toDay: string): Promise<Stats & { byService: Named[]; byCounter: Named[]; byStaff: Named[] }> {
    const [s, names] = await Promise.all([this.raw(fromDay, toDay), this.staffNames()]);
    const n = groupNamer(this.config, names);
    return {
      ...s,
      byService: s.byService.map((g) => ({ ...g, name: n.service(g.key) })),
      byCounter: s.byCounter.map((g) => ({ ...g, name: n.counter(g.key) })),
      byStaff: s.byStaff.map((g) => ({ ...g, name: n.staff(g.key) })),
    };
  }

  /** Each official's full name by username, for reports. */
  async staffNames(): Promise<Map<string, string>> {
    return new Map((await this.reads.users()).map((u) => [u.username, u.fullName]));
  }

  /**
   * Ratings' notes written between two local days (inclusive), for the manager's reports page
   * (issue 16.5): the note, its score, field, counter and official — no ticket, no citizen.
   */
  async ratingNotes(fromDay: string, toDay: string): Promise<{ at: string; score: number; service: string; counter: string | null; staff: string | null; note: string }[]> {
    const [notes, names] = await Promise.all([this.reads.ratingNotes(dayStart(fromDay), dayStart(addDays(toDay, 1))), this.staffNames()]);
    const n = groupNamer(this.config, names);
    return notes.map((x) => ({ at: toIso(x.at), score: x.score, service: n.service(x.serviceId), counter: x.counterId ? n.counter(x.counterId) : null, staff: x.staff ? n.staff(x.staff) : null, note: x.note }));
  }

  async raw(fromDay: string, toDay: string): Promise<Stats> {
    return computeStats(await this.reads.visitEvents(fromDay, toDay), {
      targetWaitMs: this.config.targets.waitMinutes * 60_000,
      serviceTargetMs: this.config.targets.serviceMinutes * 60_000,
      satisfiedScores: new Set(this.config.satisfactionLevels.filter((l) => l.satisfied).map((l) => l.score)),
    });
  }
}
