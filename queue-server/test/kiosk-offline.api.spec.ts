// A kiosk that keeps issuing offline (issue 17.4): leases of numbers (POST /kiosk/leases), the
// replays of what it issued from them (POST /kiosk/replays) and the managers' view (GET /kiosk/offline).
import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { loadDemoConfig } from '@mot-cua/config';
import { startTestServer, type TestServer } from './harness.ts';

type Lease = { id: string; serviceId: string; day: string; numbers: string[]; validUntil: string };
type Ticket = { id: string; number: string; status: string; issuedAt: string; offline: boolean; syncedAt: string | null; peopleAhead: number; statusUrl: string };
type Err = { error: { code: string; message: string } };

let s: TestServer;
afterEach(() => s?.close());

const T0 = Date.parse('2026-11-24T09:00:00+07:00');

async function hall(now: () => number = () => T0) {
  const config = loadDemoConfig();
  config.devices.list.push({ id: 'kiosk-2', kind: 'kiosk', name: 'Kiosk 2' } as (typeof config.devices.list)[number]);
  s = await startTestServer({ now, config });
  return {
    k1: s.client({ authorization: 'Bearer demo-kiosk-1' }),
    k2: s.client({ authorization: 'Bearer demo-kiosk-2' }),
    board: s.client({ authorization: 'Bearer demo-board-1' }),
    anon: s.client(),
  };
}

describe('leases of numbers (issue 17.4)', () => {
  it('two kiosks never share a number, and the server numbers past both leases', async () => {
    const { k1, k2, anon } = await hall();
    const a = await k1.post<{ leases: Lease[] }>('/api/v1/kiosk/leases', { serviceIds: ['ho-tich', 'dat-dai'], size: 5 });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ statusBase: s.url });
    const b = await k2.post<{ leases: Lease[] }>('/api/v1/kiosk/leases', { serviceIds: ['ho-tich'], size: 5 });
    const a2 = await k1.post<{ leases: Lease[] }>('/api/v1/kiosk/leases', { serviceIds: ['ho-tich'], size: 5 });
    const leased = [...a.body.leases, ...b.body.leases, ...a2.body.leases].flatMap((l) => l.numbers);
    expect(leased).toHaveLength(20);
    expect(new Set(leased).size).toBe(20);
    const online: string[] = [];
    for (let i = 0; i < 3; i++) online.push((await anon.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich' })).body.number);
    online.push((await anon.post<Ticket>('/api/v1/tickets', { serviceId: 'dat-dai' })).body.number);
    for (const n of online) expect(leased).not.toContain(n);
  });

  it('only a kiosk leases; an unknown field is refused clearly', async () => {
    const { board, anon, k1 } = await hall();
    expect((await anon.post<Err>('/api/v1/kiosk/leases', {})).status).toBe(401);
    const r = await board.post<Err>('/api/v1/kiosk/leases', {});
    expect(r.status).toBe(403);
    expect(r.body.error.message).toContain('Chỉ kiosk');
    const bad = await k1.post<Err>('/api/v1/kiosk/leases', { serviceIds: ['khong-co'] });
    expect(bad.body.error.code).toBe('unknown_service');
    expect(bad.status).toBeLessThan(500);
    expect((await k1.post<Err>('/api/v1/kiosk/leases', { size: 0 })).status).toBe(400);
  });
});

