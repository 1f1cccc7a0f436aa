// The hall board on its own: the recorded-clip voice when the browser has no
// Vietnamese speech, and a board that follows a server restart without keeping
// a call the new server does not know.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api.ts';
import { axeCheck, launchBrowser } from '../support/browser.ts';
import { repoRoot, startServer, type RunningServer } from '../support/server.ts';

/** Patience for steps that are not about speed (page loads, sign-ins); the one-second checks say so. */
const POLL_MS = 10_000;

const ART = path.join(repoRoot, 'tests/artifacts/board');
mkdirSync(ART, { recursive: true });

/** A speechSynthesis with no voices at all, recording anything asked of it. */
function speechWithoutVoices(): void {
  const log: string[] = [];
  (window as unknown as { __speech: { log: string[] } }).__speech = { log };
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: { getVoices: () => [], speak: (u: { text: string }) => log.push(u.text), cancel() {}, addEventListener() {}, removeEventListener() {} },
  });
}

let browser: Browser;
const servers: RunningServer[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  for (const s of servers) await s.stop();
});

/** `enforceCsp` keeps the server's Content-Security-Policy on; pages checked with axe need it off to inject axe. */
async function hallPage(url: string, init?: () => void, enforceCsp = false): Promise<Page> {
  const c = await browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: !enforceCsp });
  contexts.push(c);
  if (init) await c.addInitScript(init);
  const p = await c.newPage();
  await p.goto(`${url}/board`);
  await p.getByTestId('sound-on').click();
  return p;
}

async function callNext(url: string, username: string, counterId: string, serviceId: string): Promise<string> {
  const kiosk = new ApiClient(url);
  const t = await kiosk.post<{ number: string }>('/api/v1/tickets', { serviceId }, { authorization: 'Bearer demo-kiosk-1', 'idempotency-key': `board-${counterId}-${Date.now()}` });
  expect(t.status).toBe(201);
  const staff = new ApiClient(url);
  await staff.login(username, counterId);
  const r = await staff.post<{ ticket: { number: string } }>(`/api/v1/counters/${counterId}/call-next`);
  expect(r.status).toBe(200);
  return r.body.ticket.number;
}

