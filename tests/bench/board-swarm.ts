// A child process holding many socket.io clients, as the hall boards, phones
// and counter displays of a big centre would. The parent asks it (IPC) to
// connect N clients to a URL; it reports, for every `ticket.called`, when each
// client got it (process.hrtime, CLOCK_MONOTONIC: comparable across processes).
import { io, type Socket } from 'socket.io-client';

type Msg = { cmd: 'connect'; url: string; n: number; token?: string } | { cmd: 'close' };

let sockets: Socket[] = [];
const send = (m: unknown) => process.send?.(m);

// Batches of receive times, flushed every 20 ms to keep IPC traffic small.
let pending: [string, string][] = [];
setInterval(() => {
  if (pending.length) {
    send({ type: 'received', items: pending });
    pending = [];
  }
}, 20).unref();

async function connect(url: string, n: number, token?: string) {
  const BATCH = 50;
  for (let i = 0; i < n; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, n - i) }, () => {
      // `batch: 1` as every screen built on ui-shared's LiveSocket asks (the call still comes alone, at once).
      const s = io(url, { path: '/socket.io', transports: ['websocket'], reconnection: false, auth: token ? { token, batch: 1 } : { batch: 1 } });
      s.on('ticket.called', (p: { call: { ticketId: string } }) => pending.push([p.call.ticketId, process.hrtime.bigint().toString()]));
      sockets.push(s);
      return new Promise<void>((resolve, reject) => {
        s.once('connect', () => resolve());
        s.once('connect_error', reject);
      });
    });
    await Promise.all(batch);
  }
  send({ type: 'connected', n: sockets.length });
}

process.on('message', (m: Msg) => {
  if (m.cmd === 'connect') {
    connect(m.url, m.n, m.token).catch((e: Error) => send({ type: 'error', message: e.message }));
  } else {
    for (const s of sockets) s.close();
    sockets = [];
    send({ type: 'closed' });
  }
});
process.stdout.write('SWARM_URL=ipc://ready\n');
