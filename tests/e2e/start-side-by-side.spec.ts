// Issue 13.8 through the start script: two copies started side by side (`npm run serve` with
// SIMULATED_AGENT=1, the same script as `npm start` without its install and build), neither
// told an AGENT_PORT. Each gets its own kiosk agent — the second on a free port, since the first
// (or something else) holds 8181 — each server names its own agent to its kiosks
// (GET /api/v1/center → kioskAgentUrl), and each agent serves only its own server's pages.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot } from '../support/server.ts';

type Copy = { start: ChildProcess; out: () => string; url: string };
const copies: Copy[] = [];

async function startCopy(): Promise<Copy> {
  const port = await freePort();
  const { AGENT_PORT: _port, KIOSK_AGENT_URL: _url, ...env } = process.env;
  const start = spawn(process.execPath, [path.join(repoRoot, 'scripts/start.mjs'), '--serve'], {
    cwd: repoRoot,
    env: { ...env, DEMO: '1', SIMULATED_AGENT: '1', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'motcua-side-')), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  start.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  start.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const copy = { start, out: () => out, url: `http://127.0.0.1:${port}` };
  copies.push(copy);
  const deadline = Date.now() + 90_000;
  while (!(out.includes('QUEUE_SERVER_URL=') && /kiosk-agent: http/.test(out))) {
    if (Date.now() > deadline || start.exitCode !== null) throw new Error(`start.mjs did not bring up the server and the agent:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return copy;
}

async function stopCopy(c: Copy): Promise<void> {
  if (c.start.exitCode !== null) return;
  let kids: number[] = [];
  try {
    kids = execFileSync('ps', ['-o', 'pid=', '--ppid', String(c.start.pid)], { encoding: 'utf8' }).trim().split('\n').map(Number).filter(Boolean);
  } catch {
    // none
  }
  await new Promise<void>((resolve) => {
    c.start.once('exit', () => resolve());
    c.start.kill('SIGTERM');
  });
  const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
  const until = Date.now() + 10_000;
  while (kids.some(alive) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
  for (const pid of kids.filter(alive)) process.kill(pid, 'SIGKILL');
}

let a: Copy;
let b: Copy;
beforeAll(async () => {
  // One after the other, as a person starts them: the second finds the first's agent on its port.
  a = await startCopy();
  b = await startCopy();
}, 200_000);

afterAll(async () => {
  for (const c of copies) await stopCopy(c);
}, 30_000);

const agentOf = async (c: Copy) => {
  const center = (await (await fetch(`${c.url}/api/v1/center`)).json()) as { kioskAgentUrl: string | null };
  expect(center.kioskAgentUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/ws$/);
  return new URL(center.kioskAgentUrl!.replace(/^ws/, 'http')).origin;
};

describe('two copies side by side', () => {
  it('each server names its own kiosk agent, the one its start script started', async () => {
    const [agentA, agentB] = [await agentOf(a), await agentOf(b)];
    expect(agentA).not.toBe(agentB);
    expect(a.out()).toContain(`kiosk-agent: ${agentA}`);
    expect(b.out()).toContain(`kiosk-agent: ${agentB}`);
    if (new URL(agentB).port !== '8181') expect(b.out()).toMatch(/port 8181 is taken, using \d+/);
    for (const agent of [agentA, agentB]) expect((await fetch(`${agent}/health`)).status).toBe(200);
  });

  it('each agent serves its own server’s kiosk pages and refuses the other copy’s', async () => {
    const [agentA, agentB] = [await agentOf(a), await agentOf(b)];
    const from = (agent: string, origin: string) => fetch(`${agent}/health`, { headers: { origin } }).then((r) => r.status);
    expect(await from(agentA, a.url)).toBe(200);
    expect(await from(agentB, b.url)).toBe(200);
    expect(await from(agentA, b.url)).toBe(403);
    expect(await from(agentB, a.url)).toBe(403);
  });
});
