// Estimates that cannot contradict each other (issue 20, point 7), as a citizen's
// phone shows them: a ticket issued later in a field never shows fewer people
// ahead than an earlier one of the same field and priority class, even while the
// default policy's triage calls it first; and a counter that is open with nobody
// signed in does not shorten the estimate. Real queue-server processes, Chromium;
// screenshots in tests/artifacts/estimate/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import { ApiClient } from '../support/api.ts';
import { axeCheck, launchBrowser } from '../support/browser.ts';
import { repoRoot, startServer, type RunningServer } from '../support/server.ts';

const ART = path.join(repoRoot, 'tests/artifacts/estimate');
mkdirSync(ART, { recursive: true });
const PHONE = { width: 390, height: 844 };
const vi = dict.vi;

let browser: Browser;
const servers: RunningServer[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.stop();
});

async function issue(server: RunningServer, serviceId: string): Promise<{ id: string; number: string }> {
  const r = await new ApiClient(server.url, { authorization: 'Bearer demo-kiosk-1' }).post<{ id: string; number: string }>('/api/v1/tickets', { serviceId });
  expect(r.status).toBe(201);
  return r.body;
}

/** The phone page of a ticket, as its QR opens it. */
async function phone(server: RunningServer, id: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: PHONE, bypassCSP: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/t/${encodeURIComponent(id)}`);
  await page.getByTestId('phone-status').locator('p.big').waitFor({ timeout: 15_000 });
  return page;
}

/** How many people ahead the page says. */
async function aheadOn(page: Page): Promise<number> {
  const text = ((await page.getByTestId('phone-status').locator('p.big').textContent()) ?? '').trim();
  if (text === vi.phoneNext) return 0;
  if (text === vi.phoneWaitingOne) return 1;
  const m = new RegExp(`^${vi.phoneWaiting.replace('{n}', '(\\d+)')}$`).exec(text);
  if (!m) throw new Error(`not a people-ahead text: "${text}"`);
  return Number(m[1]);
}

async function shot(page: Page, name: string): Promise<void> {
  const violations = await axeCheck(page);
  expect(violations.map((v) => `${v.id}: ${v.help}`), name).toEqual([]);
  await page.screenshot({ path: path.join(ART, `${name}.png`) });
}

describe('estimates on the phone page (issue 20.7)', () => {
  it('a counter open with nobody signed in does not shorten the estimate', async () => {
    const server = await startServer();
    servers.push(server);
    // Hộ tịch is served by quay-1 (the priority counter), quay-2 and quay-3; only quay-2's official signs in.
    await new ApiClient(server.url).login('quay2', 'quay-2');
    for (let i = 0; i < 2; i++) await issue(server, 'ho-tich');
    const mine = await issue(server, 'ho-tich');
    const before = await phone(server, mine.id);
    expect(await aheadOn(before)).toBe(2);
    const shown = (await before.getByTestId('phone-estimate').textContent())?.trim();
    // Two ahead at one staffed counter: at least one service's wait, not the minutes of three counters.
    expect(shown).toMatch(/^Dự kiến khoảng \d+ phút nữa$/);
    await shot(before, 'unstaffed-counters-open');
    // A manager closes the two counters nobody sits at: the estimate does not move, as they served nobody.
    const manager = new ApiClient(server.url);
    await manager.login('quanly');
    for (const c of ['quay-1', 'quay-3']) expect((await manager.post(`/api/v1/counters/${c}/close`)).status).toBe(200);
    const after = await phone(server, mine.id);
    expect((await after.getByTestId('phone-estimate').textContent())?.trim()).toBe(shown);
    await shot(after, 'unstaffed-counters-closed');
    await before.context().close();
    await after.context().close();
  });

  it('a ticket issued later shows no fewer people ahead than an earlier one of its field, while the triage calls it first', async () => {
    // A target of 30 seconds, so a ticket is late within the test: past the target (and before the
    // target plus the grace) it waits behind those that can still make it — the default policy's triage.
    const server = await startServer({ env: { CENTER__targets__waitMinutes: '0.5', CENTER__targets__warnWaitMinutes: '0.5' } });
    servers.push(server);
    await new ApiClient(server.url).login('quay4', 'quay-4');
    const early = await issue(server, 'dat-dai');
    await new Promise((r) => setTimeout(r, 33_000));
    const later = await issue(server, 'dat-dai');
    const [pe, pl] = await Promise.all([phone(server, early.id), phone(server, later.id)]);
    const [e, l] = [await aheadOn(pe), await aheadOn(pl)];
    // The counter calls the later ticket first; the earlier one has it ahead…
    expect(e).toBe(1);
    // …and the later one's holder is not told fewer.
    expect(l).toBeGreaterThanOrEqual(e);
    await shot(pe, 'earlier-ticket');
    await shot(pl, 'later-ticket');
    await pe.context().close();
    await pl.context().close();
  }, 90_000);
});
