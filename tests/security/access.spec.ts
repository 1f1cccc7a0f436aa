// Issue 7, point 5: every route in the OpenAPI list, tried with no credentials and with
// the wrong ones. The expected role comes from the route's tag (roles.ts); a route the
// table cannot place fails the test. Also: CSRF on cookie writes, device-token revocation.
import { afterAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { startTestServer } from '../../queue-server/test/harness.ts';
import { ApiClient, type Res } from '../support/api.ts';
import { loadRoutes, fillPath, routeName, validExample, KNOWN_VALUES, type Route } from './routes.ts';
import { classify, type Rule } from './roles.ts';
import { isErrorShape } from './contract.ts';
import { firstFreeSlot } from '../support/dates.ts';

const server = await startTestServer();
afterAll(() => server.close());
const routes = await loadRoutes(server.url);

const anonymous = server.client();
const kiosk = server.client({ authorization: 'Bearer demo-kiosk-1' });
const board = server.client({ authorization: 'Bearer demo-board-1' });
const display = server.client({ authorization: 'Bearer demo-display-2' });
const keypad3 = server.client({ authorization: 'Bearer demo-keypad-3' });
const keypad2 = server.client({ authorization: 'Bearer demo-keypad-2' });
const staff = server.client();
await staff.login('quay2', 'quay-2');
const otherStaff = server.client();
await otherStaff.login('quay1', 'quay-1');
const manager = server.client();
await manager.login('quanly');
const admin = server.client();
await admin.login('admin');

// Taken at the kiosk, which alone may then report its print result (issue 14, point 8).
const ticket = (await kiosk.post<{ id: string; number: string }>('/api/v1/tickets', { serviceId: 'ho-tich' })).body;
const slot = await firstFreeSlot(anonymous, 'ho-tich');
const booking = (await anonymous.post<{ code: string }>('/api/v1/bookings', { serviceId: 'ho-tich', ...slot, fullName: 'Trần Thị Bình', phone: '0912345678' })).body;

function urlOf(r: Route): string {
  const code = r.path.startsWith('/api/v1/procedures') ? '1.001193' : r.path.startsWith('/api/v1/dossiers') ? '261101-HT01-0001' : booking.code;
  const path = fillPath(r, { id: ticket.id, number: ticket.number, code, counterId: 'quay-2', deviceId: 'board-1', username: 'nobody' });
  const required = r.params.filter((p) => p.in === 'query' && p.required);
  return required.length ? `${path}?${required.map((p) => `${p.name}=${encodeURIComponent(String(KNOWN_VALUES[p.name] ?? validExample(p.schema)))}`).join('&')}` : path;
}

const call = (who: ApiClient, r: Route): Promise<Res<unknown>> => who.req(r.method, urlOf(r), r.method === 'GET' ? undefined : r.body ? validExample(r.body) : {});

const REFUSALS = new Set(['unauthorized', 'forbidden', 'csrf', 'bad_device_token', 'wrong_counter']);
const refusal = (res: Res<unknown>) => (isErrorShape(res.body) && REFUSALS.has(res.body.error.code) ? res.body.error.code : null);
const show = (res: Res<unknown>) => `${res.status} ${JSON.stringify(res.body).slice(0, 160)}`;

/** Who must be refused, and with what, for each rule. */
const WRONG: Record<Rule, [string, ApiClient, 401 | 403][]> = {
  open: [],
  session: [['nobody', anonymous, 401]],
  staff: [
    ['nobody', anonymous, 401],
    ['the kiosk', kiosk, 403],
    ['the hall board', board, 403],
    ["counter 2's display", display, 403],
  ],
  manager: [
    ['nobody', anonymous, 401],
    ['staff', staff, 403],
    ['the kiosk', kiosk, 403],
  ],
  admin: [
    ['nobody', anonymous, 401],
    ['staff', staff, 403],
    ['a manager', manager, 403],
    ['the kiosk', kiosk, 403],
  ],
  device: [
    ['nobody', anonymous, 401],
    ['staff', staff, 403],
    ['a manager', manager, 403],
  ],
  keypad: [
    ['nobody', anonymous, 401],
    ['staff', staff, 403],
    ['a manager', manager, 403],
    ['the admin', admin, 403],
    ['the kiosk', kiosk, 403],
    ['the hall board', board, 403],
    ["counter 2's display", display, 403],
  ],
};
/** Someone the rule lets in, to show the refusals are about the role and not a broken route. */
const RIGHT: Record<Rule, ApiClient> = { open: anonymous, session: staff, staff, manager, admin, device: kiosk, keypad: keypad2 };

describe('access: every route needs the right role', () => {
  it('every route in the OpenAPI list is classified', () => {
    expect(routes.length).toBeGreaterThan(30);
    const unclassified = routes.map(classify).filter((c): c is { unclassified: string } => typeof c === 'object');
    expect(unclassified.map((u) => u.unclassified)).toEqual([]);
  });

  it('no credentials → 401, the wrong role or device → 403, on every protected route', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const r of routes) {
      const rule = classify(r);
      if (typeof rule === 'object') continue;
      for (const [label, who, status] of WRONG[rule]) {
        const res = await call(who, r);
        checked++;
        const code = status === 401 ? 'unauthorized' : 'forbidden';
        if (res.status !== status || refusal(res) !== code) wrong.push(`${routeName(r)} as ${label}: want ${status} ${code}, got ${show(res)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });

  it('staff and keypads are refused at another counter', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.path.includes('{counterId}'))) {
      for (const [label, who] of [
        ['staff of counter 1', otherStaff],
        ['the keypad of counter 3', keypad3],
      ] as const) {
        const res = await call(who, r);
        if (res.status !== 403 || refusal(res) === null) wrong.push(`${routeName(r)} as ${label}: want 403, got ${show(res)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('staff cannot act on a ticket being served at another counter', async () => {
    const t = (await anonymous.post<{ id: string }>('/api/v1/tickets', { serviceId: 'ho-tich' })).body;
    // Counter 2 calls until it has this ticket (earlier tests may have left others waiting).
    let current: string | undefined;
    for (let i = 0; i < 10 && current !== t.id; i++) current = (await staff.post<{ ticket?: { id: string } }>('/api/v1/counters/quay-2/call-next')).body?.ticket?.id;
    expect(current).toBe(t.id);
    const wrong: string[] = [];
    for (const action of ['recall', 'start', 'park', 'no-show', 'finish', 'cancel', 'transfer']) {
      const res = await otherStaff.post(`/api/v1/tickets/${t.id}/${action}`, action === 'transfer' ? { serviceId: 'dat-dai' } : {});
      if (res.status !== 403 || refusal(res) !== 'wrong_counter') wrong.push(`${action}: ${show(res)}`);
    }
    expect(wrong).toEqual([]);
    expect((await staff.post(`/api/v1/tickets/${t.id}/start`)).status).toBe(200);
  });

  it('the open routes answer anyone, and the right role gets past every guard', async () => {
    const refused: string[] = [];
    for (const r of routes) {
      const rule = classify(r);
      if (typeof rule === 'object') continue;
      const res = await call(RIGHT[rule], r);
      if (res.status >= 500 || refusal(res)) refused.push(`${routeName(r)} (${rule}): ${show(res)}`);
    }
    expect(refused).toEqual([]);
  });
});

describe('CSRF: cookie-authenticated writes need x-csrf-token', () => {
  const raw = (path: string, headers: Record<string, string>) => fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
  const cookieOf = (c: ApiClient) => `sid=${c.cookie('sid')}; csrf=${c.cookie('csrf')}`;

  it('login sets an httpOnly, SameSite=Strict session cookie and a readable csrf cookie', async () => {
    const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'quay5', password: 'demo', counterId: 'quay-5' }) });
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    const sid = cookies.find((c) => c.startsWith('sid='))!;
    const csrf = cookies.find((c) => c.startsWith('csrf='))!;
    expect(sid).toMatch(/HttpOnly/i);
    expect(sid).toMatch(/SameSite=Strict/i);
    expect(csrf).toMatch(/SameSite=Strict/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
  });

  it('without the header, with a wrong one, or with another session’s → 403 csrf; with it → allowed', async () => {
    for (const [who, path] of [
      [staff, '/api/v1/counters/quay-2/pause'],
      [manager, '/api/v1/counters/quay-4/pause'],
      [admin, '/api/v1/devices/board-1/token'],
      [staff, '/api/v1/auth/logout'],
    ] as const) {
      for (const header of [{} as Record<string, string>, { 'x-csrf-token': 'wrong' }, { 'x-csrf-token': '' }, { 'x-csrf-token': otherStaff.cookie('csrf')! }]) {
        const res = await raw(path, { cookie: cookieOf(who), ...header });
        const body = (await res.json()) as { error?: { code: string } };
        expect(`${path} ${JSON.stringify(header)}: ${res.status} ${body.error?.code}`).toBe(`${path} ${JSON.stringify(header)}: 403 csrf`);
      }
    }
    // The session survived every refused logout, and the right header works.
    expect((await staff.get('/api/v1/auth/me')).status).toBe(200);
    const ok = await raw('/api/v1/counters/quay-2/resume', { cookie: cookieOf(staff), 'x-csrf-token': staff.cookie('csrf')! });
    expect(ok.status).toBe(200);
  });

  it('reads need no CSRF header, and device-token writes need none', async () => {
    expect((await fetch(`${server.url}/api/v1/counters/quay-2/queue`, { headers: { cookie: cookieOf(staff) } })).status).toBe(200);
    const keypad = await raw('/api/v1/counters/quay-5/call-next', { authorization: 'Bearer demo-keypad-5' });
    expect([200, 204]).toContain(keypad.status);
  });
});

describe('device tokens can be revoked', () => {
  it('a revoked token stops working on HTTP and socket.io; a new one works', async () => {
    const keypad6 = server.client({ authorization: 'Bearer demo-keypad-6' });
    expect([200, 204]).toContain((await keypad6.post('/api/v1/counters/quay-6/call-next')).status);

    expect((await manager.post('/api/v1/devices/keypad-6/revoke')).status).toBe(403);
    expect((await admin.post('/api/v1/devices/keypad-6/revoke')).status).toBe(204);

    const after = await keypad6.post('/api/v1/counters/quay-6/call-next');
    expect(after.status).toBe(401);
    expect(after.body).toEqual({ error: { code: 'bad_device_token', message: expect.any(String) } });
    expect((await keypad6.post('/api/v1/devices/health', { parts: [] })).status).toBe(401);
    const listed = await manager.get<{ devices: { deviceId: string; revoked?: boolean }[] }>('/api/v1/devices');
    expect(listed.body.devices.find((d) => d.deviceId === 'keypad-6')?.revoked).toBe(true);

    const socket = io(server.url, { transports: ['websocket'], reconnection: false, auth: { token: 'demo-keypad-6' } });
    const refused = await new Promise<string>((resolve) => {
      socket.on('connect_error', (e) => resolve(e.message));
      socket.on('connect', () => resolve('connected'));
    });
    socket.close();
    expect(refused).toBe('bad_device_token');

    const issued = await admin.post<{ token: string }>('/api/v1/devices/keypad-6/token');
    expect(issued.status).toBe(201);
    expect(issued.body.token).not.toBe('demo-keypad-6');
    const renewed = server.client({ authorization: `Bearer ${issued.body.token}` });
    expect([200, 204]).toContain((await renewed.post('/api/v1/counters/quay-6/call-next')).status);
    expect((await keypad6.post('/api/v1/counters/quay-6/call-next')).status).toBe(401);
  });
});
