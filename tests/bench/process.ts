// Child processes the bench measures: each prints one `<KEY>=<url>` line when it
// listens. We keep the pid to read its resident memory from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Child {
  url: string;
  pid: number;
  proc: ChildProcess;
  /** Resident set size in bytes (VmRSS of /proc/<pid>/status). */
  rss(): number;
  stop(): Promise<void>;
}

export function rssOf(pid: number): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) * 1024;
}

/** Runs `node --import tsx <file>` and waits for the line `${key}=<url>` on stdout. */
export function launch(file: string, opts: { key: string; env?: Record<string, string>; ipc?: boolean; timeoutMs?: number }): Promise<Child> {
  return new Promise((resolve, reject) => {
    // A bundle runs on bare node; sources need the TypeScript loader.
    const proc = spawn(process.execPath, file.endsWith('.ts') ? ['--import', 'tsx', file] : [file], {
      cwd: repoRoot,
      env: { ...process.env, ...opts.env },
      stdio: opts.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${path.basename(file)} did not start in time:\n${out}`));
    }, opts.timeoutMs ?? 60_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${path.basename(file)} exited with ${code}:\n${out}`));
    };
    proc.once('exit', onExit);
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = new RegExp(`${opts.key}=(\\S+)`).exec(out);
      if (!m) return;
      clearTimeout(timer);
      proc.off('exit', onExit);
      // Keep draining its output so a chatty child never blocks on a full pipe.
      proc.stdout!.removeAllListeners('data');
      proc.stdout!.resume();
      resolve({
        url: m[1]!,
        pid: proc.pid!,
        proc,
        rss: () => rssOf(proc.pid!),
        stop: () =>
          new Promise<void>((done) => {
            if (proc.exitCode !== null || proc.signalCode !== null) return done();
            const kill = setTimeout(() => proc.kill('SIGKILL'), 10_000);
            proc.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            proc.kill('SIGTERM');
          }),
      });
    });
  });
}
