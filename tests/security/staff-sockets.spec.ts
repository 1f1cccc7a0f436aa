// Issue 14, points 2 and 4: a staff socket's rights end with its session —
// logout drops it at once, an expired session or a disabled account at its next
// request or the periodic check — and staff see only the fields their counter
// serves, as over HTTP. Waiting lists go out capped per field with the totals;
// `waiting.page` gives the rest.
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../queue-server/test/harness.ts';
import { WAITING_PAGE } from '../../queue-server/src/realtime/socket.ts';
import { connect, type Recorder } from './sockets.ts';
import type { ApiClient } from '../support/api.ts';

interface Waiting {
  waiting: { id: string; serviceId: string; citizen: unknown }[];
  waitingTotals: Record<string, number>;
}
interface Page {
  serviceId: string;
  offset: number;
  total: number;
  waiting: { id: string; serviceId: string }[];
}

// The periodic check once an hour here, so what these tests see comes from logout and from each request.
const server = await startTestServer({ sessionCheckMs: 3600_000 });
const open: Recorder[] = [];
afterAll(async () => {
  for (const r of open) r.close();
  await server.close();
});
const kiosk = server.client({ authorization: 'Bearer demo-kiosk-1' });

async function signedIn(username: string, counterId?: string, on: TestServer = server): Promise<{ client: ApiClient; socket: Recorder }> {
  const client = on.client();
  await client.login(username, counterId);
  const socket = connect(on.url, { cookie: `sid=${client.cookie('sid')}` });
  open.push(socket);
  await socket.next('state');
  return { client, socket };
}

