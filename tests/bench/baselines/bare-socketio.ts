// Baseline: a bare socket.io server on node:http that, on POST /emit, emits one
// event to every connected client — the least a board update can cost on this
// machine. Prints BARE_URL=<url> when listening.
import http from 'node:http';
import { requireFromServer } from './server-deps.ts';

interface Io {
  emit(event: string, payload: unknown): void;
  close(): void;
}
const { Server } = requireFromServer('socket.io') as { Server: new (srv: http.Server, opts: object) => Io };

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/emit') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const { id } = JSON.parse(Buffer.concat(chunks).toString()) as { id: string };
    // A payload of the size and shape of the queue-server's ticket.called.
    io.emit('ticket.called', {
      call: { ticketId: id, number: '1001', serviceId: 'ho-tich', counterId: 'quay-1', counterNumber: 1, calledAt: new Date().toISOString(), recall: false, announcement: 'Mời công dân có số thứ tự 1001 đến quầy số 1' },
    });
    res.writeHead(204).end();
  });
});
// The queue-server's socket.io options (src/realtime/socket.ts).
const io = new Server(server, { path: '/socket.io', serveClient: false, maxHttpBufferSize: 16 * 1024, cors: { origin: false }, pingInterval: 10_000, pingTimeout: 8_000 });
server.listen(0, '127.0.0.1', () => {
  const addr = server.address() as { port: number };
  process.stdout.write(`BARE_URL=http://127.0.0.1:${addr.port}\n`);
});
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
