// The parent side of board-swarm.ts: connect N clients somewhere, then learn
// when each of them received a given call.
import path from 'node:path';
import { launch, repoRoot, type Child } from './process.ts';

type Received = { type: 'received'; items: [string, string][] } | { type: 'connected'; n: number } | { type: 'closed' } | { type: 'error'; message: string };

export interface Swarm {
  child: Child;
  connect(url: string, n: number, token?: string): Promise<void>;
  disconnect(): Promise<void>;
  /** Receive times (hrtime ns) of call `id` so far, one per client that got it. */
  received(id: string): bigint[];
  /** Resolves when `count` clients have received call `id`, or after `timeoutMs`. */
  waitFor(id: string, count: number, timeoutMs: number): Promise<bigint[]>;
  stop(): Promise<void>;
}

export async function startSwarm(): Promise<Swarm> {
  const child = await launch(path.join(repoRoot, 'tests/bench/board-swarm.ts'), { key: 'SWARM_URL', ipc: true });
  const got = new Map<string, bigint[]>();
  let waiter: { resolve: (m: Received) => void; type: string } | null = null;
  child.proc.on('message', (m: Received) => {
    if (m.type === 'received') for (const [id, t] of m.items) (got.get(id) ?? got.set(id, []).get(id)!).push(BigInt(t));
    else if (waiter && (m.type === waiter.type || m.type === 'error')) {
      const w = waiter;
      waiter = null;
      w.resolve(m);
    }
  });
  const ask = (msg: object, type: string, timeoutMs: number) =>
    new Promise<Received>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`swarm: no "${type}" in ${timeoutMs} ms`)), timeoutMs);
      waiter = {
        type,
        resolve: (m) => {
          clearTimeout(timer);
          if (m.type === 'error') reject(new Error(`swarm: ${m.message}`));
          else resolve(m);
        },
      };
      child.proc.send(msg);
    });
  return {
    child,
    async connect(url, n, token) {
      const r = await ask({ cmd: 'connect', url, n, token }, 'connected', 180_000);
      if (r.type === 'connected' && r.n !== n) throw new Error(`swarm connected ${r.n} of ${n}`);
    },
    async disconnect() {
      await ask({ cmd: 'close' }, 'closed', 30_000);
    },
    received: (id) => got.get(id) ?? [],
    async waitFor(id, count, timeoutMs) {
      const until = Date.now() + timeoutMs;
      // Bounded by the timeout.
      while ((got.get(id)?.length ?? 0) < count && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      return got.get(id) ?? [];
    },
    stop: () => child.stop(),
  };
}
