// Issue 13.1: accounts outside demo mode, over the API. An admin adds, resets,
// disables and unlocks accounts; everyone changes their own password; each
// change is in the audit log without the password; the sign-in follows at once.
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDemoConfig } from '@mot-cua/config';
import { buildApp, type App } from '../src/app.ts';
import { ApiClient } from '../../tests/support/api.ts';
import { startTestServer, testStore, type TestServer } from './harness.ts';

const open: { close(): Promise<unknown> }[] = [];
afterAll(async () => {
  for (const s of open) await s.close();
});

async function demoServer(dataDir?: string): Promise<TestServer> {
  const s = await startTestServer({ dataDir });
  open.push(s);
  return s;
}

/** A production start (DEMO=0) in-process, with its log lines kept. */
async function productionServer(dataDir: string): Promise<{ built: App; url: string; lines: () => string[]; client: () => ApiClient; close(): Promise<void> }> {
  let log = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      log += chunk.toString();
      done();
    },
  });
  const built = await buildApp({ config: loadDemoConfig(), dataDir, demo: false, enforceHours: false, logger: { level: 'info', stream }, store: testStore(dataDir) });
  const url = await built.app.listen({ port: 0, host: '127.0.0.1' });
  const s = { built, url, lines: () => log.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { msg: string }).msg), client: () => new ApiClient(url), close: () => built.app.close() };
  open.push(s);
  return s;
}

const GOOD = 'mật-khẩu-đủ-dài-1';

