// Signing in over a real SQLite file: one identical refusal for an unknown user, a wrong
// password and a throttled pair; an official signs in at a counter they may use; a session
// lasts until logout (and its end is announced); a folder once in demo mode refuses the demo
// password when it starts for real.
import { afterEach, describe, expect, it } from 'vitest';
import { SqlitePort } from '../store/index.ts';
import { AuthService, DEMO_PASSWORD } from './auth.service.ts';
import { openQueue, type QueueFixture } from './queue.fixture.ts';

let f: QueueFixture;
afterEach(() => f?.close());

async function auth(demo: boolean) {
  f = await openQueue();
  const port = new SqlitePort(f.store);
  const a = new AuthService(f.queue.centre.config, port, () => f.clock.now);
  return { port, a, notes: await a.start(demo) };
}

describe('AuthService', () => {
  it('demo mode: an official signs in at their counter, the session lasts until logout, whose end is told', async () => {
    const { a } = await auth(true);
    const { user, sessionId, csrf } = await a.login('quay2', DEMO_PASSWORD, 'quay-2');
    expect(user).toMatchObject({ username: 'quay2', role: 'staff', counterId: 'quay-2' });
    expect(csrf.length).toBeGreaterThan(20);
    expect((await a.session(sessionId))?.session.counterId).toBe('quay-2');
    const ended: (string | undefined)[] = [];
    a.onSessionEnded((e) => ended.push(e.sessionHash));
    await a.logout(sessionId);
    expect(await a.session(sessionId)).toBeNull();
    expect(ended).toHaveLength(1);
  });

  it('unknown user, wrong password and a counter not theirs: the first two the same 401, each audited without the password', async () => {
    const { a, port } = await auth(true);
    const refusals = await Promise.all([a.login('nobody', 'x', null, '127.0.0.9'), a.login('quay2', 'wrong-password', 'quay-2', '127.0.0.9')].map((p) => p.then(() => null, (e: { code: string; message: string }) => [e.code, e.message])));
    expect(refusals[0]).toEqual(refusals[1]);
    expect(refusals[0]![0]).toBe('bad_credentials');
    await expect(a.login('quay2', DEMO_PASSWORD, 'quay-4')).rejects.toThrow(expect.objectContaining({ code: 'counter_not_allowed' }));
    const failed = (await port.reads.audit()).filter((x) => x.action === 'login.failed');
    expect(failed.map((x) => x.detail.reason).sort()).toEqual(['unknown', 'wrong']);
    expect(JSON.stringify(failed)).not.toContain('wrong-password');
  });

  it('after five failures the pair waits, refused before the password is checked, while another address signs in', async () => {
    const { a } = await auth(true);
    for (let i = 0; i < 5; i++) await expect(a.login('quay3', 'sai-mat-khau', 'quay-3', '127.0.0.2')).rejects.toThrow(expect.objectContaining({ code: 'bad_credentials' }));
    await expect(a.login('quay3', DEMO_PASSWORD, 'quay-3', '127.0.0.2')).rejects.toThrow(expect.objectContaining({ code: 'bad_credentials' }));
    expect((await a.login('quay3', DEMO_PASSWORD, 'quay-3', '127.0.0.3')).user.username).toBe('quay3');
  });

  it('a folder once in demo mode, started for real, refuses the demo password and says so in one note', async () => {
    const { a } = await auth(true);
    expect((await a.login('quanly', DEMO_PASSWORD, null)).user.role).toBe('manager');
    const real = new AuthService(f.queue.centre.config, new SqlitePort(f.store), () => f.clock.now);
    const notes = await real.start(false);
    expect(notes.join('\n')).toMatch(/demo/i);
    await expect(real.login('quanly', DEMO_PASSWORD, null)).rejects.toThrow(expect.objectContaining({ code: 'bad_credentials' }));
  });
});
