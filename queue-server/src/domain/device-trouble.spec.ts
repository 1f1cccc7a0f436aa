import { describe, expect, it } from 'vitest';
import { deviceTrouble, inTrouble, sameTrouble, type DeviceLike } from './device-trouble.ts';

const NOW = Date.parse('2026-11-23T10:00:00+07:00');
const dev = (id: string, kind: string, parts: DeviceLike['parts'], extra: Partial<DeviceLike> = {}): DeviceLike => ({ id, kind, revokedAt: null, lastSeenAt: NOW - 5_000, silentSince: null, parts, ...extra });

describe('deviceTrouble', () => {
  it('counts each device once by its worst state, by kind, the bad parts by kind, and the oldest trouble', async () => {
    const devices = [
      dev('kiosk-1', 'kiosk', [{ kind: 'printer', status: 'warning' }, { kind: 'scanner', status: 'ok' }]),
      dev('kiosk-2', 'kiosk', [{ kind: 'printer', status: 'error' }, { kind: 'scanner', status: 'warning' }]),
      dev('board-1', 'board', [{ kind: 'display', status: 'ok' }], { silentSince: NOW - 600_000, lastSeenAt: NOW - 600_000 }),
      dev('board-2', 'board', []),
      dev('keypad-1', 'keypad', [{ kind: 'keypad', status: 'offline' }]),
      dev('old', 'kiosk', [{ kind: 'printer', status: 'error' }], { revokedAt: NOW - 1 }),
      dev('x', 'toaster', []),
    ];
    const alerts = [
      { deviceId: 'kiosk-1', kind: 'device_printer', at: NOW - 120_000 },
      { deviceId: 'kiosk-2', kind: 'device_printer', at: NOW - 900_000 },
      { deviceId: 'kiosk-2', kind: 'print_failed', at: NOW - 3_600_000 },
      { deviceId: 'old', kind: 'device_printer', at: NOW - 7_200_000 },
    ];
    const s = deviceTrouble(devices, alerts, NOW);
    expect(s).toEqual({
      at: NOW,
      devices: { total: 6, warning: 1, error: 2, offline: 1 },
      byKind: [
        { kind: 'kiosk', total: 2, warning: 1, error: 1, offline: 0 },
        { kind: 'board', total: 2, warning: 0, error: 0, offline: 1 },
        { kind: 'keypad', total: 1, warning: 0, error: 1, offline: 0 },
        { kind: 'other', total: 1, warning: 0, error: 0, offline: 0 },
      ],
      parts: [
        { kind: 'printer', warning: 1, error: 1, offline: 0 },
        { kind: 'scanner', warning: 1, error: 0, offline: 0 },
        { kind: 'keypad', warning: 0, error: 0, offline: 1 },
      ],
      // kiosk-2's printer alert; not a print failure's, not a revoked device's. keypad-1 has no alert: its last report.
      since: NOW - 900_000,
    });
    expect(inTrouble(s.devices)).toBe(4);
    // Nothing of a device's id or name travels.
    expect(JSON.stringify(s)).not.toMatch(/kiosk-|board-|keypad-1|toaster/);
  });

  it('no device in trouble: since is null; the same state later is no news', () => {
    const a = deviceTrouble([dev('k', 'kiosk', [{ kind: 'printer', status: 'ok' }])], [], NOW);
    expect(a).toMatchObject({ devices: { total: 1, warning: 0, error: 0, offline: 0 }, parts: [], since: null });
    const b = deviceTrouble([dev('k', 'kiosk', [{ kind: 'printer', status: 'ok' }])], [], NOW + 60_000);
    expect(sameTrouble(a, b)).toBe(true);
    expect(sameTrouble(null, b)).toBe(false);
    expect(sameTrouble(a, deviceTrouble([dev('k', 'kiosk', [{ kind: 'printer', status: 'warning' }])], [], NOW))).toBe(false);
  });
});
