// The data folder is one server's (issue 13.7, 14.9): a second server on the same
// DATA_DIR refuses to start and names the process holding it; after a kill -9 the
// stale lock is taken over; a normal stop releases it. Real processes throughout.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, repoRoot, startServer, type RunningServer } from '../support/server.ts';

const main = path.join(repoRoot, 'queue-server/src/main.ts');
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

const lockOf = (dataDir: string) => JSON.parse(readFileSync(path.join(dataDir, 'server.lock'), 'utf8')) as { pid: number; startedAt: string; role: string };

/** A server process on `dataDir` that is expected to stop by itself: its exit code and everything it printed. */
async function startExpectingExit(dataDir: string): Promise<{ code: number | null; out: string }> {
  const port = await freePort();
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, ['--import', 'tsx', main], {
      cwd: repoRoot,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      c.kill('SIGKILL');
      reject(new Error(`the second server did not stop in 60 s:\n${out}`));
    }, 60_000);
    c.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

describe('one server per data folder', () => {
  it('a second server on the folder exits non-zero naming the holder; after kill -9 a new one takes the stale lock over; a stop releases it', async () => {
    const a = await startServer();
    servers.push(a);
    const held = lockOf(a.dataDir);
    expect(held.role).toBe('server');

    const second = await startExpectingExit(a.dataDir);
    expect(second.code).not.toBe(0);
    expect(second.out).toContain(`process ${held.pid}`);
    expect(second.out).toContain(`tiến trình ${held.pid}`);
    expect(second.out).toContain(held.startedAt);
    expect(second.out).not.toContain('QUEUE_SERVER_URL=');
    expect(second.out).not.toMatch(/\n\s+at /);
    // The first one is untouched and still holds the folder.
    expect((await fetch(`${a.url}/api/v1/health`)).status).toBe(200);
    expect(lockOf(a.dataDir).pid).toBe(held.pid);

    // A crash leaves the lock behind; the next server takes it over and says so.
    await a.kill();
    expect(lockOf(a.dataDir).pid).toBe(held.pid);
    const b = await startServer({ dataDir: a.dataDir });
    servers.push(b);
    expect(b.output()).toContain(`took over the stale lock of process ${held.pid}`);
    const now = lockOf(b.dataDir);
    expect(now.pid).not.toBe(held.pid);
    expect((await fetch(`${b.url}/api/v1/health`)).status).toBe(200);

    // A normal stop removes it.
    await b.stop();
    expect(existsSync(path.join(b.dataDir, 'server.lock'))).toBe(false);
  });
});
