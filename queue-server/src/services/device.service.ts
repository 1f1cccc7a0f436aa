// Kiosks, boards, keypads and displays as the managers see them: the health
// each device reports, and the alerts raised when a part goes bad or a ticket
// was not printed. Tokens stay with the auth service.
import type { Alert, Device, DevicePart } from '../store/index.ts';
import type { Bus } from './bus.ts';
import { text } from '../domain/messages.ts';

/** What the service needs of the device records (the store's device repository). */
export interface DeviceRecords {
  get(id: string): Device | null;
  all(): Device[];
  reportHealth(id: string, parts: DevicePart[], now: number): void;
  addAlert(a: Omit<Alert, 'id' | 'resolvedAt'>): Alert;
  resolveAlerts(deviceId: string, kind: string, now: number): void;
  openAlerts(): Alert[];
  openAlertCount(deviceId: string): number;
}

/**
 * Open alerts one device may have at a time. A device token is a secret kept on
 * a PC in the hall: if it leaks, the holder can report whatever it likes, but
 * not bury the managers' list (at most 100 shown) under alerts in one device's
 * name. Past the cap a device's new alerts are dropped until some are resolved;
 * its health is still recorded and shown.
 */
export const MAX_OPEN_ALERTS_PER_DEVICE = 10;

const PART_KINDS: readonly DevicePart['kind'][] = ['printer', 'scanner', 'keypad', 'display'];
const partAlert = (kind: string) => `device_${kind}`;

export class DeviceService {
  constructor(
    private readonly records: DeviceRecords,
    private readonly bus: Bus,
    private readonly now: () => number,
  ) {}

  /**
   * Records a device's health report. A part newly gone bad (or bad in a new
   * way) raises one alert; a kind of part with nothing bad left has its alerts
   * resolved. Managers see the device's new state.
   */
  reportHealth(deviceId: string, parts: DevicePart[]): void {
    const now = this.now();
    const before = this.records.get(deviceId);
    this.records.reportHealth(deviceId, parts, now);
    const bad = parts.filter((p) => p.status !== 'ok');
    const wasBad = new Set((before?.parts ?? []).filter((p) => p.status !== 'ok').map((p) => `${p.id}:${p.status}`));
    for (const p of bad) {
      if (wasBad.has(`${p.id}:${p.status}`)) continue;
      this.raise({
        at: now,
        kind: partAlert(p.kind),
        deviceId,
        ticketId: null,
        message: `${before?.name ?? deviceId}: ${p.kind} ${p.status}${p.detail ? ` (${p.detail})` : ''}`,
      });
    }
    for (const kind of PART_KINDS) {
      if (!bad.some((p) => p.kind === kind)) this.records.resolveAlerts(deviceId, partAlert(kind), now);
    }
    const after = this.records.get(deviceId);
    if (after) this.bus.announce('device.health', after);
  }

  /** A kiosk could not print a ticket: the managers are told which one, where and why (null: the device is at its cap). */
  printFailed(deviceId: string, ticket: { id: string; number: string }, reason: string | null): Alert | null {
    return this.raise({
      at: this.now(),
      kind: 'print_failed',
      deviceId,
      ticketId: ticket.id,
      message: reason === null ? text('print_failed:no_reason', { number: ticket.number, deviceId }) : text('print_failed', { number: ticket.number, reason, deviceId }),
    });
  }

  /** Every device and the open alerts (newest first), for the managers' board. */
  overview(): { devices: Device[]; alerts: Alert[] } {
    return { devices: this.records.all(), alerts: this.records.openAlerts() };
  }

  private raise(a: Omit<Alert, 'id' | 'resolvedAt'>): Alert | null {
    if (a.deviceId !== null && this.records.openAlertCount(a.deviceId) >= MAX_OPEN_ALERTS_PER_DEVICE) return null;
    const alert = this.records.addAlert(a);
    this.bus.announce('alert', alert);
    return alert;
  }
}
