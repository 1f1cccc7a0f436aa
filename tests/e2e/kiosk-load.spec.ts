// What a kiosk does around its loading: (issue 22 brief, kiosk race) a card scanned
// before GET /center has answered still gets the elderly group once the centre
// arrives; (revoked token) a kiosk whose device token an administrator revoked
// shows "not installed" with the reason, at load and from the first 401 of an
// issue, instead of a home screen that fails at the last tap. Real queue-server,
// real kiosk agent (simulated scanner), Chromium; the centre's answer is held back
// with Playwright's route interception.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
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
const contexts: BrowserContext[] = [];

// born 01/01/1950: over 60 on any date of this test
const ELDER_QR = '001050012345|123456789|Nguyễn Văn An|01011950|Nam|Số 25 Trần Hưng Đạo, phường Tân An|01012021';

async function sim(pathname: string, body?: unknown): Promise<Response> {
  return fetch(agent.url + pathname, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1080, height: 1920 }, bypassCSP: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

function kioskUrl(route: string, token: string): string {
  const ws = agent.url.replace(/^http/, 'ws') + '/ws';
  return `${server.url}${route}?agent=${encodeURIComponent(ws)}&token=${encodeURIComponent(token)}`;
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
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await agent?.close();
  await server?.stop();
});

describe('a card scanned before the kiosk has loaded the centre', () => {
  it('still gives the elderly group once the centre arrives, and the ticket has it', async () => {
    const { page, errors } = await newPage();
    // hold every GET /center until released
    const held: Route[] = [];
    let holding = true;
    await page.route(/\/api\/v1\/center$/, (route) => (holding ? held.push(route) : route.continue()));
    await page.goto(kioskUrl('/kiosk', 'demo-kiosk-1'));
    await expect.poll(() => page.locator('.kiosk').getAttribute('data-agent'), { timeout: 15_000 }).toBe('connected');
    await expect.poll(() => held.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.locator('.kiosk').getAttribute('data-center')).toBe('loading');

    expect((await sim('/sim/scan', { text: `${ELDER_QR}\r\n` })).status).toBe(202);
    await page.waitForURL(/\/kiosk\/take/);
    await expect.poll(() => page.getByText(interpolate(dict.vi.greeting, { name: 'Nguyễn Văn An' })).first().isVisible()).toBe(true);
    // the centre is still held: nothing to choose from yet
    expect(await page.locator('.kiosk').getAttribute('data-center')).toBe('loading');

    holding = false;
    for (const r of held.splice(0)) await r.continue();
    await page.locator('.kiosk[data-center="loaded"]').waitFor();

    const api = new ApiClient(server.url);
    const center = await api.get<{ priorityCategories: { id: string; name: string; minAge: number | null }[] }>('/api/v1/center');
    const elderly = center.body.priorityCategories.find((c) => c.minAge === 60);
    expect(elderly).toBeDefined();
    await expect.poll(() => page.getByText(interpolate(dict.vi.priorityAuto, { name: elderly!.name })).isVisible()).toBe(true);

    await page.locator('[data-service="ho-tich"]').click();
    await page.waitForURL(/\/kiosk\/ticket\//);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    expect((await api.get<{ priority: boolean }>(`/api/v1/tickets/${id}`)).body).toMatchObject({ priority: true });
    const desk = new ApiClient(server.url);
    await desk.login('quay2', 'quay-2');
    const queued = await desk.get<{ waiting: { id: string; priorityCategoryId: string | null }[] }>('/api/v1/counters/quay-2/queue');
    expect(queued.body.waiting.find((t) => t.id === id)?.priorityCategoryId).toBe(elderly!.id);
    expect(errors).toEqual([]);
  });
});

describe('a kiosk whose device token was revoked', () => {
  async function newKioskToken(admin: ApiClient, deviceId: string): Promise<string> {
    const made = await admin.post<{ token: string }>(`/api/v1/devices/${deviceId}/token`, { kind: 'kiosk', name: `Kiosk ${deviceId}` });
    expect(made.status).toBe(201);
    return made.body.token;
  }

  it('says so at load, in Vietnamese then English, with no home screen', async () => {
    const admin = new ApiClient(server.url);
    await admin.login('admin');
    const token = await newKioskToken(admin, 'kiosk-revoked-1');
    expect((await admin.post('/api/v1/devices/kiosk-revoked-1/revoke')).status).toBe(204);

    const { page, errors } = await newPage();
    await page.goto(kioskUrl('/kiosk', token));
    const screen = page.getByTestId('not-installed');
    await screen.waitFor();
    expect(await screen.getAttribute('data-reason')).toBe('revoked');
    expect(await page.getByTestId('token-revoked').allTextContents()).toEqual([dict.vi.notInstalledRevoked, dict.en.notInstalledRevoked]);
    expect(await page.getByText(dict.vi.notInstalledTitle).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: dict.vi.homeTake }).count()).toBe(0);
    await checkScreen(page, 'not-installed-revoked-vi-en-portrait');
    expect(errors).toEqual([]);
  });

  it('revoked while open: the first issue that answers 401 turns the kiosk into the not-installed screen', async () => {
    const admin = new ApiClient(server.url);
    await admin.login('admin');
    const token = await newKioskToken(admin, 'kiosk-revoked-2');

    const { page, errors } = await newPage();
    await page.goto(kioskUrl('/kiosk/take', token));
    await page.locator('.kiosk[data-center="loaded"]').waitFor();
    expect(await page.getByTestId('not-installed').count()).toBe(0);

    expect((await admin.post('/api/v1/devices/kiosk-revoked-2/revoke')).status).toBe(204);
    const [issued] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST', { timeout: 15_000 }),
      page.locator('[data-service="ho-tich"]').click(),
    ]);
    expect(issued.status()).toBe(401);
    const screen = page.getByTestId('not-installed');
    await screen.waitFor();
    expect(await screen.getAttribute('data-reason')).toBe('revoked');
    expect(await page.locator('.kiosk').count()).toBe(0);
    expect(page.url()).not.toMatch(/\/kiosk\/ticket\//);
    expect(errors).toEqual([]);
  });

  it('a kiosk opened without any token still says only that it is not installed', async () => {
    const { page } = await newPage();
    await page.goto(`${server.url}/kiosk/?token=`);
    const screen = page.getByTestId('not-installed');
    await screen.waitFor();
    expect(await screen.getAttribute('data-reason')).toBe('no-token');
    expect(await page.getByTestId('token-revoked').count()).toBe(0);
  });
});
