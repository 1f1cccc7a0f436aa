// Starts the real queue-server as a child process on a free port, with its own
// SQLite file, so tests can also SIGKILL it and start it again on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const main = path.join(repoRoot, 'queue-server/src/main.ts');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** Everything the process printed, for assertions and failure reports. */
  output(): string;
  /** Graceful stop (SIGTERM). */
  stop(): Promise<void>;
  /** SIGKILL: the crash case. */
  kill(): Promise<void>;
  /** Start again on the same port and data. */
  restart(): Promise<void>;
}

export async function startServer(opts: { dataDir?: string; env?: Record<string, string>; port?: number } = {}): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'motcua-'));
  const port = opts.port ?? (await freePort());
  let child: ChildProcess | null = null;
  let out = '';

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      // Up when this launch prints its URL: the last run's line is still in `out` after a restart.
      const from = out.length;
      const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'warn', ...opts.env };
      // One process (node with the tsx loader), so SIGKILL really kills the server.
      const c = spawn(process.execPath, ['--import', 'tsx', main], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child = c;
      const timer = setTimeout(() => reject(new Error(`queue-server did not start in 60 s:\n${out}`)), 60_000);
      c.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.slice(from).includes('QUEUE_SERVER_URL=')) {
          clearTimeout(timer);
          resolve();
        }
      });
      c.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      c.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`queue-server exited with ${code}:\n${out}`));
      });
    });

  const waitExit = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill(signal);
    });

  await launch();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    output: () => out,
    stop: () => waitExit('SIGTERM'),
    kill: () => waitExit('SIGKILL'),
    restart: async () => {
      await waitExit('SIGTERM');
      await launch();
    },
  };
}
