/**
 * The built agent (dist/main.js) as a child process on plain node, the way `npm start` and a
 * kiosk PC run it. Builds the bundle first when it is missing or older than its sources.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const buildScript = fileURLToPath(new URL('../build/build.mjs', import.meta.url));
export const bundleFile = fileURLToPath(new URL('../dist/main.js', import.meta.url));

export function ensureBundle(): void {
  execFileSync(process.execPath, [buildScript, '--if-stale'], { stdio: 'pipe' });
}

export type BuiltAgent = { url: string; output: () => string; stop: () => Promise<void> };

export async function startBuiltAgent(env: Record<string, string>): Promise<BuiltAgent> {
  // No NODE_OPTIONS from vitest: the bundle must run on bare node, without any loader.
  const { NODE_OPTIONS: _ignored, ...parentEnv } = process.env;
  const child: ChildProcess = spawn(process.execPath, [bundleFile], {
    env: { ...parentEnv, AGENT_PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`built agent did not start in 20 s:\n${out}`)), 20_000);
      child.stdout!.on('data', () => {
        const m = /kiosk-agent: (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`built agent exited with ${code}:\n${out}`));
      });
    });
    return { url, output: () => out, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
