// Two officials at one counter (issue 20.10): signing in where another official
// is signed in is refused with who is there (409 counter_taken, Vietnamese first),
// unless the newcomer takes over — then the other is signed out of that counter,
// with an audit entry — or chooses another counter.
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

const open: TestServer[] = [];
afterAll(async () => {
  for (const s of open) await s.close();
});

async function server(): Promise<TestServer> {
  const s = await startTestServer();
  open.push(s);
  return s;
}

type Err = { error: { code: string; message: string } };
const login = (s: TestServer, username: string, counterId: string, extra: Record<string, unknown> = {}) => {
  const c = s.client();
  return c.post<Err & { user: { username: string; counterId: string } }>('/api/v1/auth/login', { username, password: 'demo', counterId, ...extra }).then((r) => ({ c, r }));
};

describe('two officials at one counter', () => {
  it('the second official is told who is there and may choose another counter; the first keeps working', async () => {
    const s = await server();
    // quay-1 is the demo's priority counter: quay1 sits there, and quay2 may help there too.
    const first = await login(s, 'quay1', 'quay-1');
    expect(first.r.status).toBe(200);
    const second = await login(s, 'quay2', 'quay-1');
    expect(second.r.status).toBe(409);
    expect(second.r.body.error.code).toBe('counter_taken');
    expect(second.r.body.error.message).toMatch(/^Quầy 1 đang có cán bộ Nguyễn Thị Thu Hà \(quay1\) đăng nhập\. Chọn "Vào thay" để đăng xuất người đó khỏi quầy, hoặc chọn quầy khác \/ counter 1 already has/);
    // Refused: no session, no cookie.
    expect(second.c.cookie('sid')).toBeUndefined();
    expect((await first.c.get('/api/v1/auth/me')).status).toBe(200);
    // Another counter is free.
    expect((await login(s, 'quay2', 'quay-2')).r.status).toBe(200);
    // The same official again (a second tab, a reload) is no one else.
    expect((await login(s, 'quay1', 'quay-1')).r.status).toBe(200);
    // A manager opening the counter is not an official sitting there, and is not warned.
    expect((await login(s, 'quanly', 'quay-1')).r.status).toBe(200);
    expect((await s.ctx.auth.auditLog()).some((a) => a.action === 'counter.taken_over')).toBe(false);
  });

  it('taking over signs the other official out of that counter, with an audit entry; their console gets 401', async () => {
    const s = await server();
    const first = await login(s, 'quay1', 'quay-1');
    const firstTab = await login(s, 'quay1', 'quay-1');
    const took = await login(s, 'quay2', 'quay-1', { takeOver: true });
    expect(took.r.status).toBe(200);
    expect(took.r.body.user).toMatchObject({ username: 'quay2', counterId: 'quay-1' });
    for (const c of [first.c, firstTab.c]) expect((await c.get('/api/v1/auth/me')).status).toBe(401);
    expect((await took.c.get('/api/v1/auth/me')).status).toBe(200);
    const audit = await s.ctx.auth.auditLog();
    const entries = audit.filter((a) => a.action === 'counter.taken_over');
    expect(entries.map((a) => [a.actor, a.target, a.detail.from])).toEqual([
      ['quay2', 'quay-1', 'quay1'],
      ['quay2', 'quay-1', 'quay1'],
    ]);
    // The counter now shows who sits there.
    expect(s.ctx.queue.counters.states.staff('quay-1')).toBe('quay2');
    // And the one signed out is warned in turn if they come back.
    const back = await login(s, 'quay1', 'quay-1');
    expect(back.r.status).toBe(409);
    expect(back.r.body.error.message).toMatch(/^Quầy 1 đang có cán bộ Trần Văn Minh \(quay2\)/);
  });

  it('a signed-out official leaves the counter free; takeOver is a boolean or a 400 in the error shape', async () => {
    const s = await server();
    const first = await login(s, 'quay1', 'quay-1');
    expect((await first.c.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await login(s, 'quay2', 'quay-1')).r.status).toBe(200);
    const bad = await login(s, 'quay2', 'quay-2', { takeOver: 'yes' });
    expect(bad.r.status).toBe(400);
    expect(bad.r.body.error.code).toBe('bad_request');
  });
});
