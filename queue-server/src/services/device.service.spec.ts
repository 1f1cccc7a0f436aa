// The device service against a real SQLite file: health reports, the alerts they raise and resolve, print failures.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store, type Alert, type Device } from '../store/index.ts';
import { Bus } from './bus.ts';
import { DeviceService, MAX_OPEN_ALERTS_PER_DEVICE } from './device.service.ts';

describe('DeviceService', () => {
  let dir: string;
  let store: Store;
  let clock: number;
  let service: DeviceService;
  let alerts: Alert[];
  let health: Device[];

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-devices-'));
    store = Store.open({ file: path.join(dir, 'queue.db') });
    store.devices.upsert({ id: 'kiosk-1', kind: 'kiosk', name: 'Kiosk sảnh', counterId: null, tokenHash: null });
    const bus = new Bus();
    alerts = [];
    health = [];
    bus.on('alert', (a) => alerts.push(a));
    bus.on('device.health', (d) => health.push(d));
    clock = Date.parse('2026-03-02T08:00:00+07:00');
    service = new DeviceService(store.devices, bus, () => clock);
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records the report and shows managers the device as it is now', () => {
    service.reportHealth('kiosk-1', [{ id: 'printer', kind: 'printer', status: 'ok' }]);
    const [device] = service.overview().devices;
    expect(device).toMatchObject({ id: 'kiosk-1', lastSeenAt: clock, parts: [{ id: 'printer', status: 'ok' }] });
    expect(health).toEqual([device]);
    expect(alerts).toEqual([]);
  });

  it('a part gone bad raises one alert, not one per report, and a new kind of fault raises another', () => {
    const paperOut = [{ id: 'printer', kind: 'printer', status: 'error', detail: 'hết giấy' }] as const;
    service.reportHealth('kiosk-1', [...paperOut]);
    clock += 60_000;
    service.reportHealth('kiosk-1', [...paperOut]);
    expect(alerts.map((a) => a.message)).toEqual(['Kiosk sảnh: printer error (hết giấy)']);
    service.reportHealth('kiosk-1', [{ id: 'printer', kind: 'printer', status: 'offline' }]);
    expect(alerts.map((a) => a.kind)).toEqual(['device_printer', 'device_printer']);
    expect(service.overview().alerts).toHaveLength(2);
  });

  it('a kind of part reported healthy again has its alerts resolved; other kinds keep theirs', () => {
    service.reportHealth('kiosk-1', [
      { id: 'printer', kind: 'printer', status: 'error' },
      { id: 'scanner', kind: 'scanner', status: 'warning' },
    ]);
    service.reportHealth('kiosk-1', [
      { id: 'printer', kind: 'printer', status: 'ok' },
      { id: 'scanner', kind: 'scanner', status: 'warning' },
    ]);
    expect(service.overview().alerts.map((a) => a.kind)).toEqual(['device_scanner']);
  });

  it('a device unknown to the store gets its alert under its id and no health event', () => {
    service.reportHealth('ghost', [{ id: 'keypad', kind: 'keypad', status: 'error' }]);
    expect(alerts.map((a) => a.message)).toEqual(['ghost: keypad error']);
    expect(health).toEqual([]);
  });

  it('a failed print tells managers which ticket, where and why (a default reason when the agent gave none)', () => {
    const withReason = service.printFailed('kiosk-1', { id: 't1', number: 'A001' }, 'kẹt giấy');
    const without = service.printFailed('kiosk-1', { id: 't2', number: 'A002' }, null);
    expect(withReason).toMatchObject({ kind: 'print_failed', deviceId: 'kiosk-1', ticketId: 't1', at: clock, resolvedAt: null });
    expect(withReason?.message).toBe('Không in được phiếu số A001 (kẹt giấy) tại kiosk-1 / ticket A001 was not printed');
    expect(without?.message).toBe('Không in được phiếu số A002 (lỗi máy in) tại kiosk-1 / ticket A002 was not printed');
    expect(alerts).toEqual([withReason, without]);
    expect(service.overview().alerts.map((a) => a.ticketId)).toEqual(['t2', 't1']);
  });

  it(`one device has at most ${MAX_OPEN_ALERTS_PER_DEVICE} open alerts: past it nothing more is raised in its name, and resolving makes room`, () => {
    store.devices.upsert({ id: 'board-1', kind: 'board', name: 'Bảng sảnh', counterId: null, tokenHash: null });
    for (let i = 0; i < MAX_OPEN_ALERTS_PER_DEVICE + 15; i++) service.printFailed('kiosk-1', { id: `t${i}`, number: String(1000 + i) }, 'kẹt giấy');
    const mine = () => service.overview().alerts.filter((a) => a.deviceId === 'kiosk-1');
    expect(mine()).toHaveLength(MAX_OPEN_ALERTS_PER_DEVICE);
    expect(alerts).toHaveLength(MAX_OPEN_ALERTS_PER_DEVICE);
    // Health is still recorded while the device is at its cap; another device still raises its own.
    service.reportHealth('kiosk-1', [{ id: 'printer', kind: 'printer', status: 'error', detail: 'hết giấy' }]);
    expect(service.overview().devices.find((d) => d.id === 'kiosk-1')?.parts).toEqual([{ id: 'printer', kind: 'printer', status: 'error', detail: 'hết giấy' }]);
    expect(mine()).toHaveLength(MAX_OPEN_ALERTS_PER_DEVICE);
    service.reportHealth('board-1', [{ id: 'screen', kind: 'display', status: 'offline' }]);
    expect(service.overview().alerts.filter((a) => a.deviceId === 'board-1')).toHaveLength(1);
    // Resolved alerts no longer count.
    store.devices.resolveAlerts('kiosk-1', 'print_failed', clock);
    expect(service.printFailed('kiosk-1', { id: 'again', number: '2000' }, null)).toMatchObject({ ticketId: 'again' });
  });
});
