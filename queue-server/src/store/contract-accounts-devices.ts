// The store contract's cases about people and devices (contract.ts runs them with the
// others): accounts, sign-ins and sessions; devices, their health and alerts.
import { expect, it } from 'vitest';
import { AT, issueBatch, ticket, type Using } from './contract.ts';

export function accountAndDeviceCases(using: Using): void {
  it('accounts, sign-ins and sessions: a failure count locks at the limit, a success clears it, sessions open, expire and end', () =>
    using(async ({ port, reopen }) => {
      const u = { username: 'quay2', fullName: 'Trần Văn B', title: 'Công chức', role: 'staff' as const, passwordHash: 'h1', phone: null, counterId: 'quay-2' };
      await port.commit({ users: [u] });
      expect(await port.reads.user('quay2')).toEqual({ ...u, failedLogins: 0, lockedUntil: null, disabled: false });
      const fail = { username: 'quay2', ok: false, lockAfter: 2, lockMs: 60_000 };
      await port.commit({ logins: [{ ...fail, at: AT }] });
      expect(await port.reads.user('quay2')).toMatchObject({ failedLogins: 1, lockedUntil: null });
      await port.commit({ logins: [{ ...fail, at: AT + 1 }] });
      expect(await port.reads.user('quay2')).toMatchObject({ failedLogins: 2, lockedUntil: AT + 1 + 60_000 });
      // A changed account keeps its failures and lock.
      await port.commit({ users: [{ ...u, fullName: 'Trần Văn Bình' }] });
      expect(await port.reads.user('quay2')).toMatchObject({ fullName: 'Trần Văn Bình', failedLogins: 2, lockedUntil: AT + 1 + 60_000 });
      await port.commit({ logins: [{ ...fail, ok: true, at: AT + 2 }] });
      expect(await port.reads.user('quay2')).toMatchObject({ failedLogins: 0, lockedUntil: null });
      const old = { idHash: 's-old', username: 'quay2', counterId: 'quay-2', csrf: 'c0', createdAt: AT - 10, expiresAt: AT };
      const s1 = { idHash: 's-1', username: 'quay2', counterId: 'quay-2', csrf: 'c1', createdAt: AT, expiresAt: AT + 3600_000 };
      await port.commit({ sessions: [old] });
      expect(await port.reads.session('s-old', AT - 1)).toEqual(old);
      expect(await port.reads.session('s-old', AT)).toBeNull();
      await port.commit({ expireSessionsAt: AT, sessions: [s1] });
      expect(await port.reads.session('s-old', AT - 1)).toBeNull();
      expect(await (await reopen()).reads.session('s-1', AT + 1)).toEqual(s1);
      await port.commit({ endSessions: ['s-1'] });
      expect(await port.reads.session('s-1', AT + 1)).toBeNull();
      expect((await port.reads.users()).map((x) => x.username)).toEqual(['quay2']);
    }));

  it('sessionsAt: the unexpired sessions bound to one counter, oldest first, and none once ended', () =>
    using(async ({ port, reopen }) => {
      const u = (username: string, counterId: string) => ({ username, fullName: username, title: '', role: 'staff' as const, passwordHash: 'h', phone: null, counterId });
      await port.commit({ users: [u('quay1', 'quay-1'), u('quay2', 'quay-2')] });
      const s = (idHash: string, username: string, counterId: string | null, createdAt: number, expiresAt = createdAt + 3600_000) => ({ idHash, username, counterId, csrf: `c-${idHash}`, createdAt, expiresAt });
      const a = s('s-a', 'quay1', 'quay-1', AT);
      const b = s('s-b', 'quay2', 'quay-1', AT + 5);
      const expired = s('s-x', 'quay2', 'quay-1', AT - 20, AT - 1);
      const elsewhere = s('s-c', 'quay2', 'quay-2', AT + 1);
      const none = s('s-n', 'quay1', null, AT + 2);
      await port.commit({ sessions: [b, a, expired, elsewhere, none] });
      for (const p of [port, await reopen()]) {
        expect(await p.reads.sessionsAt('quay-1', AT + 10)).toEqual([a, b]);
        expect(await p.reads.sessionsAt('quay-2', AT + 10)).toEqual([elsewhere]);
        expect(await p.reads.sessionsAt('quay-9', AT + 10)).toEqual([]);
      }
      // Expiry is at `now` exactly: a session whose expiry has come is gone.
      expect(await port.reads.sessionsAt('quay-1', a.expiresAt)).toEqual([b]);
      await port.commit({ endSessions: ['s-a'] });
      expect(await port.reads.sessionsAt('quay-1', AT + 10)).toEqual([b]);
    }));

  it("moveSessions: an official's sessions at one counter follow them to another; their others stay (issue 13.3)", () =>
    using(async ({ port, reopen }) => {
      await port.commit({ users: [{ username: 'quay2', fullName: 'quay2', title: '', role: 'staff', passwordHash: 'h', phone: null, counterId: 'quay-2' }] });
      const s = (idHash: string, username: string, counterId: string | null, createdAt: number) => ({ idHash, username, counterId, csrf: `c-${idHash}`, createdAt, expiresAt: createdAt + 3600_000 });
      const at2 = s('s-1', 'quay2', 'quay-2', AT);
      const at2b = s('s-2', 'quay2', 'quay-2', AT + 1);
      const other = s('s-3', 'quay3', 'quay-2', AT + 2);
      const elsewhere = s('s-4', 'quay2', 'quay-5', AT + 3);
      await port.commit({ sessions: [at2, at2b, other, elsewhere] });
      await port.commit({ moveSessions: [{ username: 'quay2', fromCounterId: 'quay-2', toCounterId: 'quay-4' }] });
      for (const p of [port, await reopen()]) {
        expect(await p.reads.sessionsAt('quay-4', AT + 10)).toEqual([
          { ...at2, counterId: 'quay-4' },
          { ...at2b, counterId: 'quay-4' },
        ]);
        expect(await p.reads.sessionsAt('quay-2', AT + 10)).toEqual([other]);
        expect(await p.reads.sessionsAt('quay-5', AT + 10)).toEqual([elsewhere]);
        expect((await p.reads.session('s-1', AT + 10))?.counterId).toBe('quay-4');
      }
    }));

  it('devices: registered without a token, given one, revoked, and a new token lifts the revocation', () =>
    using(async ({ port }) => {
      const d = { id: 'kiosk-1', kind: 'kiosk', name: 'Ki-ốt 1', counterId: null };
      await port.commit({ devices: [{ ...d, tokenHash: null }] });
      expect(await port.reads.device('kiosk-1')).toMatchObject({ ...d, revokedAt: null, lastSeenAt: null, parts: [] });
      expect(await port.reads.deviceByTokenHash('th-1')).toBeNull();
      await port.commit({ devices: [{ ...d, tokenHash: 'th-1' }] });
      expect((await port.reads.deviceByTokenHash('th-1'))?.id).toBe('kiosk-1');
      // Registering again without a token keeps the token.
      await port.commit({ devices: [{ ...d, name: 'Ki-ốt cửa chính', tokenHash: null }] });
      expect(await port.reads.deviceByTokenHash('th-1')).toMatchObject({ id: 'kiosk-1', name: 'Ki-ốt cửa chính' });
      await port.commit({ revokeDevices: [{ id: 'kiosk-1', at: AT }] });
      expect(await port.reads.deviceByTokenHash('th-1')).toBeNull();
      expect((await port.reads.device('kiosk-1'))?.revokedAt).toBe(AT);
      await port.commit({ devices: [{ ...d, tokenHash: null }] });
      expect((await port.reads.device('kiosk-1'))?.revokedAt).toBe(AT);
      await port.commit({ devices: [{ ...d, tokenHash: 'th-2' }] });
      expect(await port.reads.deviceByTokenHash('th-2')).toMatchObject({ id: 'kiosk-1', revokedAt: null });
      expect((await port.reads.devices()).map((x) => x.id)).toEqual(['kiosk-1']);
    }));

  it('device health: a report sets the parts and the last-seen time, of that device only, and lasts a restart', () =>
    using(async ({ port, reopen }) => {
      const d = (id: string) => ({ id, kind: 'kiosk', name: id, counterId: null, tokenHash: null });
      const parts = [{ id: 'printer', kind: 'printer' as const, status: 'error' as const, detail: 'hết giấy' }];
      await port.commit({ devices: [d('kiosk-1'), d('kiosk-2')], deviceHealth: [{ deviceId: 'kiosk-1', parts, at: AT }] });
      await port.commit({ deviceHealth: [{ deviceId: 'nobody', parts, at: AT }] });
      for (const p of [port, await reopen()]) {
        expect(await p.reads.device('kiosk-1')).toMatchObject({ lastSeenAt: AT, parts });
        expect(await p.reads.device('kiosk-2')).toMatchObject({ lastSeenAt: null, parts: [] });
        expect(await p.reads.device('nobody')).toBeNull();
      }
      await port.commit({ deviceHealth: [{ deviceId: 'kiosk-1', parts: [], at: AT + 30_000 }] });
      expect(await port.reads.device('kiosk-1')).toMatchObject({ lastSeenAt: AT + 30_000, parts: [] });
    }));

  it('alerts: numbered in order, newest first, counted per device, resolved by device and kind, and a refused batch raises none', () =>
    using(async ({ port, reopen }) => {
      const alert = (deviceId: string, kind: string, at: number) => ({ at, kind, deviceId, ticketId: null, message: `${deviceId} ${kind}` });
      await port.commit({ alerts: [alert('kiosk-1', 'device_printer', AT), alert('kiosk-1', 'device_silent', AT + 1)] });
      await port.commit({ alerts: [alert('kiosk-2', 'device_printer', AT + 2), { ...alert('kiosk-1', 'print_failed', AT + 3), ticketId: null }] });
      const open = await port.reads.openAlerts();
      expect(open.map((a) => [a.deviceId, a.kind])).toEqual([
        ['kiosk-1', 'print_failed'],
        ['kiosk-2', 'device_printer'],
        ['kiosk-1', 'device_silent'],
        ['kiosk-1', 'device_printer'],
      ]);
      expect(open.every((a, i) => i === 0 || a.id < open[i - 1]!.id)).toBe(true);
      expect(open[3]).toEqual({ id: open[3]!.id, at: AT, kind: 'device_printer', deviceId: 'kiosk-1', ticketId: null, message: 'kiosk-1 device_printer', resolvedAt: null });
      expect([await port.reads.openAlertCount('kiosk-1'), await port.reads.openAlertCount('kiosk-2'), await port.reads.openAlertCount('nobody')]).toEqual([3, 1, 0]);
      expect(await port.reads.latestOpenAlert('kiosk-1', 'device_silent')).toEqual(open[2]);
      expect(await port.reads.latestOpenAlert('kiosk-2', 'device_silent')).toBeNull();

      // Resolving one kind of one device leaves the rest open; an alert of that kind raised in the same batch stays open.
      await port.commit({ resolveAlerts: [{ deviceId: 'kiosk-1', kind: 'device_printer', at: AT + 4 }], alerts: [alert('kiosk-1', 'device_printer', AT + 4)] });
      const again = await port.reads.latestOpenAlert('kiosk-1', 'device_printer');
      expect(again).toMatchObject({ at: AT + 4, resolvedAt: null });
      expect(again!.id).toBeGreaterThan(open[0]!.id);
      await port.commit({ resolveAlerts: [{ deviceId: 'kiosk-1', kind: 'device_silent', at: AT + 5 }] });
      for (const p of [port, await reopen()]) {
        expect((await p.reads.openAlerts()).map((a) => [a.deviceId, a.kind, a.at])).toEqual([
          ['kiosk-1', 'device_printer', AT + 4],
          ['kiosk-1', 'print_failed', AT + 3],
          ['kiosk-2', 'device_printer', AT + 2],
        ]);
        expect(await p.reads.openAlertCount('kiosk-1')).toBe(2);
        expect(await p.reads.latestOpenAlert('kiosk-1', 'device_silent')).toBeNull();
      }

      // All or nothing: an alert in a refused batch is not raised.
      const t = ticket('t-1', '1001');
      await port.commit(issueBatch(t, 'key-1'));
      await expect(port.commit({ alerts: [alert('kiosk-3', 'device_printer', AT + 6)], insertTickets: [t] })).rejects.toThrow();
      expect(await port.reads.openAlertCount('kiosk-3')).toBe(0);
    }));

  it('at most 100 open alerts are read, the newest', () =>
    using(async ({ port }) => {
      const alerts = Array.from({ length: 105 }, (_, i) => ({ at: AT + i, kind: 'print_failed', deviceId: `kiosk-${i % 7}`, ticketId: null, message: `a${i}` }));
      await port.commit({ alerts });
      const open = await port.reads.openAlerts();
      expect(open).toHaveLength(100);
      expect([open[0]!.message, open[99]!.message]).toEqual(['a104', 'a5']);
      expect(await port.reads.openAlertCount('kiosk-0')).toBe(15);
    }));
}
