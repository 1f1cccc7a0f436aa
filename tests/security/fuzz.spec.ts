// Issue 7, point 4: every route in the OpenAPI list, hammered with random and hostile
// bodies, paths, queries and headers, as anyone, staff, a manager, an admin and a device.
// Never a 5xx, every 4xx in the contract's shape, and the server still up at the end.
// FUZZ_RUNS scales the runs per route (default 40), FUZZ_SEED replays another draw.
import { afterAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import fc from 'fast-check';
import { startTestServer } from '../../queue-server/test/harness.ts';
import { ApiClient } from '../support/api.ts';
import { loadRoutes, fillPath, pathParams, routeName, type Route } from './routes.ts';
import { bodyFor, headersFor, queryFor, HOSTILE_BODIES, HOSTILE_PATH_VALUES, encode, type Body, type Credentials } from './hostile.ts';
import { contractViolation, type Answer } from './contract.ts';
import { firstFreeSlot } from '../support/dates.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261107);

const server = await startTestServer();
afterAll(() => server.close());
const routes = await loadRoutes(server.url);

async function session(username: string, counterId?: string): Promise<Credentials> {
  const c = server.client();
  await c.login(username, counterId);
  return { sid: c.cookie('sid')!, csrf: c.cookie('csrf')! };
}
const staff = await session('quay2', 'quay-2');
const manager = await session('quanly');
const admin = await session('admin');

// Real ids, so a share of the requests reach the handlers, not just validation.
const api = new ApiClient(server.url);
const issued = await api.post<{ id: string; number: string }>('/api/v1/tickets', { serviceId: 'ho-tich' });
const slot = await firstFreeSlot(api, 'ho-tich');
const booking = await api.post<{ code: string }>('/api/v1/bookings', { serviceId: 'ho-tich', ...slot, fullName: 'Trần Thị Bình', phone: '0912345678' });
const VALID: Record<string, string[]> = {
  id: [issued.body.id, 'T0000000000'],
  number: [issued.body.number, 'A001'],
  code: [booking.body.code ?? 'ABCDEF', '1.001193', '261101-HT01-0001', '261104-XD04-0004'],
  counterId: ['quay-2', 'quay-1', 'quay-9'],
  // Not the kiosk and keypad the fuzz signs in as: an admin draw may revoke these.
  deviceId: ['keypad-5', 'board-1', 'nope'],
  // Not the accounts the fuzz signs in as: an admin draw may reset or disable these.
  username: ['quay5', 'nobody', 'QUAY6'],
};

type Who = 'anonymous' | 'staff' | 'manager' | 'admin' | 'kiosk' | 'keypad';
const WHO: Who[] = ['anonymous', 'staff', 'manager', 'admin', 'kiosk', 'keypad'];
function identity(who: Who, route: Route): Record<string, string> {
  // A valid cookie on logout would end the session the rest of the fuzz relies on.
  if (route.path.endsWith('/auth/logout')) return {};
  const cookie = (c: Credentials) => ({ cookie: `sid=${c.sid}; csrf=${c.csrf}`, 'x-csrf-token': c.csrf });
  switch (who) {
    case 'staff':
      return cookie(staff);
    case 'manager':
      return cookie(manager);
    case 'admin':
      return cookie(admin);
    case 'kiosk':
      return { authorization: 'Bearer demo-kiosk-1' };
    case 'keypad':
      return { authorization: 'Bearer demo-keypad-2' };
    default:
      return {};
  }
}

interface Attempt {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Body;
}

/** Status classes seen per route, printed at the end so a run shows how deep it went. */
const seen = new Map<string, Record<string, number>>();
function tally(route: string, status: number) {
  const row = seen.get(route) ?? {};
  const k = status === 400 ? '400' : `${Math.floor(status / 100)}xx`;
  row[k] = (row[k] ?? 0) + 1;
  seen.set(route, row);
}

async function send(a: Attempt): Promise<Answer> {
  const hasBody = a.body !== undefined && a.method !== 'GET' && a.method !== 'HEAD';
  try {
    const res = await fetch(server.url + a.url, { method: a.method, headers: a.headers, body: hasBody ? a.body : undefined, redirect: 'manual' });
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: a.method === 'HEAD' ? '' : await res.text() };
  } catch (e) {
    return { status: 599, contentType: '', text: `no answer: ${(e as Error).message} ${String((e as { cause?: unknown }).cause ?? '')}` };
  }
}

