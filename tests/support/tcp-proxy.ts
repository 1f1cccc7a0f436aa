// A TCP proxy the test controls, between a centre and its province: open, it pipes every
// connection to the target; cut, it drops the live connections and holds new ones silent
// (accepted, read, never answered — a dead WAN link, where a request times out rather than
// being refused), until restored.
import { createConnection, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  url: string;
  port: number;
  /** Connections accepted while open / while cut. */
  readonly counts: { piped: number; held: number };
  cut(): void;
  restore(): void;
  stop(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let open = true;
  const live = new Set<Socket>();
  const held = new Set<Socket>();
  const counts = { piped: 0, held: 0 };
  const server = createServer((client) => {
    client.on('error', () => undefined);
    if (!open) {
      counts.held++;
      held.add(client);
      client.on('data', () => undefined);
      client.on('close', () => held.delete(client));
      return;
    }
    counts.piped++;
    const upstream = createConnection(target);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    for (const s of [client, upstream]) {
      live.add(s);
      s.on('close', () => live.delete(s));
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    counts,
    cut() {
      open = false;
      for (const s of live) s.destroy();
    },
    restore() {
      open = true;
    },
    async stop() {
      for (const s of [...live, ...held]) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
