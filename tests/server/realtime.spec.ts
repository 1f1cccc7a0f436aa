// socket.io: a snapshot on connect, events as things happen, and a fresh,
// correct snapshot after the server restarts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { startServer, type RunningServer } from '../support/server.ts';
import { ApiClient } from '../support/api.ts';

let server: RunningServer;
/** Tickets come from the demo kiosk: without its token a number is a `mobile` one, limited per address. */
const KIOSK = { authorization: 'Bearer demo-kiosk-1' };
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.kill();
});

interface State {
  queue: { serviceId: string; waiting: number }[];
  counters: { id: string; number: number; status: string; currentTicket: { number: string } | null }[];
  recentCalls: { number: string; counterNumber: number; announcement?: string }[];
  waiting?: { number: string }[];
  stats?: { issued: number };
}

function connect(opts: Parameters<typeof io>[1] = {}): Socket {
  const s = io(server.url, { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 500, ...opts });
  sockets.push(s);
  return s;
}
const next = <T>(s: Socket, event: string, pred: (x: T) => boolean = () => true, ms = 10_000) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    const on = (x: T) => {
      if (!pred(x)) return;
      clearTimeout(timer);
      s.off(event, on);
      resolve(x);
    };
    s.on(event, on);
  });

describe('realtime', () => {
  it('snapshot on connect, then issued/called events with the spoken sentence', async () => {
    const board = connect();
    const first = await next<State>(board, 'state');
    expect(first.counters.length).toBe(6);
    expect(first.queue.find((q) => q.serviceId === 'ho-tich')?.waiting).toBe(0);
    expect(first.waiting).toBeUndefined();
    expect(first.stats).toBeUndefined();

    const api = new ApiClient(server.url);
    const issued = next<{ ticket: { number: string } }>(board, 'ticket.issued');
    const queued = next<{ queue: State['queue'] }>(board, 'queue.changed', (q) => q.queue.some((x) => x.serviceId === 'ho-tich' && x.waiting === 1));
    const t = (await api.post<{ number: string }>('/api/v1/tickets', { serviceId: 'ho-tich' }, KIOSK)).body;
    expect((await issued).ticket.number).toBe(t.number);
    await queued;

    const staff = new ApiClient(server.url);
    await staff.login('quay2', 'quay-2');
    const called = next<{ call: { number: string; counterNumber: number; announcement: string } }>(board, 'ticket.called');
    await staff.post('/api/v1/counters/quay-2/call-next');
    const c = (await called).call;
    expect(c).toMatchObject({ number: t.number, counterNumber: 2 });
    expect(c.announcement).toBe(`Mời công dân có số thứ tự ${t.number} đến quầy số 2`);
    const recalled = next<{ call: { number: string } }>(board, 'ticket.recalled');
    await staff.post(`/api/v1/counters/quay-2/current/recall`);
    expect((await recalled).call.number).toBe(t.number);
  });

  it('a call goes out at once; the ticket and counter changes that follow come after it, with their latest state', async () => {
    const board = connect();
    await next<State>(board, 'state');
    const api = new ApiClient(server.url);
    const settled = next(board, 'queue.changed');
    const t = (await api.post<{ id: string }>('/api/v1/tickets', { serviceId: 'chung-thuc' }, KIOSK)).body;
    const staff = new ApiClient(server.url);
    await staff.login('quay3', 'quay-3');
    await settled;
    const seen: string[] = [];
    board.on('ticket.called', (x: { call: { ticketId: string } }) => x.call.ticketId === t.id && seen.push('called'));
    board.on('ticket.updated', (x: { ticket: { id: string; status: string } }) => x.ticket.id === t.id && seen.push(`updated:${x.ticket.status}`));
    board.on('counter.updated', (x: { counter: { id: string } }) => x.counter.id === 'quay-3' && seen.push('counter'));
    const updated = next<{ ticket: { id: string; status: string } }>(board, 'ticket.updated', (x) => x.ticket.id === t.id);
    const counter = next<{ counter: { id: string; currentTicket: { number: string } | null } }>(board, 'counter.updated', (x) => x.counter.id === 'quay-3');
    await staff.post(`/api/v1/tickets/${t.id}/call`);
    expect((await updated).ticket.status).toBe('called');
    expect((await counter).counter.currentTicket).not.toBeNull();
    // The call itself came first, then what follows from it, once each.
    expect(seen).toEqual(['called', 'updated:called', 'counter']);

    // "Next" finishes the current ticket and calls another: the counter changed twice, and is sent once, as it ends up.
    const u = (await api.post<{ id: string; number: string }>('/api/v1/tickets', { serviceId: 'chung-thuc' }, KIOSK)).body;
    let counterUpdates = 0;
    board.on('counter.updated', (x: { counter: { id: string } }) => x.counter.id === 'quay-3' && counterUpdates++);
    const last = next<{ counter: { id: string; currentTicket: { number: string } | null } }>(board, 'counter.updated', (x) => x.counter.id === 'quay-3');
    const finished = next<{ ticket: { id: string; status: string } }>(board, 'ticket.updated', (x) => x.ticket.id === t.id);
    // The counter's update comes before the queue's, in the same batch; by then the old code had sent two.
    const queueAfter = next(board, 'queue.changed');
    await staff.post('/api/v1/counters/quay-3/call-next');
    expect((await finished).ticket.status).toBe('done');
    expect((await last).counter.currentTicket?.number).toBe(u.number);
    await queueAfter;
    expect(counterUpdates).toBe(1);
  });

  it('a screen that asks for batches gets what follows from changes as one packet, the new tickets in it with their latest state; a plain client still gets each event', async () => {
    type Batch = { events: [string, { ticket?: { id: string; status: string }; counter?: { id: string }; queue?: State['queue'] }][] };
    const screen = connect({ auth: { token: 'demo-board-1', batch: 1 } });
    const plain = connect({ auth: { token: 'demo-board-1' } });
    await Promise.all([next<State>(screen, 'state'), next<State>(plain, 'state')]);
    const alone = { screen: [] as string[], plain: [] as string[] };
    for (const ev of ['ticket.issued', 'ticket.updated', 'counter.updated', 'queue.changed']) {
      screen.on(ev, () => alone.screen.push(ev));
      plain.on(ev, () => alone.plain.push(ev));
    }
    const batches: Batch[] = [];
    screen.on('batch', (b: Batch) => batches.push(b));
    plain.on('batch', () => alone.plain.push('batch'));

    const staff = new ApiClient(server.url);
    await staff.login('quay4', 'quay-4');
    const api = new ApiClient(server.url);
    // Three tickets in one event-loop turn, then one called before the gathering leaves.
    const made = await Promise.all([0, 1, 2].map(() => api.post<{ id: string }>('/api/v1/tickets', { serviceId: 'xay-dung' }, KIOSK)));
    const ids = made.map((r) => r.body.id);
    const calledAlone = next<{ call: { ticketId: string } }>(screen, 'ticket.called');
    const called = ids[0]!;
    expect((await staff.post(`/api/v1/tickets/${called}/call`)).status).toBe(200);
    expect((await calledAlone).call.ticketId).toBe(called);
    const until = Date.now() + 10_000;
    const issuedIn = () => batches.flatMap((b) => b.events).filter(([n, p]) => n === 'ticket.issued' && ids.includes(p.ticket!.id));
    while (issuedIn().length < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));

    // The batch screen: every new ticket once, as issued, the called one with its latest state; each batch ends with the queue.
    expect(issuedIn().map(([, p]) => p.ticket!.id).sort()).toEqual([...ids].sort());
    const firstState = issuedIn().find(([, p]) => p.ticket!.id === called)![1].ticket!.status;
    const updatesOfCalled = batches.flatMap((b) => b.events).filter(([n, p]) => n === 'ticket.updated' && p.ticket?.id === called);
    // issued and called in one gathering: one event, `called`; in two: issued as waiting, then an update to called
    if (updatesOfCalled.length === 0) expect(firstState).toBe('called');
    else expect(updatesOfCalled.at(-1)![1].ticket!.status).toBe('called');
    for (const b of batches) expect(b.events.at(-1)![0]).toBe('queue.changed');
    expect(batches.flatMap((b) => b.events).some(([n, p]) => n === 'counter.updated' && p.counter?.id === 'quay-4')).toBe(true);
    expect(alone.screen).toEqual([]);
    // The plain client: each event alone, three issued at once, no batch.
    expect(alone.plain.filter((e) => e === 'ticket.issued').length).toBe(3);
    expect(alone.plain).toContain('ticket.updated');
    expect(alone.plain).toContain('queue.changed');
    expect(alone.plain).not.toContain('batch');
    await staff.post('/api/v1/counters/quay-4/current/finish');
  });

  it('staff see the waiting list; managers also get stats; a bad device token is refused', async () => {
    const api = new ApiClient(server.url);
    await api.post('/api/v1/tickets', { serviceId: 'dat-dai' }, KIOSK);
    const staff = new ApiClient(server.url);
    await staff.login('quay4', 'quay-4');
    const s1 = connect({ extraHeaders: { cookie: `sid=${staff.cookie('sid')}` } });
    const st = await next<State>(s1, 'state');
    expect(st.waiting?.length).toBeGreaterThan(0);
    expect(st.stats).toBeUndefined();
    const mgr = new ApiClient(server.url);
    await mgr.login('quanly');
    const s2 = connect({ extraHeaders: { cookie: `sid=${mgr.cookie('sid')}` } });
    const ms = await next<State>(s2, 'state');
    expect(ms.stats?.issued).toBeGreaterThan(0);
    const statsChanged = next<{ stats: { issued: number } }>(s2, 'stats.changed');
    await api.post('/api/v1/tickets', { serviceId: 'dat-dai' }, KIOSK);
    expect((await statsChanged).stats.issued).toBe(ms.stats!.issued + 1);

    const forged = connect({ auth: { token: 'not-a-real-token' }, reconnection: false });
    const err = await next<Error>(forged, 'connect_error');
    expect(err.message).toBe('bad_device_token');
    const board = connect({ auth: { token: 'demo-board-1' } });
    expect((await next<State>(board, 'state')).counters.length).toBe(6);
  });

  it('a client that reconnects after a SIGKILL and restart gets the right state', async () => {
    const board = connect();
    await next<State>(board, 'state');
    const staff = new ApiClient(server.url);
    await staff.login('quay5', 'quay-5');
    const api = new ApiClient(server.url);
    const t = (await api.post<{ number: string }>('/api/v1/tickets', { serviceId: 'lao-dong-xa-hoi' }, KIOSK)).body;
    await staff.post('/api/v1/counters/quay-5/call-next');

    const disconnected = next<string>(board, 'disconnect');
    await server.kill();
    await disconnected;
    await server.restart();
    const fresh = await next<State>(board, 'state', () => true, 20_000);
    expect(fresh.recentCalls[0]).toMatchObject({ number: t.number, counterNumber: 5 });
    expect(fresh.counters.find((c) => c.id === 'quay-5')?.currentTicket?.number).toBe(t.number);
  });

  it('a graceful stop does not wait for connected clients', async () => {
    const board = connect({ reconnection: false });
    await next<State>(board, 'state');
    const keepAlive = await fetch(`${server.url}/api/v1/health`, { keepalive: true });
    expect(keepAlive.status).toBe(200);
    const gone = next<string>(board, 'disconnect');
    await server.stop();
    expect(await gone).toBeTruthy();
  });
});
