// A morning at counter 2, end to end in Chromium: the official signs in, calls,
// recalls, transfers and finishes tickets, while the hall board, the counter-top
// display and the manager board, each in its own browser context, follow within
// a second, and the hall speaks each call (captured from a stand-in speechSynthesis).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api.ts';
import { axeCheck, launchBrowser } from '../support/browser.ts';
import { repoRoot, startServer, type RunningServer } from '../support/server.ts';

/** Patience for steps that are not about speed (page loads, sign-ins); the one-second checks say so. */
const POLL_MS = 10_000;

const ART = path.join(repoRoot, 'tests/artifacts');
for (const d of ['board', 'counter', 'manager']) mkdirSync(path.join(ART, d), { recursive: true });
const shot = (p: Page, file: string) => p.screenshot({ path: path.join(ART, file) });

/** Replaces the browser's speech with a recorder: what was said, and whether two utterances overlapped. */
function fakeSpeech(withVietnameseVoice: boolean): void {
  type Utt = { text: string; onend: (() => void) | null };
  const log: string[] = [];
  const state = { log, overlap: false, speaking: false };
  (window as unknown as { __speech: typeof state }).__speech = state;
  (window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = class {
    text: string;
    lang = '';
    voice: unknown = null;
    rate = 1;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(text: string) {
      this.text = text;
    }
  };
  const voices = withVietnameseVoice ? [{ lang: 'vi-VN', name: 'Test Vietnamese', voiceURI: 'test-vi', default: true, localService: true }] : [];
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      getVoices: () => voices,
      speak(u: Utt) {
        if (state.speaking) state.overlap = true;
        state.speaking = true;
        log.push(u.text);
        setTimeout(() => {
          state.speaking = false;
          u.onend?.();
        }, 300);
      },
      cancel() {},
      pause() {},
      resume() {},
      addEventListener() {},
      removeEventListener() {},
    },
  });
}

const spoken = (p: Page) => p.evaluate(() => (window as unknown as { __speech: { log: string[]; overlap: boolean } }).__speech);
const sentence = (number: string, counter: number) => `Mời công dân có số thứ tự ${number} đến quầy số ${counter}`;

/** How long the screens took to follow each action, printed as a table at the end. */
const latencies: { step: string; screen: string; ms: number }[] = [];
async function follows(step: string, screen: string, t0: number, check: () => Promise<void>): Promise<void> {
  await check();
  latencies.push({ step, screen, ms: Date.now() - t0 });
}

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
  if (latencies.length) console.table(latencies);
});

async function context(viewport: { width: number; height: number }): Promise<BrowserContext> {
  // axe-core is injected as an inline script, which the server's CSP rightly forbids to pages.
  const c = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });
  contexts.push(c);
  return c;
}