describe('replays of what a kiosk issued offline (issue 17.4)', () => {
  it('joins the queue at its issue time, once per key, marked offline; the managers see the kiosk', async () => {
    let clock = T0;
    const { k1, k2, anon } = await hall(() => clock);
    const lease = (await k1.post<{ leases: Lease[] }>('/api/v1/kiosk/leases', { serviceIds: ['ho-tich'], size: 3 })).body.leases[0]!;
    clock += 60_000;
    const online = (await anon.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich' })).body; // 09:01
    clock += 600_000; // the link returns at 09:11: the kiosk replays what it issued at 09:00:30
    const socket = io(s.url, { transports: ['websocket'] });
    try {
      await new Promise<void>((resolve) => socket.once('state', () => resolve()));
      const syncing = new Promise<{ syncing: boolean; remaining: number }>((resolve) => socket.once('kiosk.sync', resolve));
      const body = { leaseId: lease.id, number: lease.numbers[0], issuedAt: new Date(T0 + 30_000).toISOString(), remaining: 1 };
      const first = await k1.post<Ticket>('/api/v1/kiosk/replays', body, { 'idempotency-key': 'off-1' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ number: lease.numbers[0], offline: true, peopleAhead: 0 });
      expect(Date.parse(first.body.issuedAt)).toBe(T0 + 30_000);
      expect(Date.parse(first.body.syncedAt!)).toBe(clock);
      expect(await syncing).toMatchObject({ syncing: true, remaining: 1 });
      // Before the online ticket issued at 09:01.
      expect((await anon.get<Ticket>(`/api/v1/tickets/${online.id}`)).body.peopleAhead).toBe(1);
      const again = await k1.post<Ticket>('/api/v1/kiosk/replays', body, { 'idempotency-key': 'off-1' });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
      const other = await k1.post<Err>('/api/v1/kiosk/replays', { ...body, remaining: 0 }, { 'idempotency-key': 'off-1b' });
      expect(other.status).toBe(409);
      expect(other.body.error.code).toBe('offline_number_taken');
      // Another kiosk cannot replay on this lease; a number outside it is refused.
      expect((await k2.post<Err>('/api/v1/kiosk/replays', { ...body, number: lease.numbers[1] }, { 'idempotency-key': 'off-2' })).body.error.code).toBe('unknown_lease');
      expect((await k1.post<Err>('/api/v1/kiosk/replays', { ...body, number: online.number }, { 'idempotency-key': 'off-3' })).body.error.code).toBe('number_not_in_lease');
      const done = new Promise<{ syncing: boolean }>((resolve) => socket.on('kiosk.sync', (e: { syncing: boolean }) => !e.syncing && resolve(e)));
      const second = await k1.post<Ticket>('/api/v1/kiosk/replays', { ...body, number: lease.numbers[1], issuedAt: new Date(T0 + 45_000).toISOString(), remaining: 0, ticketId: 'AbCdEfGhIj_-' }, { 'idempotency-key': 'off-4' });
      expect(second.status).toBe(201);
      // The id the kiosk printed in the slip's QR: the phone page finds the ticket there once synced.
      expect(second.body.id).toBe('AbCdEfGhIj_-');
      expect((await anon.get<Ticket>('/api/v1/tickets/AbCdEfGhIj_-')).body).toMatchObject({ number: lease.numbers[1], offline: true });
      expect((await done).syncing).toBe(false);
    } finally {
      socket.close();
    }
    expect((await anon.get<Ticket>(`/api/v1/tickets/${online.id}`)).body.peopleAhead).toBe(2);
    const manager = s.client();
    await manager.login('quanly');
    const view = await manager.get<{ syncing: boolean; kiosks: { deviceId: string; tickets: number; offlineMinutes: number }[] }>('/api/v1/kiosk/offline');
    expect(view.status).toBe(200);
    expect(view.body).toEqual({ syncing: false, kiosks: [expect.objectContaining({ deviceId: 'kiosk-1', tickets: 2, offlineMinutes: 11 })] });
  });

  it('refuses a replay once the day has closed, and an issue time outside the lease day', async () => {
    let clock = T0;
    const { k1 } = await hall(() => clock);
    const lease = (await k1.post<{ leases: Lease[] }>('/api/v1/kiosk/leases', { serviceIds: ['ho-tich'], size: 2 })).body.leases[0]!;
    const badTime = await k1.post<Err>('/api/v1/kiosk/replays', { leaseId: lease.id, number: lease.numbers[0], issuedAt: '2026-11-20T09:00:00+07:00' }, { 'idempotency-key': 'x-1' });
    expect(badTime.status).toBe(400);
    expect(badTime.body.error.code).toBe('offline_issue_time');
    clock = Date.parse(lease.validUntil) + 1;
    const late = await k1.post<Err>('/api/v1/kiosk/replays', { leaseId: lease.id, number: lease.numbers[0], issuedAt: new Date(T0 + 60_000).toISOString() }, { 'idempotency-key': 'x-2' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('offline_day_closed');
    expect(late.body.error.message).toContain('đã kết thúc');
  });
});
