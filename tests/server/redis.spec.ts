// Several queue-servers of one centre on one Redis (REDIS_URL): a call made
// through one server reaches a board connected to another, and a server of
// another centre on the same Redis never sees it (rooms and keys per centre).
import { afterAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { startServer, type RunningServer } from '../support/server.ts';
import { ApiClient } from '../support/api.ts';
import { testRedisUrl } from '../support/redis.ts';

const servers: RunningServer[] = [];
const sockets: Socket[] = [];
afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all(servers.map((s) => s.stop()));
});

const KIOSK = { authorization: 'Bearer demo-kiosk-1' };
interface Call {
  call: { ticketId: string; number: string; counterNumber: number };
}

function board(url: string, batch: boolean): { socket: Socket; calls: string[]; ready: Promise<void> } {
  const socket = io(url, { transports: ['websocket'], auth: batch ? { batch: 1 } : {} });
  sockets.push(socket);
  const calls: string[] = [];
  socket.on('ticket.called', (e: Call) => calls.push(e.call.ticketId));
  const ready = new Promise<void>((resolve) => socket.once('state', () => resolve()));
  return { socket, calls, ready };
}
const until = async (cond: () => boolean, what: string, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('several servers on one Redis', () => {
  it('a call through one server reaches boards on another; another centre on the same Redis sees none of it', async () => {
    const redis = testRedisUrl();
    const [a, b, other] = await Promise.all([
      startServer({ env: { REDIS_URL: redis } }),
      startServer({ env: { REDIS_URL: redis } }),
      startServer({ env: { REDIS_URL: redis, CENTER_ID: 'trung-tam-khac' } }),
    ]);
    servers.push(a, b, other);
    const onB = board(b.url, false);
    const onBBatch = board(b.url, true);
    const onOther = board(other.url, false);
    await Promise.all([onB.ready, onBBatch.ready, onOther.ready]);
    const batchedIssued: string[] = [];
    onBBatch.socket.on('batch', (e: { events: [string, { ticket?: { id: string } }][] }) => {
      for (const [name, p] of e.events) if (name === 'ticket.issued' && p.ticket) batchedIssued.push(p.ticket.id);
    });

    const staff = new ApiClient(a.url);
    await staff.login('quay2', 'quay-2');
    const t = await staff.post<{ id: string; number: string }>('/api/v1/tickets', { serviceId: 'ho-tich' }, KIOSK);
    expect(t.status).toBe(201);
    const called = await staff.post<{ ticket: { number: string } }>('/api/v1/counters/quay-2/call-next');
    expect(called.status).toBe(200);
    const id = t.body.id;
    await until(() => onB.calls.includes(id), `the call of ${t.body.number} on the board connected to the other server`);
    await until(() => onBBatch.calls.includes(id) && batchedIssued.includes(id), `the batched board on the other server`);

    // The other centre's own call reaches its board; by then the first centre's never did.
    const otherStaff = new ApiClient(other.url);
    await otherStaff.login('quay2', 'quay-2');
    const t2 = await otherStaff.post<{ id: string; number: string }>('/api/v1/tickets', { serviceId: 'ho-tich' }, KIOSK);
    expect(t2.status).toBe(201);
    expect((await otherStaff.post('/api/v1/counters/quay-2/call-next')).status).toBe(200);
    await until(() => onOther.calls.includes(t2.body.id), 'the other centre\'s call on its own board');
    expect(onOther.calls).toEqual([t2.body.id]);
    expect(onB.calls).not.toContain(t2.body.id);
  });

  it('rate limits count over every server of the centre: sign-ins spread over two servers run out at the one allowance (20 a minute)', async () => {
    const [a, b] = servers;
    // One sign-in went to the first server above; spread the rest over both until one says 429.
    const statuses: number[] = [];
    for (let i = 0; i < 45 && !statuses.includes(429); i++) {
      const r = await new ApiClient(i % 2 ? b!.url : a!.url).post('/api/v1/auth/login', { username: 'quay2', password: 'sai-mat-khau' });
      statuses.push(r.status);
    }
    // Per process, each server would let 20 through (about 39 in all); shared, 19 after the one above.
    expect(statuses.filter((s) => s !== 429)).toHaveLength(19);
    expect(statuses.at(-1)).toBe(429);
    for (const s of [a!, b!]) expect((await new ApiClient(s.url).post('/api/v1/auth/login', { username: 'quay2', password: 'demo', counterId: 'quay-2' })).status).toBe(429);
  });
});
