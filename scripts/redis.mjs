// A throwaway Redis for the tests and for a developer: Debian's redis-server
// (installed by ensureSystemPackages when missing), listening on a Unix socket
// in a temporary folder only (no TCP port, so nothing clashes), no persistence
// (no RDB snapshots, no append-only file), stopped and removed after.
//
//   const redis = startRedis();   // { url, dir, stop() }
//   process.env.REDIS_URL = redis.url;   // unix:/tmp/motcua-redis-…/redis.sock
//   …
//   redis.stop();                 // also on exit, Ctrl-C and SIGTERM
//
// `node scripts/redis.mjs` starts one, prints its REDIS_URL and keeps it until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REDIS_SERVER = process.env.REDIS_SERVER || '/usr/bin/redis-server';

/** Starts redis-server and waits until it answers PING; returns its REDIS_URL, its folder and stop(). */
export function startRedis({ log = () => undefined } = {}) {
  if (!existsSync(REDIS_SERVER)) throw new Error(`${REDIS_SERVER} not found: apt-get install redis-server (or set REDIS_SERVER) / chưa cài redis-server`);
  // Short: a Unix socket's path may not be longer than 107 bytes.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-redis-'));
  const sock = path.join(dir, 'redis.sock');
  const child = spawn(
    REDIS_SERVER,
    ['--port', '0', '--unixsocket', sock, '--unixsocketperm', '700', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning'],
    { stdio: ['ignore', 'ignore', 'inherit'], detached: false },
  );
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => (stop(), process.exit(130)));
  // Up when it answers on its socket (redis-cli comes with the package).
  const deadline = Date.now() + 20_000;
  for (;;) {
    const r = spawnSync('redis-cli', ['-s', sock, 'ping'], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim() === 'PONG') break;
    if (child.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new Error(`redis-server did not start (${child.exitCode ?? 'timeout'})`);
    }
    spawnSync('sleep', ['0.05']);
  }
  const url = `unix:${sock}`;
  log(`Redis on ${url}`);
  return { url, dir, stop };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = startRedis();
  console.log(`REDIS_URL=${r.url}`);
  console.log('Ctrl-C to stop and remove it.');
  setInterval(() => undefined, 1 << 30);
}
