// The province board's data (issue 15.3): each registered centre's today, kept from the
// events it shipped and recomputed when a batch of it lands (one refresh at a time per
// centre, the latest news coalesced), pushed to whoever watches through `onChange`.
import { centreDay, type CentreDay } from '../domain/centre-summary.ts';
import { dayKey, toIso, type KpiOptions } from '../domain/index.ts';
import type { ProvinceStore } from '../store/province/port.ts';
import type { Registry, RegistryCentre } from './registry.ts';

export interface CentreRow {
  centreId: string;
  name: string;
  district: string;
  issued: number;
  served: number;
  waiting: number;
  oldestWaitSeconds: number | null;
  withinTargetPct: number | null;
  satisfactionPct: number | null;
  breaches: number;
  /** When the centre's latest event shipped happened (ISO, +07:00), or null: nothing yet. */
  lastEventAt: string | null;
}

interface Kept {
  day: string;
  summary: CentreDay;
  lastEventAt: number | null;
}

export const kpiOptions = (r: Registry): KpiOptions => ({
  targetWaitMs: r.targets.waitMinutes * 60_000,
  serviceTargetMs: r.targets.serviceMinutes * 60_000,
  satisfiedScores: new Set(r.satisfiedScores),
});

export class ProvinceBoard {
  private readonly kept = new Map<string, Kept>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();

  constructor(
    private readonly store: ProvinceStore,
    private readonly registry: Registry,
    private readonly now: () => number,
    private readonly onChange: (row: CentreRow) => void = () => undefined,
  ) {}

  /** Reads every centre's today from the store. */
  async start(): Promise<void> {
    const cursors = new Map((await this.store.cursors()).map((c) => [c.centreId, c.lastEventAt]));
    await Promise.all(this.registry.centres.map((c) => this.compute(c.id, cursors.get(c.id) ?? null)));
  }

  centre(id: string): RegistryCentre | undefined {
    return this.registry.centres.find((c) => c.id === id);
  }

  /** A batch of the centre landed (its latest event at `lastEventAt`): recompute, then tell the watchers. */
  changed(centreId: string, lastEventAt: number): Promise<void> {
    const k = this.kept.get(centreId);
    if (k) k.lastEventAt = Math.max(k.lastEventAt ?? 0, lastEventAt);
    const busy = this.running.get(centreId);
    if (busy) {
      this.again.add(centreId);
      return busy;
    }
    const run = (async () => {
      do {
        this.again.delete(centreId);
        await this.compute(centreId, this.kept.get(centreId)?.lastEventAt ?? lastEventAt);
      } while (this.again.has(centreId));
      this.running.delete(centreId);
      this.onChange(this.row(this.centre(centreId)!));
    })();
    this.running.set(centreId, run);
    return run;
  }

  /** Every registered centre's row, by district then name. A new day recomputes first. */
  async rows(): Promise<CentreRow[]> {
    const today = dayKey(this.now());
    await Promise.all(this.registry.centres.filter((c) => this.kept.get(c.id)?.day !== today).map((c) => this.compute(c.id, this.kept.get(c.id)?.lastEventAt ?? null)));
    return this.registry.centres
      .map((c) => this.row(c))
      .sort((a, b) => a.district.localeCompare(b.district, 'vi') || a.name.localeCompare(b.name, 'vi'));
  }

  private async compute(centreId: string, lastEventAt: number | null): Promise<void> {
    const now = this.now();
    const day = dayKey(now);
    const events = await this.store.visitEvents(centreId, day, day);
    this.kept.set(centreId, { day, summary: centreDay(events, kpiOptions(this.registry), now), lastEventAt });
  }

  private row(c: RegistryCentre): CentreRow {
    const k = this.kept.get(c.id);
    const s = k?.summary;
    const now = this.now();
    return {
      centreId: c.id,
      name: c.name,
      district: c.district,
      issued: s?.issued ?? 0,
      served: s?.served ?? 0,
      waiting: s?.waiting ?? 0,
      oldestWaitSeconds: s?.oldestWaitingSince == null ? null : Math.max(0, Math.round((now - s.oldestWaitingSince) / 1000)),
      withinTargetPct: s?.withinTargetPct ?? null,
      satisfactionPct: s?.satisfactionPct ?? null,
      breaches: s?.breaches ?? 0,
      lastEventAt: k?.lastEventAt ? toIso(k.lastEventAt) : null,
    };
  }
}
