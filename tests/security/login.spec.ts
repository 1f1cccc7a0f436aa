// Issue 7, point 5: sign-in is rate limited per client and an account locks after
// repeated wrong passwords, then unlocks when the lock runs out.
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../queue-server/test/harness.ts';
import { isErrorShape } from './contract.ts';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function start(now?: () => number) {
  const s = await startTestServer({ now });
  servers.push(s);
  return s;
}

const login = (s: TestServer, username: string, password: string, counterId?: string) => s.client().post('/api/v1/auth/login', { username, password, ...(counterId ? { counterId } : {}) });
const codeOf = (body: unknown) => (isErrorShape(body) ? body.error.code : null);

describe('login', () => {
  it('locks an account after repeated wrong passwords, only that account, until the lock runs out', async () => {
    let clock = Date.parse('2026-11-23T02:00:00Z');
    const s = await start(() => clock);

    const first = await login(s, 'quay3', 'wrong', 'quay-3');
    expect(first.status).toBe(401);
    expect(codeOf(first.body)).toBe('bad_credentials');
    let locked = 0;
    for (let i = 2; i <= 10 && !locked; i++) {
      const res = await login(s, 'quay3', 'wrong', 'quay-3');
      expect(isErrorShape(res.body)).toBe(true);
      if (codeOf(res.body) === 'account_locked') locked = i;
      else expect(res.status).toBe(401);
    }
    // Locked after a handful of failures, not at the first one and not never.
    expect(locked).toBeGreaterThan(2);

    // The right password does not get through a lock.
    const right = await login(s, 'quay3', 'demo', 'quay-3');
    expect(right.status).toBe(403);
    expect(codeOf(right.body)).toBe('account_locked');
    expect((right.body as { error: { message: string } }).error.message).toMatch(/^Tài khoản tạm khoá/);

    // Another account is not affected.
    expect((await login(s, 'quay4', 'demo', 'quay-4')).status).toBe(200);

    // Still locked a minute later, open again after the lock (minutes, not days).
    clock += 60_000;
    expect((await login(s, 'quay3', 'demo', 'quay-3')).status).toBe(403);
    clock += 60 * 60_000;
    const again = await login(s, 'quay3', 'demo', 'quay-3');
    expect(again.status).toBe(200);
  });

  it('is rate limited per client: after many attempts a 429 in the contract’s shape, even for the right password', async () => {
    const s = await start();
    const statuses: number[] = [];
    let limited: { status: number; body: unknown; headers: Headers } | null = null;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await login(s, `nobody${i}`, 'wrong');
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(limited, `statuses: ${statuses.join(',')}`).not.toBeNull();
    // Many attempts first: a person mistyping a few times is never limited.
    expect(statuses.filter((x) => x === 401).length).toBeGreaterThanOrEqual(5);
    expect(limited!.body).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/^Quá nhiều yêu cầu/) } });
    expect(limited!.headers.get('retry-after')).toMatch(/^\d+$/);

    const right = await login(s, 'quay1', 'demo', 'quay-1');
    expect(right.status).toBe(429);
    // Only sign-in is limited: the rest of the API still answers this client.
    expect((await s.client().get('/api/v1/health')).status).toBe(200);
  });
});
