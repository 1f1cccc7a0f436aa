// A manager moves an official to another counter (issue 13.3): the official's
// session and sockets follow (no new sign-in), the old counter has nobody, the
// move is audited, and the calling rights go with the official.
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type Recorder } from '../../tests/security/sockets.ts';
import { startTestServer, type TestServer } from './harness.ts';

const open: TestServer[] = [];
const sockets: Recorder[] = [];
afterAll(async () => {
  for (const r of sockets) r.close();
  for (const s of open) await s.close();
});

type Err = { error: { code: string; message: string } };
type View = { id: string; signedIn: boolean };
const login = async (s: TestServer, username: string, counterId?: string) => {
  const c = s.client();
  const r = await c.post<Err>('/api/v1/auth/login', { username, password: 'demo', ...(counterId ? { counterId } : {}) });
  expect(r.status).toBe(200);
  return c;
};

describe('moving an official', () => {
  it('the official now works at the new counter without signing in again; their console is told over the socket', async () => {
    const s = await startTestServer();
    open.push(s);
    const official = await login(s, 'quay2', 'quay-2');
    const manager = await login(s, 'quanly');
    const sock = connect(s.url, { cookie: `sid=${official.cookie('sid')}` });
    sockets.push(sock);
    await sock.next('state');
    // Without a username: whoever is signed in there (the board knows the counter, not the account).
    const moved = await manager.post<{ from: View; to: View }>('/api/v1/counters/quay-2/move', { toCounterId: 'quay-4' });
    expect(moved.status).toBe(200);
    expect([moved.body.from.signedIn, moved.body.to.signedIn]).toEqual([false, true]);
    const told = await sock.next<{ counter: { id: string; number: number } }>('seat.moved');
    expect(told.counter).toMatchObject({ id: 'quay-4', number: 4 });
    expect((await official.get<{ user: { counterId: string } }>('/api/v1/auth/me')).body.user.counterId).toBe('quay-4');
    // The new counter's waiting list reaches the official's socket: a dat-dai ticket (quay-4's field, not quay-2's).
    const dd = (await s.client().post<{ id: string }>('/api/v1/tickets', { serviceId: 'dat-dai' })).body;
    await sock.next<{ waiting: { id: string }[] }>('waiting.changed', (w) => w.waiting.some((t) => t.id === dd.id));
    // Calling rights moved too.
    expect((await official.post<{ ticket: { id: string } }>('/api/v1/counters/quay-4/call-next')).body.ticket.id).toBe(dd.id);
    expect((await official.post<Err>('/api/v1/counters/quay-2/call-next')).status).toBe(403);
    const entry = (await s.ctx.auth.auditLog()).find((a) => a.action === 'counter.move');
    expect(entry).toMatchObject({ actor: 'quanly', target: 'quay-4', detail: { username: 'quay2', from: 'quay-2', to: 'quay-4' } });
    // The socket was not dropped by the session check: it is still connected.
    expect(sock.socket.connected).toBe(true);
  });

  it('refusals: staff may not move anyone, nobody seated, the same counter, a taken or busy counter, unknown counters — never a 500', async () => {
    const s = await startTestServer();
    open.push(s);
    const official = await login(s, 'quay2', 'quay-2');
    await login(s, 'quay4', 'quay-4');
    const manager = await login(s, 'quanly');
    const move = (c: typeof manager, from: string, body: Record<string, unknown>) => c.post<Err>(`/api/v1/counters/${from}/move`, body);
    const staff = await move(official, 'quay-2', { username: 'quay2', toCounterId: 'quay-5' });
    expect([staff.status, staff.body.error.code]).toEqual([403, 'forbidden']);
    const notThere = await move(manager, 'quay-3', { username: 'quay2', toCounterId: 'quay-5' });
    expect([notThere.status, notThere.body.error.code]).toEqual([409, 'not_seated']);
    expect(notThere.body.error.message).toMatch(/^Cán bộ quay2 không đăng nhập tại quầy 3 \/ quay2 is not signed in at counter 3/);
    const same = await move(manager, 'quay-2', { username: 'quay2', toCounterId: 'quay-2' });
    expect([same.status, same.body.error.code]).toEqual([400, 'move_same_counter']);
    const taken = await move(manager, 'quay-2', { username: 'quay2', toCounterId: 'quay-4' });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'counter_taken']);
    expect((await move(manager, 'quay-99', { username: 'quay2', toCounterId: 'quay-4' })).status).toBe(404);
    expect((await move(manager, 'quay-2', { username: 'quay2', toCounterId: 'quay-99' })).status).toBe(404);
    const nobody = await move(manager, 'quay-6', { toCounterId: 'quay-5' });
    expect([nobody.status, nobody.body.error.code]).toEqual([409, 'nobody_seated']);
    for (const body of [{}, { username: 'quay2' }, { username: 'quay2', toCounterId: 'Quầy 5' }, { username: 1, toCounterId: 'quay-5' }]) {
      expect((await move(manager, 'quay-2', body)).status).toBe(400);
    }
    await s.client().post('/api/v1/tickets', { serviceId: 'ho-tich' });
    expect((await official.post('/api/v1/counters/quay-2/call-next')).status).toBe(200);
    const busy = await move(manager, 'quay-2', { username: 'quay2', toCounterId: 'quay-5' });
    expect([busy.status, busy.body.error.code]).toEqual([409, 'counter_busy']);
    expect((await official.get<{ user: { counterId: string } }>('/api/v1/auth/me')).body.user.counterId).toBe('quay-2');
  });
});