/** One request written byte for byte; resolves with whatever came back before the socket closed. */
function rawRequest(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => resolve(Buffer.concat(chunks).toString('latin1'));
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('close', done);
    socket.on('error', done);
    socket.setTimeout(5000, () => socket.destroy());
    socket.write(bytes);
    // Half-close after a moment, so a server waiting for more body answers or drops us.
    setTimeout(() => socket.end(), 300);
  });
}

const describeAttempt = (a: Attempt) => {
  const body = a.body instanceof Uint8Array ? `<${a.body.length} bytes>` : a.body === undefined ? '<none>' : a.body.length > 300 ? `${a.body.slice(0, 300)}…<${a.body.length} chars>` : a.body;
  const headers = Object.fromEntries(Object.entries(a.headers).map(([k, v]) => [k, v.length > 120 ? `${v.slice(0, 60)}…<${v.length} chars>` : v]));
  return `${a.method} ${a.url.length > 300 ? a.url.slice(0, 300) + '…' : a.url}\nheaders: ${JSON.stringify(headers)}\nbody: ${body}`;
};

/** The answer keeps the contract (a HEAD has no body to check). */
function check(a: Attempt, ans: Answer): void {
  if (a.method === 'HEAD' && ans.status < 500) return;
  const why = contractViolation(ans);
  if (why) throw new Error(`${why}\n${describeAttempt(a)}`);
}

