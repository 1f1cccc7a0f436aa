// The start script as a centre runs it (scripts/start.mjs: `npm run serve` with
// SIMULATED_AGENT=1, which skips the install and build `npm start` does first):
// the queue-server is killed (SIGKILL) and comes back by itself while the kiosk
// agent keeps running — the same process, never restarted — and the kiosk's
// live counts and a citizen's phone page, both left open, follow changes made
// after the restart through sockets they opened again by themselves.
// Screenshots in tests/artifacts/start/.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import { interpolate } from '@mot-cua/config/strings/index.ts';
import { ApiClient } from '../support/api.ts';
import { axeCheck, launchBrowser } from '../support/browser.ts';
import { freePort, repoRoot } from '../support/server.ts';

const ART = path.join(repoRoot, 'tests/artifacts/start');
mkdirSync(ART, { recursive: true });
/** A change after the restart must reach a page this fast: the phone polls every 15 s, the kiosk every 60 s. */
const BACK_MS = 5_000;

let start: ChildProcess;
let out = '';
let url: string;
let agentPort: number;
let browser: Browser;

/** start.mjs's children: pid and command line. */
function children(): { pid: number; args: string }[] {
  let text = '';
  try {
    text = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(start.pid)], { encoding: 'utf8' }).trim();
  } catch {
    // ps says 1 when there are none
  }
  return text ? text.split('\n').map((l) => { const m = /^\s*(\d+)\s+(.*)$/.exec(l)!; return { pid: Number(m[1]), args: m[2]! }; }) : [];
}
/** The server: its bundle (queue-server/dist/server/main.js) when it was built from today's sources, else the sources under tsx. */
const SERVER = /queue-server\/(dist\/server\/main\.js|src\/main\.ts)/;
const serverChild = () => children().find((c) => SERVER.test(c.args));
const serverPid = () => serverChild()?.pid;
const agentPid = () => children().find((c) => c.args.includes('kiosk-agent'))?.pid;
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

async function healthy(): Promise<boolean> {
  return fetch(`${url}/api/v1/health`).then((r) => r.ok, () => false);
}

/** Counts the page's socket.io connections opened from now on. */
function socketsOpened(p: Page): () => number {
  let n = 0;
  p.on('websocket', (ws) => ws.url().includes('/socket.io/') && n++);
  return () => n;
}

beforeAll(async () => {
  const port = await freePort();
  agentPort = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-start-'));
  start = spawn(process.execPath, [path.join(repoRoot, 'scripts/start.mjs'), '--serve'], {
    cwd: repoRoot,
    env: { ...process.env, DEMO: '1', SIMULATED_AGENT: '1', PORT: String(port), HOST: '127.0.0.1', AGENT_PORT: String(agentPort), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  start.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  start.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(out.includes('QUEUE_SERVER_URL=') && out.includes('kiosk-agent: '))) {
    if (Date.now() > deadline || start.exitCode !== null) throw new Error(`start.mjs did not bring up the server and the agent:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (start && start.exitCode === null) {
    const left = children().map((c) => c.pid);
    await new Promise<void>((resolve) => {
      start.once('exit', () => resolve());
      start.kill('SIGTERM');
    });
    // nothing of ours may outlive the test
    const until = Date.now() + 10_000;
    while (left.some(alive) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    for (const pid of left.filter(alive)) process.kill(pid, 'SIGKILL');
  }
});

describe('npm start when the queue-server dies', () => {
  it('restarts the server alone; the kiosk agent stays up; the kiosk and the phone page follow without a reload', async () => {
    const api = new ApiClient(url);
    const mine = await api.post<{ id: string; number: string }>('/api/v1/tickets', { serviceId: 'ho-tich' }, { authorization: 'Bearer demo-kiosk-1', 'Idempotency-Key': 'start-crash-1' });
    expect(mine.status).toBe(201);

    const ctx = await browser.newContext({ viewport: { width: 1080, height: 1920 }, bypassCSP: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const kiosk = await ctx.newPage();
    await kiosk.goto(`${url}/kiosk/take?agent=${encodeURIComponent(`ws://127.0.0.1:${agentPort}/ws`)}&token=demo-kiosk-1`);
    await expect.poll(() => kiosk.locator('.kiosk').getAttribute('data-agent'), { timeout: 15_000 }).toBe('connected');
    const tile = kiosk.locator('[data-service="lao-dong-xa-hoi"]');
    const count = async () => Number(/(\d+)/.exec((await tile.textContent()) ?? '')?.[1] ?? NaN);
    await expect.poll(count, { timeout: 10_000 }).toBe(0);

    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true, locale: 'vi-VN' })).newPage();
    await phone.goto(`${url}/t/${mine.body.id}`);
    const status = phone.getByTestId('phone-status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain(dict.vi.phoneNext);

    const kioskSockets = socketsOpened(kiosk);
    const phoneSockets = socketsOpened(phone);
    const agentBefore = agentPid();
    const serverBefore = serverPid();
    expect(agentBefore).toBeDefined();
    expect(serverBefore).toBeDefined();

    // npm test builds the bundle before the tests: the production start runs it, on bare node
    expect(serverChild()!.args).toContain('queue-server/dist/server/main.js');

    const killedAt = Date.now();
    process.kill(serverBefore!, 'SIGKILL');
    await expect.poll(() => { const p = serverPid(); return p !== undefined && p !== serverBefore; }, { timeout: 30_000 }).toBe(true);
    await expect.poll(healthy, { timeout: 60_000, interval: 50 }).toBe(true);
    console.log(`start-crash: healthy again ${Date.now() - killedAt} ms after SIGKILL`);
    expect(out).toContain('queue-server stopped');
    // the agent was never stopped: the same process, and the kiosk never lost it
    expect(agentPid()).toBe(agentBefore);
    expect(alive(agentBefore!)).toBe(true);
    expect(await kiosk.locator('.kiosk').getAttribute('data-agent')).toBe('connected');

    // both pages open a socket again by themselves, then follow what happens after the restart
    await expect.poll(kioskSockets, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(phoneSockets, { timeout: 30_000 }).toBeGreaterThan(0);
    for (let i = 0; i < 2; i++) expect((await api.post('/api/v1/tickets', { serviceId: 'lao-dong-xa-hoi' }, { authorization: 'Bearer demo-kiosk-1', 'Idempotency-Key': `start-crash-ld-${i}` })).status).toBe(201);
    await expect.poll(count, { timeout: BACK_MS }).toBe(2);
    await kiosk.screenshot({ path: path.join(ART, 'kiosk-after-server-crash.png') });

    const staff = new ApiClient(url);
    await staff.login('quay2', 'quay-2');
    expect((await staff.post(`/api/v1/tickets/${mine.body.id}/call`)).status).toBe(200);
    await expect.poll(() => status.textContent(), { timeout: BACK_MS }).toContain(interpolate(dict.vi.phoneCalled, { counter: 2 }));
    await phone.screenshot({ path: path.join(ART, 'phone-after-server-crash.png') });
    for (const p of [kiosk, phone]) {
      const violations = await axeCheck(p);
      expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    }
  });
});
