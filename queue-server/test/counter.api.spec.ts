// Contract routes for staff, keypads, managers and admins: lifecycle, auth, CSRF, stats, devices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';
import { ApiClient } from '../../tests/support/api.ts';

type Ticket = { id: string; number: string; status: string; serviceId: string; counterNumber: number | null; transferredTo: string | null; statusUrl: string };
type Err = { error: { code: string; message: string } };

let s: TestServer;
let anon: ApiClient;
let staff2: ApiClient; // quầy 2: Hộ tịch
let staff4: ApiClient; // quầy 4: Đất đai, Xây dựng

beforeAll(async () => {
  s = await startTestServer();
  anon = s.client();
  staff2 = s.client();
  await staff2.login('quay2', 'quay-2');
  staff4 = s.client();
  await staff4.login('quay4', 'quay-4');
});
afterAll(() => s.close());

const issue = async (serviceId: string) => (await anon.post<Ticket>('/api/v1/tickets', { serviceId })).body;
const callNext = (c: ApiClient, counter: string) => c.post<{ ticket: Ticket }>(`/api/v1/counters/${counter}/call-next`);

describe('a visit from call to rating', () => {
  it('call → recall → start → finish → rate once', async () => {
    const t = await issue('ho-tich');
    const called = await callNext(staff2, 'quay-2');
    expect(called.status).toBe(200);
    expect(called.body.ticket).toMatchObject({ id: t.id, status: 'called', counterNumber: 2 });
    expect((await staff2.post<{ ticket: Ticket }>(`/api/v1/tickets/${t.id}/recall`)).body.ticket.status).toBe('called');
    expect((await staff2.post<{ ticket: Ticket }>(`/api/v1/tickets/${t.id}/start`)).body.ticket.status).toBe('serving');
    expect((await staff2.post<{ ticket: Ticket }>(`/api/v1/tickets/${t.id}/finish`)).body.ticket.status).toBe('done');
    const again = await staff2.post<Err>(`/api/v1/tickets/${t.id}/finish`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('illegal_transition');
    // The slip's key (its QR's ?k=) proves the rater holds the ticket (issue 14, point 3).
    const k = new URL(t.statusUrl).searchParams.get('k');
    expect((await anon.post(`/api/v1/tickets/${t.id}/rating`, { score: 4 })).status).toBe(403);
    expect((await anon.post(`/api/v1/tickets/${t.id}/rating`, { score: 4, k })).status).toBe(201);
    const twice = await anon.post<Err>(`/api/v1/tickets/${t.id}/rating`, { score: 3, k });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_rated');
  });

  it('finishing a ticket nobody called is 409; nobody waiting is 204', async () => {
    const t = await issue('ho-tich');
    const r = await staff2.post<Err>(`/api/v1/tickets/${t.id}/finish`);
    expect([403, 409]).toContain(r.status);
    // drain counter 2's queue
    for (let i = 0; i < 20; i++) {
      const c = await callNext(staff2, 'quay-2');
      if (c.status === 204) break;
    }
    const empty = await callNext(staff2, 'quay-2');
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it('no-show after a call; cancel a waiting ticket; recall limit', async () => {
    await issue('dat-dai');
    const c = await callNext(staff4, 'quay-4');
    const id = c.body.ticket.id;
    await staff4.post(`/api/v1/tickets/${id}/recall`);
    await staff4.post(`/api/v1/tickets/${id}/recall`);
    const third = await staff4.post<Err>(`/api/v1/tickets/${id}/recall`);
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('too_many_recalls');
    expect((await staff4.post<{ ticket: Ticket }>(`/api/v1/tickets/${id}/no-show`)).body.ticket.status).toBe('no_show');
    const w = await issue('xay-dung');
    expect((await staff4.post<{ ticket: Ticket }>(`/api/v1/tickets/${w.id}/cancel`)).body.ticket.status).toBe('cancelled');
  });

  it('park and call back; transfer keeps the number', async () => {
    const t = await issue('dat-dai');
    let c = await callNext(staff4, 'quay-4');
    while (c.status === 200 && c.body.ticket.id !== t.id) c = await callNext(staff4, 'quay-4');
    await staff4.post(`/api/v1/tickets/${t.id}/start`);
    expect((await staff4.post<{ ticket: Ticket }>(`/api/v1/tickets/${t.id}/park`)).body.ticket.status).toBe('parked');
    const back = await staff4.post<{ ticket: Ticket }>(`/api/v1/tickets/${t.id}/call`);
    expect(back.status).toBe(200);
    expect(back.body.ticket.status).toBe('called');
    const moved = await staff4.post<{ ticket: Ticket }>(`/api/v1/tickets/${t.id}/transfer`, { serviceId: 'ho-tich' });
    expect(moved.status).toBe(200);
    expect(moved.body.ticket).toMatchObject({ number: t.number, serviceId: 'ho-tich', status: 'waiting' });
    const old = await anon.get<Ticket>(`/api/v1/tickets/${t.id}`);
    expect(old.body).toMatchObject({ status: 'transferred', transferredTo: moved.body.ticket.id });
    expect((await staff4.post<Err>(`/api/v1/tickets/${moved.body.ticket.id}/transfer`, { serviceId: 'nope' })).status).toBe(400);
    // Counter 2 serves Hộ tịch: the transferred ticket is in its queue.
    const q = await staff2.get<{ waiting: { id: string; number: string }[] }>('/api/v1/counters/quay-2/queue');
    expect(q.body.waiting.map((x) => x.id)).toContain(moved.body.ticket.id);
  });

  it('pause stops calling; resume allows it', async () => {
    await issue('dat-dai');
    expect((await staff4.post<{ counter: { status: string } }>('/api/v1/counters/quay-4/pause')).body.counter.status).toBe('paused');
    const blocked = await callNext(staff4, 'quay-4');
    expect(blocked.status).toBe(409);
    await staff4.post('/api/v1/counters/quay-4/resume');
    expect((await callNext(staff4, 'quay-4')).status).toBe(200);
  });
});

describe('who may do what', () => {
  it('staff routes are 401 without a session', async () => {
    const t = await issue('ho-tich');
    for (const path of ['/api/v1/counters/quay-2/call-next', `/api/v1/tickets/${t.id}/finish`, `/api/v1/tickets/${t.id}/transfer`]) {
      const r = await anon.post<Err>(path, path.endsWith('transfer') ? { serviceId: 'dat-dai' } : {});
      expect(r.status, path).toBe(401);
      expect(r.body.error.code).toBe('unauthorized');
    }
    expect((await anon.get('/api/v1/counters/quay-2/queue')).status).toBe(401);
  });

  it('staff act only for the counter they signed in at', async () => {
    const r = await callNext(staff2, 'quay-4');
    expect(r.status).toBe(403);
    expect((r.body as unknown as Err).error.code).toBe('wrong_counter');
    expect((await staff2.get('/api/v1/counters/quay-4/queue')).status).toBe(403);
  });

  it('managers only for stats; staff get 403', async () => {
    expect((await anon.get('/api/v1/stats')).status).toBe(401);
    expect((await staff2.get('/api/v1/stats')).status).toBe(403);
    const m = new ApiClient(s.url);
    await m.login('quanly');
    const st = await m.get<{ issued: number; served: number; byService: unknown[]; byCounter: unknown[]; byStaff: unknown[]; withinTargetPct: number | null }>('/api/v1/stats');
    expect(st.status).toBe(200);
    expect(st.body.issued).toBeGreaterThan(0);
    expect(st.body.served).toBeGreaterThan(0);
    expect(Array.isArray(st.body.byStaff)).toBe(true);
    expect((await m.get<Err>('/api/v1/stats?from=2026-13-01')).status).toBe(400);
    expect((await m.get<Err>('/api/v1/stats?from=2026-11-22&to=2026-11-01')).status).toBe(400);
  });

  it('cookie-authenticated writes need the CSRF header', async () => {
    const r = await staff2.post<Err>('/api/v1/counters/quay-2/call-next', {}, { 'x-csrf-token': 'wrong' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('csrf');
  });

  it('login: wrong password 401, staff must choose a counter, back-off after repeated failures from one address', async () => {
    const c = new ApiClient(s.url);
    const bad = await c.post<Err>('/api/v1/auth/login', { username: 'quay5', password: 'sai' });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('bad_credentials');
    for (let i = 0; i < 5; i++) await c.post('/api/v1/auth/login', { username: 'quay6', password: 'sai' });
    // Issue 14.1: no account lock any more; this address waits, with the same answer as a wrong password.
    const locked = await c.post<Err>('/api/v1/auth/login', { username: 'quay6', password: 'demo', counterId: 'quay-6' });
    expect(locked.status).toBe(401);
    expect(locked.body).toEqual(bad.body);
    const me0 = await c.get('/api/v1/auth/me');
    expect(me0.status).toBe(401);
    const ok = await c.post<{ user: { role: string; counterId: string } }>('/api/v1/auth/login', { username: 'quay5', password: 'demo', counterId: 'quay-5' });
    expect(ok.status).toBe(200);
    expect(ok.headers.getSetCookie().join(';')).toMatch(/sid=.*HttpOnly/i);
    expect(ok.headers.getSetCookie().join(';')).toMatch(/SameSite=Strict/i);
    expect((await c.get<{ user: { counterId: string } }>('/api/v1/auth/me')).body.user.counterId).toBe('quay-5');
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it("a counter's keypad acts for its own counter only; a bad token is 401", async () => {
    await issue('ho-tich');
    const keypad = new ApiClient(s.url, { authorization: 'Bearer demo-keypad-2' });
    const r = await keypad.post<{ ticket: Ticket }>('/api/v1/counters/quay-2/call-next');
    expect(r.status).toBe(200);
    expect((await keypad.post('/api/v1/counters/quay-2/current/finish')).status).toBe(200);
    expect((await keypad.post('/api/v1/counters/quay-2/rating', { score: 3 })).status).toBe(201);
    expect((await keypad.post('/api/v1/counters/quay-3/call-next')).status).toBe(403);
    const forged = new ApiClient(s.url, { authorization: 'Bearer not-a-token' });
    expect((await forged.post('/api/v1/counters/quay-2/call-next')).status).toBe(401);
  });

  it('takes a kiosk agent\'s report of every part it drives (the demo agent has 21), up to 64', async () => {
    const kiosk = new ApiClient(s.url, { authorization: 'Bearer demo-kiosk-1' });
    const parts = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `keypad-${i}`, kind: 'keypad', status: 'ok' }));
    const chip = { id: 'chip-reader', kind: 'scanner', status: 'warning', detail: 'đầu đọc thẻ chip đã bị rút / chip reader unplugged' };
    expect((await kiosk.post('/api/v1/devices/health', { parts: [...parts(63), chip] })).status).toBe(204);
    const m = new ApiClient(s.url);
    await m.login('quanly');
    const dev = await m.get<{ devices: { deviceId: string; parts: { id: string; status: string }[] }[] }>('/api/v1/devices');
    const reported = dev.body.devices.find((d) => d.deviceId === 'kiosk-1');
    expect(reported?.parts).toHaveLength(64);
    expect(reported?.parts.find((p) => p.id === 'chip-reader')?.status).toBe('warning');
    const tooMany = await kiosk.post<Err>('/api/v1/devices/health', { parts: parts(65) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('bad_request');
  });

  it('a failed print raises a manager alert; a revoked device token stops working', async () => {
    const kiosk = new ApiClient(s.url, { authorization: 'Bearer demo-kiosk-1' });
    const t = (await kiosk.post<Ticket>('/api/v1/tickets', { serviceId: 'chung-thuc' })).body;
    expect((await kiosk.post(`/api/v1/tickets/${t.id}/print-status`, { printed: false, reason: 'paper_out' })).status).toBe(204);
    expect((await anon.post(`/api/v1/tickets/${t.id}/print-status`, { printed: true })).status).toBe(401);
    const m = new ApiClient(s.url);
    await m.login('quanly');
    const dev = await m.get<{ alerts: { kind: string; ticketId: string }[] }>('/api/v1/devices');
    expect(dev.body.alerts.some((a) => a.kind === 'print_failed' && a.ticketId === t.id)).toBe(true);
    expect((await kiosk.post('/api/v1/devices/health', { parts: [{ id: 'printer', kind: 'printer', status: 'error', detail: 'paper out' }] })).status).toBe(204);
    expect((await m.post('/api/v1/devices/kiosk-1/revoke')).status).toBe(403);
    const admin = new ApiClient(s.url);
    await admin.login('admin');
    expect((await admin.post('/api/v1/devices/kiosk-1/revoke')).status).toBe(204);
    expect((await kiosk.post('/api/v1/tickets', { serviceId: 'chung-thuc' })).status).toBe(401);
    const audit = await admin.get<{ entries: { action: string }[] }>('/api/v1/audit');
    expect(audit.body.entries.map((e) => e.action)).toContain('device.revoke');
  });

});

describe('operations', () => {
  it('OpenAPI lists every contract route', async () => {
    const doc = await anon.get<{ paths: Record<string, unknown> }>('/api/docs/json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    for (const p of [
      '/api/v1/health',
      '/api/v1/center',
      '/api/v1/tickets',
      '/api/v1/tickets/{id}',
      '/api/v1/counters/{counterId}/call-next',
      '/api/v1/tickets/{id}/recall',
      '/api/v1/tickets/{id}/start',
      '/api/v1/tickets/{id}/finish',
      '/api/v1/tickets/{id}/no-show',
      '/api/v1/tickets/{id}/cancel',
      '/api/v1/tickets/{id}/park',
      '/api/v1/tickets/{id}/transfer',
      '/api/v1/tickets/{id}/rating',
      '/api/v1/queue',
      '/api/v1/stats',
      '/api/v1/auth/login',
      '/api/v1/auth/logout',
    ]) {
      expect(paths, p).toContain(p);
    }
  });

  it('Prometheus metrics count issued tickets, waiting tickets, waits and HTTP latency', async () => {
    const r = await anon.get<string>('/metrics');
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/motcua_tickets_issued_total\{service="ho-tich"\} \d+/);
    expect(r.body).toContain('motcua_tickets_waiting{service=');
    expect(r.body).toContain('motcua_ticket_wait_seconds_bucket');
    expect(r.body).toContain('motcua_http_request_duration_seconds_bucket');
  });

  it('security headers and a CSP on UI pages', async () => {
    const r = await anon.get<string>('/kiosk/');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
