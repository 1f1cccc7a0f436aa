// Issue 14, point 5: booking codes can be guessed. The look-up and the check-in are held
// back per source address (each test address is its own loopback address, 127.0.0.x, so
// one address's limit is seen not to touch another's); the look-up shows the name masked;
// the retention purge clears bookings' names and phone numbers. Real server, real sockets.
import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../queue-server/test/harness.ts';
import { firstFreeSlot } from '../support/dates.ts';

/** Lets the purge test move the server's clock past the retention. */
let offset = 0;
const server = await startTestServer({ now: () => Date.now() + offset });
afterAll(() => server.close());
const { port } = new URL(server.url);

interface Answer { status: number; body: { fullName?: string; error?: { code: string; message: string } } & Record<string, unknown> }

/** One request from a given local address (the limit is per source address). */
function from(localAddress: string, method: string, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, localAddress, headers: method === 'POST' ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Answer['body']) : {} }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

const anyone = server.client();
async function book(fullName: string) {
  const slot = await firstFreeSlot(anyone, 'ho-tich');
  const res = await anyone.post<{ code: string; fullName: string }>('/api/v1/bookings', { serviceId: 'ho-tich', ...slot, fullName, phone: '0912345678' });
  expect(res.status).toBe(201);
  return res.body;
}

/** Codes that exist nowhere (the alphabet has no 0 or 1). */
const wrongCode = (i: number) => `ZZ${String(i).padStart(4, '0').replaceAll('0', 'X').replaceAll('1', 'Y')}`;

describe('booking codes cannot be guessed', () => {
  it('the look-up shows the family name and initials only, never the phone number', async () => {
    const b = await book('Nguyễn Văn An');
    const res = await from('127.0.0.2', 'GET', `/api/v1/bookings/${b.code}`);
    expect(res.status).toBe(200);
    expect(res.body.fullName).toBe('Nguyễn V. A.');
    expect(JSON.stringify(res.body)).not.toMatch(/Văn|An"|0912345678/);
    const other = await book('Đặng Thị Ánh Tuyết');
    expect((await from('127.0.0.2', 'GET', `/api/v1/bookings/${other.code.toLowerCase()}`)).body.fullName).toBe('Đặng T. Á. T.');
  });

  for (const [route, method, path, addresses] of [
    ['the look-up', 'GET', (c: string) => `/api/v1/bookings/${c}`, ['127.0.0.3', '127.0.0.4']],
    ['the check-in', 'POST', (c: string) => `/api/v1/bookings/${c}/check-in`, ['127.0.0.5', '127.0.0.6']],
  ] as const) {
    it(`${route}: an address that keeps guessing is refused with 429, in the API's error shape, Vietnamese first; another address is not`, async () => {
      const [guesser, neighbour] = addresses;
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) statuses.push((await from(guesser, method, path(wrongCode(i)))).status);
      expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
      const refused = await from(guesser, method, path(wrongCode(99)));
      expect(refused.status).toBe(429);
      expect(refused.body.error?.code).toBe('rate_limited');
      expect(refused.body.error?.message).toMatch(/^Quá nhiều yêu cầu; hãy thử lại sau ít phút \/ too many requests/);
      // A right code from the guessing address is refused too: the limit does not tell hits from misses.
      const b = await book('Lê Thị Hoa');
      expect((await from(guesser, method, path(b.code))).status).toBe(429);
      expect((await from(neighbour, method, path(wrongCode(1)))).status).toBe(404);
    });
  }

  it('the retention purge clears bookings’ names and phone numbers', async () => {
    const b = await book('Phạm Minh Châu');
    expect(await server.ctx.store.reads.booking(b.code)).toMatchObject({ fullName: 'Phạm Minh Châu', phone: '0912345678' });
    // Past the booked time by more than the retention (demo centre: one day).
    offset = 10 * 86_400_000;
    await server.ctx.privacy.purge();
    expect(await server.ctx.store.reads.booking(b.code)).toMatchObject({ code: b.code, fullName: '', phone: '' });
    const raw = server.sqlite.db.prepare("SELECT COUNT(*) AS n FROM bookings WHERE full_name != '' OR phone != ''").get() as { n: number };
    expect(raw.n).toBe(0);
    offset = 0;
  });
});
