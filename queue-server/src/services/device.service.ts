// Kiosks, boards, keypads and displays as the managers see them: the health
// each device reports, the alerts raised when a part goes bad or a ticket was
// not printed, and a device gone silent (issue 20.3). Everything goes through
// the store port: one batch per report, read back for the announcement after
// its commit. Tokens stay with the auth service.
import type { Alert, AlertInput, Batch, Device, DevicePart, StorePort } from '../store/index.ts';
import type { Bus } from './bus.ts';
import { text } from '../domain/messages.ts';
import { PART_WORDS } from '../domain/notices.ts';

/**
 * Open alerts one device may have at a time. A device token is a secret kept on
 * a PC in the hall: if it leaks, the holder can report whatever it likes, but
 * not bury the managers' list (at most 100 shown) under alerts in one device's
 * name. Past the cap a device's new alerts are dropped until some are resolved;
 * its health is still recorded and shown.
 */
export const MAX_OPEN_ALERTS_PER_DEVICE = 10;

/** The alert of a device that stopped reporting. */
export const SILENT_ALERT = 'device_silent';

/** A device as the managers see it: silent since its last report once it has said nothing for the configured silence, else null. */
export type DeviceState = Device & { silentSince: number | null };

export interface DeviceServiceOptions {
  /** How long a device that reported before may say nothing before it is silent (the centre's devices.silenceAlertSeconds). */
  silenceMs: number;
  /** How often the timer looks for silent devices; default a quarter of the silence, between 1 s and 15 s. */
  checkMs?: number;
}

/**
 * An alert's text for a part gone bad, each half in its own language: a detail the agent sent as
 * "vi / en" is split between them (the board shows one half), any other detail goes in both.
 */
export function partMessage(device: string, p: Pick<DevicePart, 'kind' | 'status' | 'detail'>): string {
  const [vi, en] = p.detail ? (p.detail.includes(' / ') ? [p.detail.slice(0, p.detail.indexOf(' / ')), p.detail.slice(p.detail.indexOf(' / ') + 3)] : [p.detail, p.detail]) : ['', ''];
  const words = (k: keyof typeof PART_WORDS) => PART_WORDS[k];
  return text('device_part', {
    device,
    partVi: words(p.kind).vi,
    statusVi: words(p.status).vi,
    detailVi: vi ? ` (${vi})` : '',
    part: words(p.kind).en,
    status: words(p.status).en,
    detailEn: en ? ` (${en})` : '',
  });
}

const PART_KINDS: readonly DevicePart['kind'][] = ['printer', 'scanner', 'keypad', 'display'];
const partAlert = (kind: string) => `device_${kind}`;
const hhmm = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false });

export class DeviceService {
  /** Silence counts from here for a device last heard before the server started: a restart is no device's fault. */
  private readonly startedAt: number;
  /** Devices with an open silence alert, so one silence raises one alert. */
  private readonly silent = new Set<string>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private checking: Promise<void> | null = null;

  constructor(
    private readonly store: Pick<StorePort, 'commit' | 'reads'>,
    private readonly bus: Bus,
    private readonly now: () => number,
    private readonly opts: DeviceServiceOptions,
  ) {
    this.startedAt = now();
  }

  /** Learns which devices are already known silent, then looks for silent devices on the server's clock until stop(). */
  async start(): Promise<void> {
    for (const a of await this.store.reads.openAlerts()) if (a.kind === SILENT_ALERT && a.deviceId !== null) this.silent.add(a.deviceId);
    if (this.timer) return;
    const every = this.opts.checkMs ?? Math.min(15_000, Math.max(1000, Math.floor(this.opts.silenceMs / 4)));
    this.timer = setInterval(() => void this.checkSilence().catch((e: unknown) => process.emitWarning(e instanceof Error ? e : new Error(String(e)))), every);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Records a device's health report. A part newly gone bad (or bad in a new
   * way) raises one alert; a kind of part with nothing bad left has its alerts
   * resolved, and so has a silence. Managers see the device's new state.
   */
  async reportHealth(deviceId: string, parts: DevicePart[]): Promise<void> {
    const now = this.now();
    const before = await this.store.reads.device(deviceId);
    const bad = parts.filter((p) => p.status !== 'ok');
    const wasBad = new Set((before?.parts ?? []).filter((p) => p.status !== 'ok').map((p) => `${p.id}:${p.status}`));
    const resolveAlerts = [...PART_KINDS.filter((kind) => !bad.some((p) => p.kind === kind)).map(partAlert), SILENT_ALERT].map((kind) => ({ deviceId, kind, at: now }));
    // As before the port: the cap counts the alerts open when the report arrives.
    const open = await this.store.reads.openAlertCount(deviceId);
    const alerts: AlertInput[] = [];
    for (const p of bad) {
      if (wasBad.has(`${p.id}:${p.status}`) || open + alerts.length >= MAX_OPEN_ALERTS_PER_DEVICE) continue;
      alerts.push({ at: now, kind: partAlert(p.kind), deviceId, ticketId: null, message: partMessage(before?.name ?? deviceId, p) });
    }
    await this.commit({ deviceHealth: [{ deviceId, parts, at: now }], resolveAlerts, alerts });
    this.silent.delete(deviceId);
    const after = await this.store.reads.device(deviceId);
    if (after) this.bus.announce('device.health', this.state(after, now));
  }

