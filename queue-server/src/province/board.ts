// The province board's data (issue 15.3): each registered centre's today, kept from the
// events it shipped and recomputed when a batch of it lands (one refresh at a time per
// centre, the latest news coalesced), pushed to whoever watches through `onChange`.
import { centreDay, type CentreDay } from '../domain/centre-summary.ts';
import { inTrouble, type DeviceStatusSummary } from '../domain/device-trouble.ts';
import { dayKey, toIso, type KpiOptions } from '../domain/index.ts';
import type { CentreDeviceStatus, ProvinceStore } from '../store/province/port.ts';
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
  /** The centre's devices in trouble, from its latest device summary; null: it has sent none. */
  devices: DeviceRow | null;
}

export interface DeviceRow {
  /** Devices in warning, error or offline, each once. */
  inTrouble: number;
  total: number;
  warning: number;
  error: number;
  offline: number;
  /** When the oldest trouble still going on began (ISO, +07:00), or null. */
  since: string | null;
  /** When the centre made the summary (ISO, +07:00). */
  reportedAt: string;
}

/** A centre's device summary as the drill-down shows it: every count, the times as ISO. */
export type DeviceDetail = Omit<DeviceStatusSummary, 'at' | 'since'> & { since: string | null; reportedAt: string; receivedAt: string };

export const deviceDetail = (d: CentreDeviceStatus): DeviceDetail => ({
  devices: d.status.devices,
  byKind: d.status.byKind,
  parts: d.status.parts,
  since: d.status.since === null ? null : toIso(d.status.since),
  reportedAt: toIso(d.status.at),
  receivedAt: toIso(d.receivedAt),
});

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
  private readonly deviceStatus = new Map<string, CentreDeviceStatus>();

  constructor(
    private readonly store: ProvinceStore,
    private readonly registry: Registry,
    private readonly now: () => number,
    private readonly onChange: (row: CentreRow) => void = () => undefined,
  ) {}

  /** Reads every centre's today from the store. */
  async start(): Promise<void> {
    const cursors = new Map((await this.store.cursors()).map((c) => [c.centreId, c.lastEventAt]));
    for (const d of await this.store.deviceStatuses()) this.deviceStatus.set(d.centreId, d);
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

  /** A centre sent its device summary: kept (unless older than the one held), then the watchers see its row. */
  async devicesChanged(centreId: string, status: DeviceStatusSummary): Promise<void> {
    const receivedAt = this.now();
    if (!(await this.store.putDeviceStatus(centreId, status, receivedAt))) return;
    this.deviceStatus.set(centreId, { centreId, status, receivedAt });
    const c = this.centre(centreId);
    if (c && !this.running.has(centreId)) this.onChange(this.row(c));
  }

  /** A centre's latest device summary, or null. */
  devices(centreId: string): DeviceDetail | null {
    const d = this.deviceStatus.get(centreId);
    return d ? deviceDetail(d) : null;
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
      devices: this.deviceRow(c.id),
    };
  }

  private deviceRow(centreId: string): DeviceRow | null {
    const d = this.deviceStatus.get(centreId)?.status;
    if (!d) return null;
    return { inTrouble: inTrouble(d.devices), ...d.devices, since: d.since === null ? null : toIso(d.since), reportedAt: toIso(d.at) };
  }
}