describe('hall board', () => {
  it('joins the recorded clips in speaking order when the browser has no Vietnamese voice', async () => {
    const server = await startServer();
    servers.push(server);
    const hall = await hallPage(server.url, speechWithoutVoices, true);
    const cspErrors: string[] = [];
    hall.on('console', (m) => {
      if (m.type() === 'error') cspErrors.push(m.text());
    });
    const clips: string[] = [];
    const statuses: number[] = [];
    const clipOf = (url: string) => /\/board\/voice\/([^/]+)\.wav$/.exec(new URL(url).pathname)?.[1];
    // Requests leave in speaking order; responses may come back in any order.
    hall.on('request', (r) => {
      const clip = clipOf(r.url());
      if (clip) clips.push(clip);
    });
    hall.on('response', (r) => {
      if (clipOf(r.url())) statuses.push(r.status());
    });
    // Counter 5 takes Lao động – Thương binh và Xã hội, whose numbers start at 5001.
    const number = await callNext(server.url, 'quay5', 'quay-5', 'lao-dong-xa-hoi');
    expect(number).toBe('5001');
    await hall.getByTestId('newest-call').getByText('5001').waitFor();
    // "năm nghìn không trăm linh một", each clip fetched once, in the order it is said.
    await expect
      .poll(() => clips, { timeout: 10_000 })
      .toEqual(['moi-cong-dan-co-so-thu-tu', '5', 'nghin', '0', 'tram', 'linh', '1', 'den-quay-so']);
    await expect.poll(() => statuses.length, { timeout: POLL_MS }).toBe(clips.length);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const said = await hall.evaluate(() => (window as unknown as { __speech: { log: string[] } }).__speech.log);
    expect(said).toEqual([]);
    // Every shipped clip decodes in Chromium to a short stretch of sound.
    const durations = await hall.evaluate(async (files) => {
      const ctx = new AudioContext();
      const out: number[] = [];
      for (const f of files) out.push((await ctx.decodeAudioData(await (await fetch(`/board/voice/${f}.wav`)).arrayBuffer())).duration);
      return out;
    }, clips);
    for (const d of durations) expect(d).toBeGreaterThan(0.1);
    for (const d of durations) expect(d).toBeLessThan(3);
    // Served under the real Content-Security-Policy, nothing the board does is refused.
    expect(cspErrors).toEqual([]);
    await hall.screenshot({ path: path.join(ART, 'hall-clips.png') });
  });

  it('shows only what a restarted server knows, after reconnecting by itself', async () => {
    const first = await startServer();
    const hall = await hallPage(first.url);
    const number = await callNext(first.url, 'quay1', 'quay-1', 'ho-tich');
    const newest = hall.getByTestId('newest-call');
    await newest.getByText(number).waitFor();

    // SIGKILL: the crash case, and it does not wait for the browser's open connections to drain.
    await first.kill();
    await hall.getByText('Mất kết nối máy chủ').waitFor({ timeout: 15_000 });
    await hall.screenshot({ path: path.join(ART, 'hall-offline.png') });

    // A new server on the same address with an empty day: the old call must go.
    const second = await startServer({ port: first.port });
    servers.push(second);
    await expect.poll(() => hall.getByText('Mất kết nối máy chủ').count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => newest.count(), { timeout: POLL_MS }).toBe(0);
    await hall.getByText('Chưa có số nào được gọi').waitFor();

    // And it keeps following the new server.
    const again = await callNext(second.url, 'quay2', 'quay-2', 'ho-tich');
    await newest.getByText(again).waitFor({ timeout: 5000 });
    expect(await axeCheck(hall)).toEqual([]);
  });

  it("the hall TV's launcher (deploy/kiosk) lets the board speak each call with no tap, where a plain browser asks for one", async () => {
    const server = servers[0]!;
    // The flags the launcher really passes (run with a stand-in browser that prints them), less
    // the two that only make sense on a real screen, and the page.
    const bin = mkdtempSync(path.join(os.tmpdir(), 'tv-launcher-'));
    writeFileSync(path.join(bin, 'browser'), '#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n', { mode: 0o755 });
    const said = execFileSync(path.join(repoRoot, 'deploy/kiosk/hall-tv-chromium.sh'), [`${server.url}/board/`], { env: { ...process.env, CHROMIUM: path.join(bin, 'browser'), HOME: bin } }).toString();
    const args = said.split('\n').filter(Boolean);
    expect(args.at(-1)).toBe(`${server.url}/board/`);
    const flags = args.slice(0, -1).filter((f) => !/^--(kiosk|user-data-dir)/.test(f));
    expect(flags).toContain('--autoplay-policy=no-user-gesture-required');

    const plain = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    contexts.push(plain);
    const asks = await plain.newPage();
    await asks.goto(`${server.url}/board`);
    await asks.getByTestId('sound-on').waitFor();

    const tvBrowser = await launchBrowser(flags);
    try {
      const tv = await tvBrowser.newContext({ viewport: { width: 1920, height: 1080 } });
      await tv.addInitScript(speechWithoutVoices);
      const hall = await tv.newPage();
      const clips: string[] = [];
      hall.on('request', (r) => {
        if (/\/board\/voice\/[^/]+\.wav$/.test(new URL(r.url()).pathname)) clips.push(r.url());
      });
      await hall.goto(`${server.url}/board`);
      await hall.getByText('Chưa có số nào được gọi').or(hall.getByTestId('newest-call')).first().waitFor();
      expect(await hall.getByTestId('sound-on').count()).toBe(0);
      const number = await callNext(server.url, 'quay3', 'quay-3', 'ho-tich');
      await hall.getByTestId('newest-call').getByText(number).waitFor();
      // nobody tapped anything, and the call is said (by the clips: this browser has no Vietnamese voice)
      await expect.poll(() => clips.length, { timeout: POLL_MS }).toBeGreaterThan(3);
      await hall.screenshot({ path: path.join(ART, 'hall-tv-no-tap.png') });
    } finally {
      await tvBrowser.close();
    }
  });

  it('says so when the counter-top display names a counter the centre does not have', async () => {
    const server = servers[0]!;
    const c = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
    contexts.push(c);
    const p = await c.newPage();
    await p.goto(`${server.url}/board/counter/99`);
    await p.getByRole('heading', { name: 'Không có quầy số 99' }).waitFor();
    expect(await axeCheck(p)).toEqual([]);
  });
});