function attemptFor(route: Route): fc.Arbitrary<Attempt> {
  const names = pathParams(route);
  const pathValue = (name: string) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...(VALID[name] ?? ['x'])) },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_PATH_VALUES) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map(encode) },
    );
  const params = fc.record(Object.fromEntries(names.map((n) => [n, pathValue(n)])));
  const query = queryFor(route.params.filter((p) => p.in === 'query'));
  const method = fc.oneof({ weight: 8, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS') });
  const headers = fc.oneof({ weight: 2, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: headersFor(staff) });
  return fc.record({ who: fc.constantFrom(...WHO), params, query, method, headers, body: bodyFor(route.body) }).map((r) => {
    const base = identity(r.who, route);
    const hostile = r.headers as Record<string, string>;
    const headers: Record<string, string> = { 'content-type': 'application/json', ...base, ...hostile };
    return { method: r.method, url: fillPath(route, r.params) + r.query, headers, body: r.body };
  });
}

describe('fuzz: every route, random and hostile input', () => {
  it('the route list is the real one', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(issued.status).toBe(201);
    expect(booking.status).toBe(201);
  });

  for (const route of routes) {
    it(`random input: ${routeName(route)}`, async () => {
      // fc.check, not fc.assert: the failing request is reported short, not as a 40 KB dump.
      const run = await fc.check(
        fc.asyncProperty(attemptFor(route), async (a) => {
          const ans = await send(a);
          tally(routeName(route), ans.status);
          check(a, ans);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      if (run.failed) throw new Error(`seed ${run.seed}, path ${run.counterexamplePath}: ${(run.errorInstance as Error).message}`);
    });
  }

  it('every hostile body on every route, as staff and as nobody', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const params = Object.fromEntries(pathParams(route).map((n) => [n, VALID[n]![0]!]));
      const method = route.method === 'GET' ? 'POST' : route.method;
      // Every body once per route, half of them as staff, half as nobody; one route at a time, its bodies at once.
      await Promise.all(
        Object.values(HOSTILE_BODIES).map(async (body, i) => {
          const who = i % 2 === 0 ? 'staff' : 'anonymous';
          const a: Attempt = { method, url: fillPath(route, params), headers: { 'content-type': 'application/json', ...identity(who, route) }, body };
          try {
            check(a, await send(a));
          } catch (e) {
            failures.push((e as Error).message);
          }
        }),
      );
    }
    expect(failures.slice(0, 5).join('\n\n')).toBe('');
  });

  it('malformed HTTP on a raw socket: refused with a 4xx, never a 5xx or a hang', async () => {
    const port = Number(new URL(server.url).port);
    const head = (path: string, headers = '') => `${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}\r\n`;
    const json = 'Content-Type: application/json\r\n';
    // Answered by Node's parser or Fastify's client-error path before any route runs.
    const parserLevel: Record<string, Buffer> = {
      'NUL in the path': Buffer.from(head('GET /api/v1/tickets/a\x00b'), 'latin1'),
      'invalid UTF-8 in the path': Buffer.concat([Buffer.from('GET /api/v1/tickets/'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')]),
      'NUL in a header': Buffer.from(head('GET /api/v1/health', 'X-A: a\x00b\r\n'), 'latin1'),
      'headers over 16 KiB': Buffer.from(head('GET /api/v1/health', `X-A: ${'a'.repeat(20_000)}\r\n`)),
      'content-length shorter than the body': Buffer.from(head('POST /api/v1/tickets', `${json}Content-Length: 5\r\n`) + '{"serviceId":"ho-tich"}'),
      'content-length and chunked together': Buffer.from(head('POST /api/v1/tickets', `${json}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n`) + '0\r\n\r\n'),
      'a bad chunk size': Buffer.from(head('POST /api/v1/tickets', `${json}Transfer-Encoding: chunked\r\n`) + 'zz\r\nabc\r\n0\r\n\r\n'),
      'TLS bytes on the HTTP port': Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]),
      'an unknown method': Buffer.from(head('FOO /api/v1/health')),
    };
    // These reach the app.
    const appLevel: Record<string, Buffer> = {
      'invalid UTF-8 in a bearer token': Buffer.concat([Buffer.from('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer '), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('\r\n\r\n')]),
      'a chunked body over the limit': Buffer.from(head('POST /api/v1/tickets', `${json}Transfer-Encoding: chunked\r\n`) + `${(20_000).toString(16)}\r\n${'a'.repeat(20_000)}\r\n0\r\n\r\n`),
      'a huge content-length': Buffer.from(head('POST /api/v1/tickets', `${json}Content-Length: 99999999\r\n`) + '{'),
      'OPTIONS *': Buffer.from('OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n'),
    };
    const failures: string[] = [];
    for (const [name, bytes] of [...Object.entries(parserLevel), ...Object.entries(appLevel)]) {
      const reply = await rawRequest(port, bytes);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0);
      if (status < 400 || status >= 500) {
        failures.push(`${name}: ${reply.slice(0, 120) || '<no answer>'}`);
        continue;
      }
      const [headers = '', ...rest] = reply.split('\r\n\r\n');
      const ans = { status, contentType: /content-type: ([^\r]*)/i.exec(headers)?.[1] ?? '', text: Buffer.from(rest.join('\r\n\r\n'), 'latin1').toString('utf8') };
      const why = contractViolation(ans);
      if (why) failures.push(`${name}: ${why}`);
    }
    expect(failures).toEqual([]);
  });

  it('afterwards: still up, nothing polluted, still issuing tickets', async () => {
    const health = await api.get<{ status: string }>('/api/v1/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    const t = await api.post<{ number: string }>('/api/v1/tickets', { serviceId: 'ho-tich' });
    expect(t.status).toBe(201);

    console.table(Object.fromEntries([...seen].map(([route, counts]) => [route, counts])));
    const all = [...seen.values()];
    // The draw must get past validation and the guards, or it proves little.
    expect(all.filter((c) => (c['2xx'] ?? 0) > 0).length).toBeGreaterThan(routes.length / 4);
    expect(all.filter((c) => (c['4xx'] ?? 0) > 0).length).toBeGreaterThan(routes.length / 2);
  });
});