describe('admin accounts API', () => {
  it('an official with no list of counters signs in at their own counter and the priority counters only (issue 14.8)', async () => {
    const s = await demoServer();
    // quay2 sits at quay-2; quay-1 is the demo centre's priority counter
    for (const [counterId, status] of [['quay-2', 200], ['quay-1', 200], ['quay-4', 403]] as const) {
      const r = await s.client().post<{ error?: { code: string } }>('/api/v1/auth/login', { username: 'quay2', password: 'demo', counterId });
      expect(r.status, counterId).toBe(status);
      if (status === 403) expect(r.body.error?.code).toBe('counter_not_allowed');
    }
    // a manager may still open any counter
    expect((await s.client().post('/api/v1/auth/login', { username: 'quanly', password: 'demo', counterId: 'quay-4' })).status).toBe(200);
  });

  it('an admin adds an official who can sign in at once, only at the counters given; the list and the audit never show a password', async () => {
    const s = await demoServer();
    const admin = s.client();
    await admin.login('admin');
    const made = await admin.post<{ user: Record<string, unknown> }>('/api/v1/admin/users', { username: 'Lan.Nguyen', password: GOOD, role: 'staff', fullName: 'Nguyễn Thị Lan', counterIds: ['quay-3', 'quay-4'] });
    expect(made.status).toBe(201);
    expect(made.body.user).toEqual({ username: 'lan.nguyen', fullName: 'Nguyễn Thị Lan', title: '', role: 'staff', counterId: 'quay-3', counterIds: ['quay-3', 'quay-4'], disabled: false });
    // The counters show the new official's name: the sign-in service's copy in memory has them.
    expect(s.ctx.auth.user('lan.nguyen')?.fullName).toBe('Nguyễn Thị Lan');

    const lan = s.client();
    const ok = await lan.post('/api/v1/auth/login', { username: 'lan.nguyen', password: GOOD, counterId: 'quay-4' });
    expect(ok.status).toBe(200);
    const elsewhere = await s.client().post('/api/v1/auth/login', { username: 'lan.nguyen', password: GOOD, counterId: 'quay-1' });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body).toEqual({ error: { code: 'counter_not_allowed', message: expect.stringMatching(/^Tài khoản này không được làm việc tại quầy "quay-1"/) } });
    // Without a counter: the first allowed one.
    const dflt = await s.client().post<{ user: { counterId: string } }>('/api/v1/auth/login', { username: 'lan.nguyen', password: GOOD });
    expect(dflt.body.user.counterId).toBe('quay-3');

    const list = await admin.get<{ users: { username: string }[] }>('/api/v1/admin/users');
    expect(list.status).toBe(200);
    expect(list.body.users.map((u) => u.username)).toContain('lan.nguyen');
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|passwordHash|password/);

    const taken = await admin.post('/api/v1/admin/users', { username: 'lan.nguyen', password: GOOD, role: 'staff', fullName: 'X' });
    expect(taken.status).toBe(409);
    expect((await admin.post('/api/v1/admin/users', { username: 'x1', password: GOOD, role: 'staff', fullName: 'X', counterIds: ['quay-99'] })).status).toBe(400);

    const audit = await admin.get<{ entries: { actor: string; action: string; target: string | null }[] }>('/api/v1/audit');
    expect(audit.body.entries.find((e) => e.action === 'user.create')).toMatchObject({ actor: 'admin', target: 'lan.nguyen' });
    expect(JSON.stringify(audit.body)).not.toContain(GOOD);
  });

  it('refuses a short password with a Vietnamese-first message, and bad bodies with 400, never 500', async () => {
    const s = await demoServer();
    const admin = s.client();
    await admin.login('admin');
    const short = await admin.post('/api/v1/admin/users', { username: 'ngan', password: 'ngắn', role: 'staff', fullName: 'Ngân' });
    expect(short.status).toBe(400);
    expect(short.body).toEqual({ error: { code: 'password_too_short', message: 'Mật khẩu phải có ít nhất 10 ký tự / the password must have at least 10 characters' } });
    for (const body of [
      { username: 'ngan', password: GOOD, role: 'root', fullName: 'Ngân' },
      { username: 'ngan', password: GOOD, role: 'staff' },
      { username: 'ngan', password: GOOD, role: 'staff', fullName: 'Ngân', passwordHash: 'x' },
      { username: 'ngân', password: GOOD, role: 'staff', fullName: 'Ngân' },
      { username: 'ngan', password: GOOD, role: 'staff', fullName: 'Ngân', counterIds: 'quay-1' },
      [],
    ]) {
      const res = await admin.post('/api/v1/admin/users', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await admin.post('/api/v1/admin/users/quay1/password', { password: 'short' })).status).toBe(400);
    expect((await admin.post('/api/v1/admin/users/quay1/password', {})).status).toBe(400);
    expect((await admin.post('/api/v1/admin/users/nobody/password', { password: GOOD })).status).toBe(404);
    const quay1 = s.client();
    await quay1.login('quay1', 'quay-1');
    expect((await quay1.post('/api/v1/auth/password', { currentPassword: 'demo', newPassword: 'short' })).status).toBe(400);
    expect((await quay1.post('/api/v1/auth/password', { currentPassword: 'demo' })).status).toBe(400);
  });

  it('one’s own password: the current one is checked, the new one works at once and the old one stops', async () => {
    const s = await demoServer();
    const me = s.client();
    await me.login('quanly');
    const wrong = await me.post('/api/v1/auth/password', { currentPassword: 'not-demo', newPassword: GOOD });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ error: { code: 'wrong_password', message: expect.stringMatching(/^Mật khẩu hiện tại không đúng/) } });
    expect((await me.post('/api/v1/auth/password', { currentPassword: 'demo', newPassword: GOOD })).status).toBe(204);
    expect((await s.client().post('/api/v1/auth/login', { username: 'quanly', password: 'demo' })).status).toBe(401);
    expect((await s.client().post('/api/v1/auth/login', { username: 'quanly', password: GOOD })).status).toBe(200);
    // Anonymous callers are refused.
    expect((await s.client().post('/api/v1/auth/password', { currentPassword: 'demo', newPassword: GOOD })).status).toBe(401);
    const admin = s.client();
    await admin.login('admin');
    const audit = await admin.get<{ entries: { actor: string; action: string }[] }>('/api/v1/audit');
    expect(audit.body.entries.find((e) => e.action === 'user.password.own')).toMatchObject({ actor: 'quanly' });
    expect(JSON.stringify(audit.body)).not.toContain(GOOD);
  });

  it('an admin reset ends the account’s sessions; a disabled account loses its session and cannot sign in', async () => {
    const s = await demoServer();
    const admin = s.client();
    await admin.login('admin');
    const quay2 = s.client();
    await quay2.login('quay2', 'quay-2');
    expect((await admin.post('/api/v1/admin/users/quay2/password', { password: GOOD })).status).toBe(204);
    expect((await quay2.get('/api/v1/auth/me')).status).toBe(401);
    await quay2.login('quay2', 'quay-2', GOOD);
    expect((await admin.post('/api/v1/admin/users/quay2/disable')).status).toBe(204);
    expect((await quay2.get('/api/v1/auth/me')).status).toBe(401);
    const refused = await s.client().post('/api/v1/auth/login', { username: 'quay2', password: GOOD, counterId: 'quay-2' });
    expect(refused.status).toBe(401);
    expect((refused.body as { error: { code: string } }).error.code).toBe('bad_credentials');
    expect((await admin.get<{ users: { username: string; disabled: boolean }[] }>('/api/v1/admin/users')).body.users.find((u) => u.username === 'quay2')?.disabled).toBe(true);
    // An admin cannot disable the account they use.
    expect((await admin.post('/api/v1/admin/users/admin/disable')).status).toBe(409);
    expect((await admin.post('/api/v1/admin/users/nobody/disable')).status).toBe(404);
    const actions = (await admin.get<{ entries: { action: string; target: string }[] }>('/api/v1/audit')).body.entries.filter((e) => e.target === 'quay2').map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.password', 'user.disable']));
  });

  it('staff and managers cannot reach the account routes', async () => {
    const s = await demoServer();
    const manager = s.client();
    await manager.login('quanly');
    expect((await manager.get('/api/v1/admin/users')).status).toBe(403);
    expect((await manager.post('/api/v1/admin/users', { username: 'ngan', password: GOOD, role: 'admin', fullName: 'Ngân' })).status).toBe(403);
    expect((await manager.post('/api/v1/admin/users/admin/password', { password: GOOD })).status).toBe(403);
  });
});

