// Issue 7, point 5 and issue 14, point 1: sign-in is rate limited per client, and
// wrong passwords slow down one (username, source address) pair, never the account:
// a failing address never shuts the right password out from another address. Unknown
// user, wrong password and a throttled pair get one identical answer. The requests
// leave from distinct loopback addresses (127.0.0.2, 127.0.0.3 …), so the server
// sees real different sources.
import http from 'node:http';
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

interface Answer {
  status: number;
  body: unknown;
  /** The headers a client could tell answers apart by (not the date, length or rate-limit counters). */
  headers: Record<string, string | string[] | undefined>;
}

/** A sign-in sent from a given local address. */
function loginFrom(s: TestServer, localAddress: string, body: Record<string, string>): Promise<Answer> {
  const url = new URL('/api/v1/auth/login', s.url);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          const { date: _d, 'content-length': _l, connection: _c, 'keep-alive': _k, ...rest } = res.headers;
          const headers = Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith('x-ratelimit')));
          resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null, headers });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const WRONG = 'sai-mat-khau-7';

describe('login', () => {
  it('failures from one address slow that address down, never the right password from another, until an admin unlocks', async () => {
    let clock = Date.parse('2026-11-23T02:00:00Z');
    const s = await start(() => clock);
    const attacker = '127.0.0.2';
    const official = '127.0.0.3';

    const wrong = await loginFrom(s, attacker, { username: 'quay3', password: WRONG, counterId: 'quay-3' });
    expect(wrong.status).toBe(401);
    expect(codeOf(wrong.body)).toBe('bad_credentials');
    // Far more failures than the old lock allowed (5), all with the same answer.
    for (let i = 0; i < 12; i++) expect(await loginFrom(s, attacker, { username: 'quay3', password: WRONG, counterId: 'quay-3' })).toEqual(wrong);

    // From the attacker's address even the right password is held back now, with the very same answer…
    expect(await loginFrom(s, attacker, { username: 'quay3', password: 'demo', counterId: 'quay-3' })).toEqual(wrong);
    // …while the official at another address signs in at once, and again a minute later.
    expect((await loginFrom(s, official, { username: 'quay3', password: 'demo', counterId: 'quay-3' })).status).toBe(200);
    clock += 60_000;
    expect((await loginFrom(s, official, { username: 'quay3', password: 'demo', counterId: 'quay-3' })).status).toBe(200);
    // Another account from the attacker's address is not affected.
    expect((await loginFrom(s, attacker, { username: 'quay4', password: 'demo', counterId: 'quay-4' })).status).toBe(200);

    // The wait is capped: after 15 minutes the attacker's address may try again.
    clock += 15 * 60_000;
    expect((await loginFrom(s, attacker, { username: 'quay3', password: 'demo', counterId: 'quay-3' })).status).toBe(200);

    // Throttled from two more addresses (each under the route's 20-a-minute limit), then cleared by an admin for every address.
    const others = ['127.0.0.7', '127.0.0.8'];
    for (const a of others) for (let i = 0; i < 8; i++) await loginFrom(s, a, { username: 'quay3', password: WRONG, counterId: 'quay-3' });
    for (const a of others) expect((await loginFrom(s, a, { username: 'quay3', password: 'demo', counterId: 'quay-3' })).status).toBe(401);
    const admin = s.client();
    await admin.login('admin');
    expect((await admin.post('/api/v1/admin/users/quay3/unlock')).status).toBe(204);
    for (const a of others) expect((await loginFrom(s, a, { username: 'quay3', password: 'demo', counterId: 'quay-3' })).status).toBe(200);

    // Failures and throttling are in the audit log with the username and the address, never a password.
    const audit = (await admin.get<{ entries: { actor: string; action: string; detail: Record<string, unknown> }[] }>('/api/v1/audit')).body.entries;
    const from = (action: string, address: string) => audit.filter((e) => e.action === action && e.actor === 'quay3' && e.detail.address === address);
    // Five failures were checked; the tries while the pair waited were refused without looking at the password.
    expect(from('login.failed', attacker).length).toBe(5);
    expect(from('login.throttled', attacker).length).toBeGreaterThanOrEqual(1);
    expect(from('login.failed', official)).toEqual([]);
    expect(audit.find((e) => e.action === 'user.unlock')).toMatchObject({ actor: 'admin' });
    expect(JSON.stringify(audit)).not.toContain(WRONG);
    expect(JSON.stringify(audit)).not.toContain('"demo"');
  });

  it('gives one identical answer for an unknown user, a wrong password and a throttled pair', async () => {
    const s = await start();
    const unknown = await loginFrom(s, '127.0.0.4', { username: 'khong-co-ai', password: 'wrong' });
    const wrongPassword = await loginFrom(s, '127.0.0.4', { username: 'quanly', password: 'wrong' });
    for (let i = 0; i < 8; i++) await loginFrom(s, '127.0.0.5', { username: 'quanly', password: 'wrong' });
    const throttled = await loginFrom(s, '127.0.0.5', { username: 'quanly', password: 'demo' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual({ error: { code: 'bad_credentials', message: expect.stringMatching(/^Sai tên đăng nhập hoặc mật khẩu/) } });
    expect(wrongPassword).toEqual(unknown);
    expect(throttled).toEqual(unknown);
    // Unknown usernames are throttled like real ones: the back-off does not tell which exist.
    for (let i = 0; i < 8; i++) await loginFrom(s, '127.0.0.6', { username: 'khong-co-ai', password: 'wrong' });
    expect(await loginFrom(s, '127.0.0.6', { username: 'khong-co-ai', password: 'wrong' })).toEqual(unknown);
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
