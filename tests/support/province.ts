// Starts the real province server (`npm run province`) as a child process on a free port,
// so a test can stop it (the link cut) and start it again on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, repoRoot } from './server.ts';

const main = path.join(repoRoot, 'queue-server/src/province/main.ts');

export interface RunningProvince {
  url: string;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startProvince(opts: { env?: Record<string, string> } = {}): Promise<RunningProvince> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-province-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  let out = '';
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const from = out.length;
      const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'warn', ...opts.env };
      const c = spawn(process.execPath, ['--import', 'tsx', main], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child = c;
      const timer = setTimeout(() => reject(new Error(`province server did not start in 60 s:\n${out}`)), 60_000);
      c.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.slice(from).includes('PROVINCE_SERVER_URL=')) {
          clearTimeout(timer);
          resolve();
        }
      });
      c.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      c.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`province server exited with ${code}:\n${out}`));
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
  await start();
  return { url: `http://127.0.0.1:${port}`, dataDir, output: () => out, stop, start };
}
