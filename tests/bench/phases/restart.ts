// Restart: from spawning the server to its first healthy answer, on a data folder a server has
// used before (the case after a crash). The production start runs the bundle on bare node
// (queue-server/dist/server/main.js); beside it, the same server from its sources under tsx,
// and the floor: a bare `node` HTTP server spawned the same way.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../process.ts';

export interface RestartFigures {
  rounds: number;
  /** Medians, ms from spawn to the first 200 of GET /api/v1/health (or of the bare server). */
  bundleMs: number;
  sourceMs: number;
  bareNodeMs: number;
}

const BARE = "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')";

async function freePortNumber(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Spawns, polls `url` every 20 ms until it answers 200, stops the process; ms to that answer. */
async function timeToHealthy(args: string[], env: Record<string, string>, pathname: string): Promise<number> {
  const port = await freePortNumber();
  const t0 = performance.now();
  const proc = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  try {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${proc.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}${pathname}`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - t0;
      if (performance.now() - t0 > 60_000) throw new Error(`${args.join(' ')} not healthy in 60 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await new Promise<void>((done) => {
      if (proc.exitCode !== null) return done();
      proc.once('exit', () => done());
      proc.kill('SIGTERM');
    });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function restartPhase(rounds: number, log: (m: string) => void): Promise<RestartFigures> {
  const bundle = path.join(repoRoot, 'queue-server/dist/server/main.js');
  if (!existsSync(bundle)) throw new Error('no queue-server bundle: run `npm start` or `node queue-server/build/build.mjs` first');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-restart-'));
  const env = { DATA_DIR: dataDir, DEMO: '1' };
  try {
    // The first start seeds the demo accounts (password hashing): not a restart, not measured.
    await timeToHealthy([bundle], env, '/api/v1/health');
    const b: number[] = [];
    const s: number[] = [];
    const n: number[] = [];
    // Interleaved, so a busy moment of the machine falls on all three alike.
    for (let i = 0; i < rounds; i++) {
      b.push(await timeToHealthy([bundle], env, '/api/v1/health'));
      s.push(await timeToHealthy(['--import', 'tsx', path.join(repoRoot, 'queue-server/src/main.ts')], env, '/api/v1/health'));
      n.push(await timeToHealthy(['-e', BARE], {}, '/'));
      log(`    round ${i + 1}: bundle ${b.at(-1)!.toFixed(0)} ms, source ${s.at(-1)!.toFixed(0)} ms, bare node ${n.at(-1)!.toFixed(0)} ms`);
    }
    return { rounds, bundleMs: median(b), sourceMs: median(s), bareNodeMs: median(n) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