describe('production start (DEMO=0)', () => {
  it('on an empty folder makes no account and says once how to make the first admin', async () => {
    const { mkdtempSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-prod-'));
    const p = await productionServer(dir);
    expect(p.built.ctx.auth.allUsers()).toEqual([]);
    const hints = p.lines().filter((l) => l.includes('npm run user -- add admin --role admin'));
    expect(hints).toHaveLength(1);
    expect(p.lines().some((l) => l.includes('demo'))).toBe(false);
    expect((await p.client().post('/api/v1/auth/login', { username: 'admin', password: 'demo' })).status).toBe(401);
  });

  it('on a folder that once ran in demo mode refuses the demo password and the demo device tokens, and says so once', async () => {
    const demo = await demoServer();
    const dir = demo.dataDir;
    const admin = demo.client();
    await admin.login('admin');
    // One account got a real password while in demo mode: it keeps working.
    expect((await admin.post('/api/v1/admin/users/quay5/password', { password: GOOD })).status).toBe(204);
    expect((await demo.client({ authorization: 'Bearer demo-kiosk-1' }).get('/api/v1/center')).status).toBe(200);
    await demo.close();

    const p = await productionServer(dir);
    expect(p.lines().filter((l) => l.includes('chế độ demo'))).toHaveLength(1);
    expect(p.lines().some((l) => l.includes('npm run user -- add admin'))).toBe(false);
    for (const [username, counterId] of [['admin', undefined], ['quanly', undefined], ['quay1', 'quay-1']]) {
      const res = await p.client().post('/api/v1/auth/login', { username, password: 'demo', ...(counterId ? { counterId } : {}) });
      expect(res.status, username).toBe(401);
      expect((res.body as { error: { code: string } }).error.code).toBe('bad_credentials');
    }
    expect((await p.client().post('/api/v1/auth/login', { username: 'quay5', password: GOOD, counterId: 'quay-5' })).status).toBe(200);
    const kiosk = await p.client().req('GET', '/api/v1/center', undefined, { authorization: 'Bearer demo-kiosk-1' });
    expect(kiosk.status).toBe(401);
    expect((kiosk.body as { error: { code: string } }).error.code).toBe('bad_device_token');
  });
});
