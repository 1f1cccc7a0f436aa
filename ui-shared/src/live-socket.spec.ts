import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveSocket, RETRY, retryDelay } from './live-socket.ts';

/** A socket.io server like the queue-server's realtime: a numbered `state` snapshot on every connect. */
async function startRealtime(port = 0): Promise<{ io: Server; http: HttpServer; port: number; snapshots: () => number }> {
  const http = createServer();
  const io = new Server(http, { path: '/socket.io', serveClient: false });
  let snapshots = 0;
  io.on('connection', (s) => {
    s.emit('state', { n: ++snapshots });
    s.on('state.request', () => s.emit('state', { n: ++snapshots }));
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  return { io, http, port: (http.address() as AddressInfo).port, snapshots: () => snapshots };
}

/** What the queue-server does on a graceful stop: drop every client, then close. */
async function stopGracefully(rt: { io: Server; http: HttpServer }): Promise<void> {
  rt.io.disconnectSockets(true);
  rt.io.engine.close();
  await new Promise<void>((resolve) => rt.http.close(() => resolve()));
}

const until = async (what: () => boolean, ms = 8000): Promise<void> => {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

const open: LiveSocket[] = [];
const servers: { io: Server; http: HttpServer }[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) s.close();
  for (const s of servers.splice(0)) if (s.http.listening) await stopGracefully(s);
});

function follow(port: number) {
  const seen: { states: number[]; connection: boolean[] } = { states: [], connection: [] };
  const live = new LiveSocket({ url: `http://127.0.0.1:${port}`, onConnection: (c) => seen.connection.push(c) });
  live.on<{ n: number }>('state', (st) => seen.states.push(st.n));
  open.push(live);
  return { live, seen };
}

describe('LiveSocket', () => {
  it('asks again after the server drops it, and takes the fresh snapshot', async () => {
    const rt = await startRealtime();
    servers.push(rt);
    const { seen } = follow(rt.port);
    await until(() => seen.states.length === 1);
    rt.io.disconnectSockets(true);
    await until(() => seen.states.length === 2);
    expect(seen.states).toEqual([1, 2]);
    expect(seen.connection).toEqual([true, false, true]);
  });

  it('follows a graceful restart on the same port', async () => {
    const first = await startRealtime();
    const { seen } = follow(first.port);
    await until(() => seen.states.length === 1);
    await stopGracefully(first);
    await until(() => seen.connection.length === 2);
    // down for longer than the first pauses: the attempts made meanwhile fail and are retried
    await new Promise((r) => setTimeout(r, RETRY.maxMs));
    const second = await startRealtime(first.port);
    servers.push(second);
    await until(() => seen.states.length === 2);
    expect(second.snapshots()).toBe(1);
    expect(seen.connection.at(-1)).toBe(true);
  });

  it('asks for a snapshot on request', async () => {
    const rt = await startRealtime();
    servers.push(rt);
    const { live, seen } = follow(rt.port);
    await until(() => live.connected);
    live.requestState();
    await until(() => seen.states.length === 2);
    expect(seen.states).toEqual([1, 2]);
  });

  it('stays closed once closed, even when the server had just dropped it', async () => {
    const rt = await startRealtime();
    servers.push(rt);
    const { live, seen } = follow(rt.port);
    await until(() => seen.states.length === 1);
    rt.io.disconnectSockets(true);
    await until(() => seen.connection.length === 2);
    live.close();
    await new Promise((r) => setTimeout(r, retryDelay(0) + 500));
    expect(rt.snapshots()).toBe(1);
    expect(live.connected).toBe(false);
  });

  it('asks for gathered events and hands a batch to the listeners one event at a time, in order', async () => {
    const rt = await startRealtime();
    servers.push(rt);
    const auths: unknown[] = [];
    rt.io.on('connection', (s) => auths.push(s.handshake.auth));
    const live = new LiveSocket({ url: `http://127.0.0.1:${rt.port}`, token: 'demo-board-1' });
    open.push(live);
    const got: string[] = [];
    live.on<{ id: string }>('ticket.issued', (p) => got.push(`issued ${p.id}`));
    live.on<{ id: string }>('ticket.updated', (p) => got.push(`updated ${p.id}`));
    live.on<{ n: number }>('queue.changed', (p) => got.push(`queue ${p.n}`));
    live.on<{ id: string }>('ticket.updated', (p) => got.push(`second listener ${p.id}`));
    await until(() => live.connected);
    expect(auths).toEqual([{ token: 'demo-board-1', batch: 1 }]);
    const [server] = await rt.io.fetchSockets();
    server!.emit('batch', { events: [['ticket.issued', { id: 'b' }], 'not an event', ['nobody.listens', {}], ['ticket.updated', { id: 'b' }], ['queue.changed', { n: 2 }]] });
    await until(() => got.length === 4);
    expect(got).toEqual(['issued b', 'updated b', 'second listener b', 'queue 2']);
  });

  it('pauses longer after each drop, up to the cap', () => {
    expect([0, 1, 2, 3, 10].map(retryDelay)).toEqual([RETRY.firstMs, RETRY.firstMs * 2, RETRY.maxMs, RETRY.maxMs, RETRY.maxMs]);
  });
});