const ended = (r: Recorder, ms = 5000) =>
  new Promise<string>((resolve) => {
    if (!r.socket.connected) return resolve('already');
    const timer = setTimeout(() => resolve('still connected'), ms);
    r.socket.once('disconnect', (reason: string) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });

const ask = <T>(r: Recorder, event: string, body?: unknown) => new Promise<T>((resolve) => r.socket.emit(event, body, (x: T) => resolve(x)));

// quay-2 serves ho-tich only; quay-4 dat-dai and xay-dung.
const HO_TICH = WAITING_PAGE + 12;
for (let i = 0; i < HO_TICH; i++) expect((await kiosk.post('/api/v1/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
for (let i = 0; i < 3; i++) expect((await kiosk.post('/api/v1/tickets', { serviceId: 'dat-dai' })).status).toBe(201);

describe('staff sockets: fields, caps and pages', () => {
  it(`staff see their counter's fields only, at most ${WAITING_PAGE} per field with each field's total; managers see every field`, async () => {
    const { socket: quay2 } = await signedIn('quay2', 'quay-2');
    const s = quay2.events.find((e) => e.name === 'state')!.payload as Waiting;
    expect(new Set(s.waiting.map((t) => t.serviceId))).toEqual(new Set(['ho-tich']));
    expect(s.waiting).toHaveLength(WAITING_PAGE);
    expect(s.waitingTotals).toEqual({ 'ho-tich': HO_TICH });

    const { socket: quay4 } = await signedIn('quay4', 'quay-4');
    const s4 = quay4.events.find((e) => e.name === 'state')!.payload as Waiting;
    expect(new Set(s4.waiting.map((t) => t.serviceId))).toEqual(new Set(['dat-dai']));
    expect(s4.waitingTotals).toEqual({ 'dat-dai': 3 });

    const { socket: mgr } = await signedIn('quanly');
    const m = mgr.events.find((e) => e.name === 'state')!.payload as Waiting;
    expect(m.waitingTotals).toEqual({ 'ho-tich': HO_TICH, 'dat-dai': 3 });
    expect(m.waiting).toHaveLength(WAITING_PAGE + 3);

    // The lists that follow a change keep the same limits.
    const changed = quay4.next<Waiting>('waiting.changed', (w) => w.waitingTotals['dat-dai'] === 4);
    const changed2 = quay2.next<Waiting>('waiting.changed', () => true);
    await kiosk.post('/api/v1/tickets', { serviceId: 'dat-dai' });
    expect(new Set((await changed).waiting.map((t) => t.serviceId))).toEqual(new Set(['dat-dai']));
    const w2 = await changed2;
    expect(w2.waiting).toHaveLength(WAITING_PAGE);
    expect(w2.waiting.every((t) => t.serviceId === 'ho-tich')).toBe(true);
  });

  it('waiting.page gives the rest of a field the socket may see, and nothing of the others', async () => {
    const { socket: quay2 } = await signedIn('quay2', 'quay-2');
    const first = (quay2.events.find((e) => e.name === 'state')!.payload as Waiting).waiting.map((t) => t.id);
    const rest = await ask<Page>(quay2, 'waiting.page', { serviceId: 'ho-tich', offset: WAITING_PAGE });
    expect(rest).toMatchObject({ serviceId: 'ho-tich', offset: WAITING_PAGE, total: HO_TICH });
    expect(rest.waiting).toHaveLength(HO_TICH - WAITING_PAGE);
    expect(rest.waiting.some((t) => first.includes(t.id))).toBe(false);
    const other = await ask<Page>(quay2, 'waiting.page', { serviceId: 'dat-dai' });
    expect(other).toMatchObject({ total: 0, waiting: [] });
    for (const bad of [{ serviceId: 'ho-tich', limit: WAITING_PAGE + 1 }, { serviceId: 'ho-tich', offset: -1 }, { offset: 0 }, 'ho-tich', null]) {
      expect(await ask<{ error: { code: string } }>(quay2, 'waiting.page', bad), JSON.stringify(bad)).toMatchObject({ error: { code: 'bad_request' } });
    }
    const board = connect(server.url, { token: 'demo-board-1' });
    open.push(board);
    await board.next('state');
    expect(await ask(board, 'waiting.page', { serviceId: 'ho-tich' })).toMatchObject({ error: { code: 'unauthorized' } });
  });
});

describe('staff sockets: rights end with the session', () => {
  it('logout drops the session’s sockets at once, not the other sessions’', async () => {
    const a = await signedIn('quay2', 'quay-2');
    const b = await signedIn('quay3', 'quay-3');
    const session = a.socket.next('session.ended');
    const gone = ended(a.socket);
    expect((await a.client.post('/api/v1/auth/logout')).status).toBe(204);
    await session;
    expect(await gone).toBe('io server disconnect');
    expect(b.socket.socket.connected).toBe(true);
    // A new connection with the old cookie is the hall's view.
    const again = connect(server.url, { cookie: `sid=${a.client.cookie('sid') ?? 'gone'}` });
    open.push(again);
    expect(await again.next('state')).not.toHaveProperty('waiting');
  });

  it('a disabled account: state.request answers nothing and drops the socket', async () => {
    const { socket } = await signedIn('quay5', 'quay-5');
    server.sqlite.db.prepare('UPDATE users SET disabled = 1 WHERE username = ?').run('quay5');
    const states = () => socket.events.filter((e) => e.name === 'state').length;
    const before = states();
    const gone = ended(socket);
    socket.socket.emit('state.request');
    expect(await gone).toBe('io server disconnect');
    expect(states()).toBe(before);
    server.sqlite.db.prepare('UPDATE users SET disabled = 0 WHERE username = ?').run('quay5');
  });

  it("an admin disabling an account or resetting its password drops that account's sockets at once", async () => {
    const admin = server.client();
    await admin.login('admin');
    const a = await signedIn('quay4', 'quay-4');
    const b = await signedIn('quay6', 'quay-6');
    const gone = ended(a.socket);
    expect((await admin.post('/api/v1/admin/users/quay4/disable')).status).toBe(204);
    // no request from the socket, and the periodic check is an hour away
    expect(await gone).toBe('io server disconnect');
    expect(b.socket.socket.connected).toBe(true);
    const goneB = ended(b.socket);
    expect((await admin.post('/api/v1/admin/users/quay6/password', { password: 'mật-khẩu-mới-quầy-6' })).status).toBe(204);
    expect(await goneB).toBe('io server disconnect');
    server.sqlite.db.prepare('UPDATE users SET disabled = 0 WHERE username = ?').run('quay4');
  });

  it('an expired session is dropped by the periodic check, with no request at all', async () => {
    const clock = { now: Date.parse('2026-11-23T09:00:00+07:00') };
    const quick = await startTestServer({ now: () => clock.now, sessionCheckMs: 200 });
    try {
      const { socket } = await signedIn('quay6', 'quay-6', quick);
      const gone = ended(socket);
      clock.now += 13 * 3600_000;
      expect(await gone).toBe('io server disconnect');
      expect(socket.events.some((e) => e.name === 'session.ended')).toBe(true);
    } finally {
      await quick.close();
    }
  });
});
