// The CCCD chip at the kiosk: a virtual card laid on the kiosk agent's simulated chip reader is
// read over BAC secure messaging (the same APDUs a real reader sends), greets the citizen and
// gives a 70-year-old the elderly priority without a question; the ticket is a priority one and
// the server keeps the citizen's number only as its keyed hash. A chip whose key is wrong is
// explained in Vietnamese (and in English with the toggle). Real queue-server, real kiosk agent
// (simulated devices), Chromium.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import { interpolate } from '@mot-cua/config/strings/index.ts';
import type { RunningAgent } from '../../kiosk-agent/src/agent.ts';
import { startKioskAgent } from '../support/agent.ts';
import { ApiClient } from '../support/api.ts';
import { axeCheck, launchBrowser } from '../support/browser.ts';
import { repoRoot, startServer, type RunningServer } from '../support/server.ts';

const ART = path.join(repoRoot, 'tests/artifacts/kiosk');
mkdirSync(ART, { recursive: true });

let server: RunningServer;
let agent: RunningAgent;
let browser: Browser;
let api: ApiClient;
const contexts: BrowserContext[] = [];

async function sim(pathname: string, body?: unknown): Promise<Response> {
  return fetch(agent.url + pathname, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function openKiosk(route: string): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1080, height: 1920 }, bypassCSP: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const ws = agent.url.replace(/^http/, 'ws') + '/ws';
  await page.goto(`${server.url}${route}?agent=${encodeURIComponent(ws)}&token=demo-kiosk-1`);
  await expect.poll(() => page.locator('.kiosk').getAttribute('data-agent'), { timeout: 15_000 }).toBe('connected');
  // A card read before the centre (its priority groups) has loaded gets no group from its age:
  // the scans below come once it has (a fresh clone's run once scanned first).
  await page.locator('.kiosk[data-center="loaded"]').waitFor();
  return { page, errors };
}

async function checkScreen(page: Page, name: string): Promise<void> {
  const violations = await axeCheck(page);
  expect(violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), name).toEqual([]);
  await page.screenshot({ path: path.join(ART, `${name}.png`) });
}

beforeAll(async () => {
  server = await startServer();
  agent = await startKioskAgent(server.url);
  browser = await launchBrowser();
  api = new ApiClient(server.url);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await agent?.close();
  await server?.stop();
});

describe('CCCD chip read at the kiosk', () => {
  it('offers the chip beside the QR, reads a 70-year-old\'s card and gives her a priority ticket', async () => {
    const { page, errors } = await openKiosk('/kiosk/take');
    await expect.poll(() => page.getByTestId('chip-prompt').textContent()).toBe('Đặt thẻ CCCD lên đầu đọc');
    const health = (await (await sim('/health')).json()) as { parts: { id: string; status: string }[] };
    expect(health.parts.find((p) => p.id === 'chip-reader')?.status).toBe('ok');

    expect((await sim('/sim/chip', { mode: 'normal', ageYears: 70 })).status).toBe(202);
    await expect.poll(() => page.getByText(interpolate(dict.vi.greeting, { name: 'Nguyễn Thị Hường' })).first().isVisible()).toBe(true);
    const center = await api.get<{ priorityCategories: { id: string; name: string; minAge: number | null }[] }>('/api/v1/center');
    const elderly = center.body.priorityCategories.find((c) => c.minAge === 60);
    expect(elderly).toBeDefined();
    await expect.poll(() => page.getByText(interpolate(dict.vi.priorityAuto, { name: elderly!.name })).isVisible()).toBe(true);
    await checkScreen(page, 'take-chip-elder-vi-portrait');

    await page.locator('[data-service="ho-tich"]').click();
    await page.waitForURL(/\/kiosk\/ticket\//);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const ticket = await api.get<{ priority: boolean }>(`/api/v1/tickets/${id}`);
    expect(ticket.body).toMatchObject({ priority: true });
    const desk = new ApiClient(server.url);
    await desk.login('quay2', 'quay-2');
    const queued = await desk.get<{ waiting: { id: string; priorityCategoryId: string | null }[] }>('/api/v1/counters/quay-2/queue');
    expect(queued.body.waiting.find((t) => t.id === id)?.priorityCategoryId).toBe(elderly!.id);
    expect(await page.getByTestId('ticket-priority').textContent()).toBe(interpolate(dict.vi.ticketPriority, { name: elderly!.name }));
    expect(errors).toEqual([]);
  });

  it('a chip that refuses the key is explained in Vietnamese, then in English; no priority is given', async () => {
    const { page, errors } = await openKiosk('/kiosk/take');
    expect((await sim('/sim/chip', { mode: 'wrong-key' })).status).toBe(202);
    const shown = page.getByTestId('chip-error');
    await expect.poll(() => shown.textContent()).toBe(dict.vi.chipErrorWrongKey);
    expect(await shown.getAttribute('data-code')).toBe('wrong_key');
    expect(await page.getByRole('button', { name: dict.vi.priorityNone, exact: true }).getAttribute('aria-pressed')).toBe('true');
    await checkScreen(page, 'take-chip-wrong-key-vi-portrait');
    await page.getByRole('button', { name: dict.vi.langToggle, exact: true }).click();
    await expect.poll(() => shown.textContent()).toBe(dict.en.chipErrorWrongKey);
    expect(await page.getByTestId('chip-prompt').textContent()).toBe(dict.en.chipPrompt);

    // the torn read and the tampered chip each have their own explanation
    expect((await sim('/sim/chip', { mode: 'torn-read' })).status).toBe(202);
    await expect.poll(() => shown.textContent()).toBe(dict.en.chipErrorTornRead);
    expect((await sim('/sim/chip', { mode: 'tampered-dg13' })).status).toBe(202);
    await expect.poll(() => shown.textContent()).toBe(dict.en.chipErrorTampered);
    expect(errors).toEqual([]);
  });

  it('on the home screen, a card laid on the reader before any MRZ was scanned leads to the fields screen with what to do', async () => {
    const { page, errors } = await openKiosk('/kiosk');
    expect((await sim('/sim/chip', { key: 'none' })).status).toBe(202);
    await page.waitForURL(/\/kiosk\/take/);
    const shown = page.getByTestId('chip-error');
    await expect.poll(() => shown.textContent()).toBe(dict.vi.chipErrorNoKey);
    expect(await shown.getAttribute('data-code')).toBe('no_key');
    expect(errors).toEqual([]);
  });
});
