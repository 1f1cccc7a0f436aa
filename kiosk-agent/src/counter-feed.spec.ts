import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { LedDisplaySimulator, SerialLedDisplay, memoryLine, type LedDisplay } from '@mot-cua/hardware';
import { CounterFeed } from './counter-feed.ts';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function until(pred: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('CounterFeed', () => {
  it('shows each counter’s current number from the realtime state, then follows calls and updates', async () => {
    const http = createServer();
    const ioServer = new Server(http);
    const tokens: unknown[] = [];
    ioServer.on('connection', (s) => {
      tokens.push(s.handshake.auth.token);
      s.emit('state', {
        counters: [
          { id: 'quay-1', number: 1, currentTicket: { id: 'a', number: '1001', serviceId: 'x' } },
          { id: 'quay-2', number: 2, currentTicket: null },
          { id: 'quay-9', number: 9, currentTicket: { id: 'b', number: '9999', serviceId: 'x' } },
        ],
      });
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
    closers.push(() => new Promise<void>((r) => ioServer.close(() => r())));
    const port = (http.address() as { port: number }).port;

    const sim = new LedDisplaySimulator();
    const displays = new Map<string, LedDisplay>();
    for (const [counterId, n] of [['quay-1', 1], ['quay-2', 2]] as const) {
      const [host, device] = memoryLine();
      sim.attach(device);
      displays.set(counterId, new SerialLedDisplay(`led-${n}`, n, { open: async () => host }));
    }
    const feed = new CounterFeed(`http://127.0.0.1:${port}`, 'demo-kiosk-1', displays, { info: () => {}, warn: () => {} });
    feed.start();
    closers.push(() => feed.close());

    await until(() => sim.shown.get(1) === '1001' && sim.shown.get(2) === '');
    expect(tokens).toEqual(['demo-kiosk-1']);
    ioServer.emit('ticket.called', { call: { ticketId: 'c', number: '2005', counterId: 'quay-2', counterNumber: 2 } });
    await until(() => sim.shown.get(2) === '2005');
    ioServer.emit('counter.updated', { counter: { id: 'quay-1', number: 1, currentTicket: null } });
    await until(() => sim.shown.get(1) === '');
    expect(sim.shown.has(9)).toBe(false);
  });

  it('puts the displays right again after the server drops every client on a graceful stop', async () => {
    const http = createServer();
    const ioServer = new Server(http);
    let current = '1001';
    ioServer.on('connection', (s) => s.emit('state', { counters: [{ id: 'quay-1', number: 1, currentTicket: { id: 'a', number: current, serviceId: 'x' } }] }));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
    closers.push(() => new Promise<void>((r) => ioServer.close(() => r())));
    const port = (http.address() as { port: number }).port;

    const sim = new LedDisplaySimulator();
    const [host, device] = memoryLine();
    sim.attach(device);
    const feed = new CounterFeed(`http://127.0.0.1:${port}`, 'demo-kiosk-1', new Map([['quay-1', new SerialLedDisplay('led-1', 1, { open: async () => host })]]), { info: () => {}, warn: () => {} });
    feed.start();
    closers.push(() => feed.close());
    await until(() => sim.shown.get(1) === '1001');

    // What the queue-server does on SIGTERM; the call made meanwhile reaches the display only through the fresh snapshot.
    current = '1002';
    ioServer.disconnectSockets(true);
    await until(() => sim.shown.get(1) === '1002');
  });
});
