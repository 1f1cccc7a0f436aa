// The device service against a real SQLite file through the store port: health reports, the alerts they raise and resolve, print failures, silent devices.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SqlitePort, Store, type Alert } from '../store/index.ts';
import { Bus } from './bus.ts';
import { DeviceService, MAX_OPEN_ALERTS_PER_DEVICE, SILENT_ALERT, partMessage, type DeviceState } from './device.service.ts';
import { messageFor } from '@mot-cua/config/strings/index.ts';

describe('DeviceService', async () => {
  let dir: string;
  let port: SqlitePort;
  let bus: Bus;
  let clock: number;
  let service: DeviceService;
  let alerts: Alert[];
  let health: DeviceState[];
  const SILENCE_MS = 120_000;
  const register = (id: string, name: string, kind = 'kiosk') => port.commit({ devices: [{ id, kind, name, counterId: null, tokenHash: null }] });

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-devices-'));
    port = new SqlitePort(Store.open({ file: path.join(dir, 'queue.db') }));
    await register('kiosk-1', 'Kiosk sảnh');
    bus = new Bus();
    alerts = [];
    health = [];
    bus.on('alert', (a) => alerts.push(a));
    bus.on('device.health', (d) => health.push(d));
    clock = Date.parse('2026-03-02T08:00:00+07:00');
    service = new DeviceService(port, bus, () => clock, { silenceMs: SILENCE_MS });
  });

  afterEach(async () => {
    service.stop();
    await port.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records the report and shows managers the device as it is now', async () => {
    await service.reportHealth('kiosk-1', [{ id: 'printer', kind: 'printer', status: 'ok' }]);
    const [device] = (await service.overview()).devices;
    expect(device).toMatchObject({ id: 'kiosk-1', lastSeenAt: clock, parts: [{ id: 'printer', status: 'ok' }] });
    expect(health).toEqual([device]);
    expect(alerts).toEqual([]);
  });

  it('a part gone bad raises one alert, not one per report, and a new kind of fault raises another', async () => {
    const paperOut = [{ id: 'printer', kind: 'printer', status: 'error', detail: 'hết giấy' }] as const;
    await service.reportHealth('kiosk-1', [...paperOut]);
    clock += 60_000;
    await service.reportHealth('kiosk-1', [...paperOut]);
    expect(alerts.map((a) => a.message)).toEqual(['Kiosk sảnh báo: máy in bị lỗi (hết giấy) / Kiosk sảnh: printer error (hết giấy)']);
    await service.reportHealth('kiosk-1', [{ id: 'printer', kind: 'printer', status: 'offline' }]);
    expect(alerts.map((a) => a.kind)).toEqual(['device_printer', 'device_printer']);
    expect((await service.overview()).alerts).toHaveLength(2);
  });

  it('a kind of part reported healthy again has its alerts resolved; other kinds keep theirs', async () => {
    await service.reportHealth('kiosk-1', [
      { id: 'printer', kind: 'printer', status: 'error' },
      { id: 'scanner', kind: 'scanner', status: 'warning' },
    ]);
    await service.reportHealth('kiosk-1', [
      { id: 'printer', kind: 'printer', status: 'ok' },
      { id: 'scanner', kind: 'scanner', status: 'warning' },
    ]);
    expect((await service.overview()).alerts.map((a) => a.kind)).toEqual(['device_scanner']);
  });

  it('a device unknown to the store gets its alert under its id and no health event', async () => {
    await service.reportHealth('ghost', [{ id: 'keypad', kind: 'keypad', status: 'error' }]);
    expect(alerts.map((a) => a.message)).toEqual(['ghost báo: bàn phím bị lỗi / ghost: keypad error']);
    expect(health).toEqual([]);
  });

  it('a failed print tells managers which ticket, where and why (a default reason when the agent gave none)', async () => {
    const withReason = await service.printFailed('kiosk-1', { id: 't1', number: 'A001' }, 'kẹt giấy');
    const without = await service.printFailed('kiosk-1', { id: 't2', number: 'A002' }, null);
    expect(withReason).toMatchObject({ kind: 'print_failed', deviceId: 'kiosk-1', ticketId: 't1', at: clock, resolvedAt: null });
    expect(withReason?.message).toBe('Không in được phiếu số A001 (kẹt giấy) tại kiosk-1 / ticket A001 was not printed');
    expect(without?.message).toBe('Không in được phiếu số A002 (lỗi máy in) tại kiosk-1 / ticket A002 was not printed');
    expect(alerts).toEqual([withReason, without]);
    expect((await service.overview()).alerts.map((a) => a.ticketId)).toEqual(['t2', 't1']);
  });

  it(`one device has at most ${MAX_OPEN_ALERTS_PER_DEVICE} open alerts: past it nothing more is raised in its name, and resolving makes room`, async () => {
    await register('board-1', 'Bảng sảnh', 'board');
    for (let i = 0; i < MAX_OPEN_ALERTS_PER_DEVICE + 15; i++) await service.printFailed('kiosk-1', { id: `t${i}`, number: String(1000 + i) }, 'kẹt giấy');
    const mine = async () => (await service.overview()).alerts.filter((a) => a.deviceId === 'kiosk-1');
    expect(await mine()).toHaveLength(MAX_OPEN_ALERTS_PER_DEVICE);
    expect(alerts).toHaveLength(MAX_OPEN_ALERTS_PER_DEVICE);
    // Health is still recorded while the device is at its cap; another device still raises its own.
    await service.reportHealth('kiosk-1', [{ id: 'printer', kind: 'printer', status: 'error', detail: 'hết giấy' }]);
    expect((await service.overview()).devices.find((d) => d.id === 'kiosk-1')?.parts).toEqual([{ id: 'printer', kind: 'printer', status: 'error', detail: 'hết giấy' }]);
    expect(await mine()).toHaveLength(MAX_OPEN_ALERTS_PER_DEVICE);
    await service.reportHealth('board-1', [{ id: 'screen', kind: 'display', status: 'offline' }]);
    expect((await service.overview()).alerts.filter((a) => a.deviceId === 'board-1')).toHaveLength(1);
    // Resolved alerts no longer count.
    await port.commit({ resolveAlerts: [{ deviceId: 'kiosk-1', kind: 'print_failed', at: clock }] });
    expect(await service.printFailed('kiosk-1', { id: 'again', number: '2000' }, null)).toMatchObject({ ticketId: 'again' });
  });

  describe('a device gone silent (issue 20.3)', () => {
    const printerOk = [{ id: 'printer', kind: 'printer', status: 'ok' }] as const;

    it('a device that reported and then says nothing for the silence becomes one alert, shown silent since its last report; its next report clears it', async () => {
      await service.reportHealth('kiosk-1', [...printerOk]);
      const lastReport = clock;
      clock += SILENCE_MS - 1;
      await service.checkSilence();
      expect(alerts).toEqual([]);
      expect((await service.overview()).devices[0]?.silentSince).toBeNull();

      clock += 1;
      await service.checkSilence();
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ kind: SILENT_ALERT, deviceId: 'kiosk-1', at: clock, resolvedAt: null });
      // Vietnamese first, with the time of the last report on the centre's clock (08:00, +07:00).
      expect(alerts[0]?.message).toBe('Kiosk sảnh: im lặng từ 08:00, không còn báo tình trạng — hãy kiểm tra máy / Kiosk sảnh: silent since 08:00, no health report — check the machine');
      expect(health.at(-1)).toMatchObject({ id: 'kiosk-1', silentSince: lastReport });
      const seen = await service.overview();
      expect(seen.devices[0]).toMatchObject({ id: 'kiosk-1', silentSince: lastReport });
      expect(seen.alerts.map((a) => a.kind)).toEqual([SILENT_ALERT]);

      // Still silent: no second alert.
      clock += SILENCE_MS * 3;
      await service.checkSilence();
      expect(alerts).toHaveLength(1);

      // It reports again: the alert is resolved and it is no longer silent.
      await service.reportHealth('kiosk-1', [...printerOk]);
      expect((await service.overview()).alerts).toEqual([]);
      expect(health.at(-1)).toMatchObject({ id: 'kiosk-1', silentSince: null, lastSeenAt: clock });
      // And a new silence is a new alert.
      clock += SILENCE_MS;
      await service.checkSilence();
      expect(alerts.map((a) => a.kind)).toEqual([SILENT_ALERT, SILENT_ALERT]);
    });

    it('a device that never reported, or whose token was revoked, is not silent', async () => {
      await register('board-1', 'Bảng sảnh', 'board');
      await service.reportHealth('kiosk-1', [...printerOk]);
      await port.commit({ revokeDevices: [{ id: 'kiosk-1', at: clock }] });
      clock += SILENCE_MS * 10;
      await service.checkSilence();
      expect(alerts).toEqual([]);
      expect((await service.overview()).devices.map((d) => d.silentSince)).toEqual([null, null]);
    });

    it('after a restart the silence counts from the start, and a silence already raised is not raised again', async () => {
      await register('kiosk-2', 'Kiosk 2');
      await service.reportHealth('kiosk-1', [...printerOk]);
      await service.reportHealth('kiosk-2', [...printerOk]);
      clock += SILENCE_MS;
      await service.checkSilence();
      expect(alerts.map((a) => a.deviceId).sort()).toEqual(['kiosk-1', 'kiosk-2']);
      await service.reportHealth('kiosk-2', [...printerOk]);

      // The server was down for a long while: kiosk-2's last report is old, but the new start is no fault of it.
      clock += SILENCE_MS * 5;
      const restarted = new DeviceService(port, bus, () => clock, { silenceMs: SILENCE_MS });
      await restarted.start();
      restarted.stop();
      const before = alerts.length;
      await restarted.checkSilence();
      expect(alerts.length).toBe(before);
      clock += SILENCE_MS;
      await restarted.checkSilence();
      expect(alerts.slice(before).map((a) => [a.deviceId, a.kind])).toEqual([['kiosk-2', SILENT_ALERT]]);
      expect((await restarted.overview()).alerts.filter((a) => a.kind === SILENT_ALERT)).toHaveLength(2);
    });

    it('the timer finds a silent device on the server clock without anyone asking', async () => {
      const timed = new DeviceService(port, bus, () => clock, { silenceMs: SILENCE_MS, checkMs: 5 });
      await timed.reportHealth('kiosk-1', [...printerOk]);
      await timed.start();
      try {
        clock += SILENCE_MS;
        await vi.waitFor(() => expect(alerts.map((a) => a.kind)).toEqual([SILENT_ALERT]));
      } finally {
        timed.stop();
      }
    });

    it('two parts of one kind gone bad at once are two alerts, each announced once with its own id', async () => {
      await service.reportHealth('kiosk-1', [
        { id: 'printer-a', kind: 'printer', status: 'error' },
        { id: 'printer-b', kind: 'printer', status: 'error' },
      ]);
      expect(alerts.map((a) => a.message)).toEqual(['Kiosk sảnh báo: máy in bị lỗi / Kiosk sảnh: printer error', 'Kiosk sảnh báo: máy in bị lỗi / Kiosk sảnh: printer error']);
      expect(new Set(alerts.map((a) => a.id)).size).toBe(2);
    });
  });

  it('an alert says the part and its state in each language, a "vi / en" detail split between the halves', () => {
    const m = partMessage('Kiosk 1', { kind: 'scanner', status: 'warning', detail: 'đầu đọc thẻ chip đã bị rút / the chip reader was unplugged' });
    expect(m).toBe('Kiosk 1 báo: đầu đọc cần chú ý (đầu đọc thẻ chip đã bị rút) / Kiosk 1: scanner warning (the chip reader was unplugged)');
    // what the manager board shows of it, in each language: whole, brackets closed
    expect(messageFor(m, 'vi')).toBe('Kiosk 1 báo: đầu đọc cần chú ý (đầu đọc thẻ chip đã bị rút)');
    expect(messageFor(m, 'en')).toBe('Kiosk 1: scanner warning (the chip reader was unplugged)');
  });
});