  /** A kiosk could not print a ticket: the managers are told which one, where and why (null: the device is at its cap). */
  async printFailed(deviceId: string, ticket: { id: string; number: string }, reason: string | null): Promise<Alert | null> {
    if ((await this.store.reads.openAlertCount(deviceId)) >= MAX_OPEN_ALERTS_PER_DEVICE) return null;
    const [alert] = await this.raise([
      {
        at: this.now(),
        kind: 'print_failed',
        deviceId,
        ticketId: ticket.id,
        message: reason === null ? text('print_failed:no_reason', { number: ticket.number, deviceId }) : text('print_failed', { number: ticket.number, reason, deviceId }),
      },
    ]);
    return alert ?? null;
  }

  /** Every device and the open alerts (newest first), for the managers' board. */
  async overview(): Promise<{ devices: DeviceState[]; alerts: Alert[] }> {
    const now = this.now();
    const [devices, alerts] = await Promise.all([this.store.reads.devices(), this.store.reads.openAlerts()]);
    return { devices: devices.map((d) => this.state(d, now)), alerts };
  }

  /**
   * Raises one silence alert for each device that reported before and has said
   * nothing for the configured silence (a revoked device is not expected to
   * report); managers see it silent. The timer calls this; one check at a time.
   */
  checkSilence(): Promise<void> {
    this.checking ??= this.findSilent().finally(() => (this.checking = null));
    return this.checking;
  }

  private async findSilent(): Promise<void> {
    const now = this.now();
    const newly = (await this.store.reads.devices()).filter((d) => !this.silent.has(d.id) && this.state(d, now).silentSince !== null);
    for (const d of newly) {
      this.silent.add(d.id);
      if ((await this.store.reads.openAlertCount(d.id)) < MAX_OPEN_ALERTS_PER_DEVICE) {
        const since = hhmm.format(d.lastSeenAt ?? now);
        await this.raise([{ at: now, kind: SILENT_ALERT, deviceId: d.id, ticketId: null, message: text('device_silent', { device: d.name, since }) }]);
      }
      this.bus.announce('device.health', this.state(d, now));
    }
  }

  private state(d: Device, now: number): DeviceState {
    const quietFrom = d.lastSeenAt === null ? null : Math.max(d.lastSeenAt, this.startedAt);
    const silent = quietFrom !== null && d.revokedAt === null && now - quietFrom >= this.opts.silenceMs;
    return { ...d, silentSince: silent ? d.lastSeenAt : null };
  }

  /** Commits the alerts, then announces each with the id the store gave it. */
  private raise(alerts: AlertInput[]): Promise<Alert[]> {
    return this.commit({ alerts });
  }

  /** Commits the batch; then the managers hear of each alert it raised, as stored (with its id). */
  private async commit(batch: Batch): Promise<Alert[]> {
    await this.store.commit(batch);
    const groups = new Map<string, { deviceId: string; kind: string; n: number }>();
    for (const a of batch.alerts ?? []) {
      if (a.deviceId === null) continue;
      const key = JSON.stringify([a.deviceId, a.kind]);
      const g = groups.get(key) ?? { deviceId: a.deviceId, kind: a.kind, n: 0 };
      g.n++;
      groups.set(key, g);
    }
    const stored: Alert[] = [];
    for (const { deviceId, kind, n } of groups.values()) {
      if (n === 1) {
        const a = await this.store.reads.latestOpenAlert(deviceId, kind);
        if (a) stored.push(a);
      } else {
        // Several of one kind at once (two printers out): the newest open ones.
        stored.push(...(await this.store.reads.openAlerts()).filter((a) => a.deviceId === deviceId && a.kind === kind).slice(0, n));
      }
    }
    stored.sort((a, b) => a.id - b.id);
    for (const a of stored) this.bus.announce('alert', a);
    return stored;
  }
}
