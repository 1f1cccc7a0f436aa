// A number from the phone checked in from the phone itself (issue 17.1): the entrance screen
// (/board/entrance with a board's token) shows a code that changes every ten minutes, as a QR
// and as six digits; a phone that took a number at /q types the digits on its number's page —
// or opens the QR (/q/here?e=…), which finds the number this phone holds — and is checked in;
// the key alone, without the code, is refused. Real queue-server, Chromium; screenshots vi/en
// in tests/artifacts/entrance/, axe-clean.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import { board } from '@mot-cua/config/strings/board.ts';
import { interpolate } from '@mot-cua/config/strings/index.ts';
import { ApiClient } from '../support/api.ts';
import { axeCheck, launchBrowser } from '../support/browser.ts';
import { repoRoot, startServer, type RunningServer } from '../support/server.ts';

const ART = path.join(repoRoot, 'tests/artifacts/entrance');
mkdirSync(ART, { recursive: true });
const PHONE = { width: 390, height: 844 };
const WAIT = { timeout: 20_000 };

let server: RunningServer;
let browser: Browser;
let staff: ApiClient;
const contexts: BrowserContext[] = [];

type Ticket = { id: string; number: string; checkedIn: boolean; statusUrl: string };

async function checkScreen(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => {});
  const violations = await axeCheck(page);
  expect(violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), name).toEqual([]);
  await page.screenshot({ path: path.join(ART, `${name}.png`), fullPage: true });
}

async function newContext(viewport: { width: number; height: number }, locale: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport, bypassCSP: true, locale, timezoneId: 'Asia/Ho_Chi_Minh' });
  contexts.push(ctx);
  return ctx;
}

/** The entrance screen in `lang`: its code and the QR's address. */
async function entrance(lang: 'vi' | 'en'): Promise<{ page: Page; code: string; url: string }> {
  const page = await (await newContext({ width: 1920, height: 1080 }, lang === 'vi' ? 'vi-VN' : 'en-US')).newPage();
  await page.goto(`${server.url}/board/entrance?token=demo-board-1${lang === 'en' ? '&lang=en' : ''}`);
  await page.getByTestId('entrance-code').waitFor(WAIT);
  const code = ((await page.getByTestId('entrance-code').textContent()) ?? '').replace(/\s/g, '');
  expect(code).toMatch(/^[0-9]{6}$/);
  await expect.poll(() => page.locator('[data-qr]').getAttribute('data-qr')).toBe(`${server.url}/q/here?e=${code}`);
  expect(await page.getByRole('heading').first().textContent()).toContain(board[lang].entranceTitle);
  await page.locator('[data-qr] svg').waitFor(WAIT);
  await checkScreen(page, `entrance-${lang}`);
  return { page, code, url: `${server.url}/q/here?e=${code}` };
}

/** A number taken from the phone at /q, its page open on the phone. */
async function takeAtQ(ctx: BrowserContext, lang: 'vi' | 'en', phone: string): Promise<{ page: Page; id: string; number: string }> {
  const page = await ctx.newPage();
  const s = dict[lang];
  await page.goto(`${server.url}/q${lang === 'en' ? '?lang=en' : ''}`);
  await page.getByRole('heading', { name: s.remoteTitle }).waitFor(WAIT);
  await page.getByRole('radio', { name: /Hộ tịch|Civil status/ }).check();
  await page.getByLabel(s.remotePhone).fill(phone);
  await page.getByRole('button', { name: s.remoteTake }).click();
  await page.waitForURL(/\/t\/[^/]+\?/, WAIT);
  await page.getByTestId('phone-not-arrived').waitFor(WAIT);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
  return { page, id, number: ((await page.getByTestId('phone-number').textContent()) ?? '').trim() };
}

const ticket = async (id: string) => (await staff.get<Ticket>(`/api/v1/tickets/${id}`)).body;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  staff = new ApiClient(server.url);
  await staff.login('quay2', 'quay-2');
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

describe('checked in from the phone with the code at the entrance (issue 17.1)', () => {
  it('Vietnamese: the six digits typed on the number’s page check it in; a wrong code is refused and changes nothing', async () => {
    const s = dict.vi;
    const { code } = await entrance('vi');
    const phone = await newContext(PHONE, 'vi-VN');
    const { page, id } = await takeAtQ(phone, 'vi', '0912000101');
    expect(await page.getByTestId('phone-not-arrived').textContent()).toContain(s.phoneEntranceOr);
    await checkScreen(page, 'phone-entrance-vi');

    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await page.getByLabel(s.phoneEntranceLabel).fill(wrong);
    await page.getByRole('button', { name: s.phoneEntranceButton }).click();
    await expect.poll(() => page.getByTestId('entrance-message').textContent(), WAIT).toMatch(/^Mã ở cửa vào không đúng/);
    expect((await ticket(id)).checkedIn).toBe(false);

    await page.getByLabel(s.phoneEntranceLabel).fill(`${code.slice(0, 3)} ${code.slice(3)}`);
    await page.getByRole('button', { name: s.phoneEntranceButton }).click();
    await page.getByTestId('phone-not-arrived').waitFor({ state: 'detached', ...WAIT });
    expect((await ticket(id)).checkedIn).toBe(true);
    // Checked in: the counter calls it.
    const called = await staff.post<{ ticket: Ticket }>('/api/v1/counters/quay-2/call-next');
    expect(called.body.ticket.id).toBe(id);
    await staff.post(`/api/v1/tickets/${id}/finish`);
  });

  it('English: the entrance QR opened on the phone checks in the number it holds, and opens its page', async () => {
    const { url } = await entrance('en');
    const phone = await newContext(PHONE, 'en-US');
    const { id, number } = await takeAtQ(phone, 'en', '0912000102');
    // The camera app opens the QR's address in a new tab of the same browser.
    const tab = await phone.newPage();
    await tab.goto(`${url}&lang=en`);
    await tab.waitForURL(new RegExp(`/t/${id}\\?`), WAIT);
    await expect.poll(() => tab.getByTestId('phone-number').textContent(), WAIT).toBe(number);
    await expect.poll(async () => (await ticket(id)).checkedIn, WAIT).toBe(true);
    expect(await tab.getByTestId('phone-not-arrived').count()).toBe(0);
    // Again on a phone holding nothing any more: it says what to do instead, in English.
    await tab.goto(`${url}&lang=en`);
    await tab.getByTestId('arrived-none').waitFor(WAIT);
    expect(await tab.getByTestId('arrived-none').textContent()).toBe(interpolate(dict.en.arrivedNone, { code: new URL(url).searchParams.get('e')! }));
    await checkScreen(tab, 'arrived-none-en');
  });

  it('the entrance screen without a board’s token says what it needs', async () => {
    const page = await (await newContext({ width: 1920, height: 1080 }, 'vi-VN')).newPage();
    await page.goto(`${server.url}/board/entrance`);
    expect(await page.getByTestId('entrance-refused').textContent()).toBe(board.vi.entranceNoToken);
    await page.goto(`${server.url}/board/entrance?token=demo-keypad-1`);
    await expect.poll(() => page.getByTestId('entrance-refused').textContent(), WAIT).toBe(board.vi.entranceNoToken);
  });
});