describe('counter console, boards and manager together', () => {
  it('serves a queue while every screen follows within a second', async () => {
    const kiosk = new ApiClient(server.url);
    for (let i = 0; i < 3; i++) {
      const r = await kiosk.post('/api/v1/tickets', { serviceId: 'ho-tich' }, { authorization: 'Bearer demo-kiosk-1', 'idempotency-key': `e2e-flow-${i}` });
      expect(r.status).toBe(201);
    }

    const boardCtx = await context({ width: 1920, height: 1080 });
    await boardCtx.addInitScript(fakeSpeech, true);
    const hall = await boardCtx.newPage();
    await hall.goto(`${server.url}/board`);
    await hall.getByTestId('sound-on').click();
    await expect.poll(() => hall.locator('[data-testid=fields] tr[data-service=ho-tich] td').first().textContent(), { timeout: POLL_MS }).toBe('3');
    expect(await axeCheck(hall)).toEqual([]);

    const display = await boardCtx.newPage();
    await display.goto(`${server.url}/board/counter/2`);
    await display.getByRole('heading', { name: 'Quầy 2' }).waitFor();

    const mgrCtx = await context({ width: 1600, height: 1000 });
    const mgr = await mgrCtx.newPage();
    await mgr.goto(`${server.url}/manager`);
    expect(await axeCheck(mgr)).toEqual([]);
    await shot(mgr, 'manager/login.png');
    await mgr.fill('input[name=username]', 'quanly');
    await mgr.fill('input[name=password]', 'demo');
    await mgr.click('button[type=submit]');
    const mgrWaiting = mgr.locator('[data-kpi=waiting]');
    await expect.poll(() => mgrWaiting.textContent(), { timeout: POLL_MS }).toBe('3');
    await expect.poll(() => mgr.locator('[data-kpi=issued]').textContent(), { timeout: POLL_MS }).toBe('3');

    const staffCtx = await context({ width: 1440, height: 900 });
    const staff = await staffCtx.newPage();
    await staff.goto(`${server.url}/counter`);
    await staff.locator('select[name=counter] option').first().waitFor({ state: 'attached' });
    expect(await axeCheck(staff)).toEqual([]);
    await shot(staff, 'counter/login.png');
    await staff.fill('input[name=username]', 'quay2');
    await staff.fill('input[name=password]', 'sai-mat-khau');
    await staff.selectOption('select[name=counter]', 'quay-2');
    await staff.click('button[type=submit]');
    // A wrong password is told in Vietnamese, from the server's message.
    await expect.poll(() => staff.getByRole('alert').textContent(), { timeout: POLL_MS }).toMatch(/[àáảãạăâđêôơư]/i);
    await staff.fill('input[name=password]', 'demo');
    await staff.click('button[type=submit]');
    const waitingRows = staff.locator('[data-testid=waiting-list] tbody tr');
    await expect.poll(() => waitingRows.count(), { timeout: POLL_MS }).toBe(3);
    expect(await axeCheck(staff)).toEqual([]);
    await shot(staff, 'counter/desk-waiting.png');

    // Call next with the F1 key.
    let t0 = Date.now();
    await staff.keyboard.press('F1');
    const newest = hall.getByTestId('newest-call');
    await follows('call 1001', 'hall', t0, () => newest.getByText('1001').waitFor({ timeout: 1000 }));
    await follows('call 1001', 'counter-top', t0, () => display.getByTestId('counter-current').getByText('1001').waitFor({ timeout: 1000 }));
    await follows('call 1001', 'manager', t0, () => expect.poll(() => mgrWaiting.textContent(), { timeout: 1000 }).toBe('2'));
    expect(await newest.textContent()).toContain('2');
    await expect.poll(() => staff.getByTestId('current-number').textContent(), { timeout: POLL_MS }).toBe('1001');
    await expect.poll(async () => (await spoken(hall)).log, { timeout: 10_000 }).toEqual([sentence('1001', 2), sentence('1001', 2)]);
    await shot(hall, 'board/hall-call.png');
    await shot(display, 'board/counter-top.png');
    expect(await axeCheck(display)).toEqual([]);

    // Recall with the button: the hall says it again and marks it.
    t0 = Date.now();
    await staff.locator('[data-action=recall]').click();
    await follows('recall 1001', 'hall', t0, () => newest.getByText('gọi lại').waitFor({ timeout: 1000 }));
    await expect.poll(async () => (await spoken(hall)).log.length, { timeout: 10_000 }).toBe(4);
    expect((await spoken(hall)).log.slice(2)).toEqual([sentence('1001', 2), sentence('1001', 2)]);

    // Start (S), then transfer (T) to Chứng thực: the ticket waits again, in another field.
    await staff.keyboard.press('s');
    await expect.poll(() => staff.locator('.state-serving').count(), { timeout: POLL_MS }).toBe(1);
    await staff.keyboard.press('t');
    const dialog = staff.getByRole('dialog');
    await dialog.waitFor();
    expect(await axeCheck(staff)).toEqual([]);
    await shot(staff, 'counter/transfer.png');
    t0 = Date.now();
    await dialog.locator('[data-service=chung-thuc]').click();
    await follows('transfer 1001', 'manager', t0, () => expect.poll(() => mgrWaiting.textContent(), { timeout: 1000 }).toBe('3'));
    await follows('transfer 1001', 'hall', t0, () =>
      expect.poll(() => hall.locator('[data-testid=fields] tr[data-service=chung-thuc] td').first().textContent(), { timeout: 1000 }).toBe('1'),
    );
    await expect.poll(() => staff.getByTestId('current-number').count(), { timeout: POLL_MS }).toBe(0);

    // Next call: counter 2 serves only Hộ tịch, so 1002 comes, not the transferred 1001.
    t0 = Date.now();
    await staff.locator('[data-action=next]').click();
    await follows('call 1002', 'hall', t0, () => newest.getByText('1002').waitFor({ timeout: 1000 }));
    await follows('call 1002', 'counter-top', t0, () => display.getByTestId('counter-current').getByText('1002').waitFor({ timeout: 1000 }));
    await expect.poll(() => hall.getByTestId('recent-calls').textContent(), { timeout: POLL_MS }).toContain('1001');
    await expect.poll(async () => (await spoken(hall)).log.length, { timeout: 15_000 }).toBe(6);
    const speech = await spoken(hall);
    expect(speech.log.slice(4)).toEqual([sentence('1002', 2), sentence('1002', 2)]);
    expect(speech.overlap).toBe(false);

    // Start and finish with the keys: the console asks for the rating.
    await staff.keyboard.press('s');
    await expect.poll(() => staff.locator('.state-serving').count(), { timeout: POLL_MS }).toBe(1);
    await staff.keyboard.press('f');
    await expect.poll(() => staff.locator('.rate').textContent(), { timeout: POLL_MS }).toContain('1002');
    await shot(staff, 'counter/finished.png');
    // Stats reach managers at most once a second (the server coalesces them), so allow for that.
    t0 = Date.now();
    await follows('finish 1002', 'manager served', t0, () => expect.poll(() => mgr.locator('[data-kpi=served]').textContent(), { timeout: 3000 }).toBe('1'));
    await expect.poll(() => display.getByTestId('counter-current').count(), { timeout: POLL_MS }).toBe(0);
    await shot(hall, 'board/hall.png');
    await shot(mgr, 'manager/live.png');
    await mgr.screenshot({ path: path.join(ART, 'manager/live-full.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);
  });
});
