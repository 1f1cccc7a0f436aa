// "Báo tin cho tôi" on the phone page (issue 17.2): a citizen following a waiting number gives a
// phone number, and the centre's SMS gateway (a local stub here, speaking the gateway's JSON) is
// asked to text it once when three are ahead and once at the call, with the counter. Real
// queue-server process, Chromium at a phone's size; screenshots vi/en in tests/artifacts/phone/.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import { ApiClient } from '../support/api.ts';
import { axeCheck, launchBrowser } from '../support/browser.ts';
import { repoRoot, startServer, type RunningServer } from '../support/server.ts';

const ART = path.join(repoRoot, 'tests/artifacts/phone');
mkdirSync(ART, { recursive: true });
const WAIT = { timeout: 20_000 };

let server: RunningServer;
let gateway: Server;
let browser: Browser;
const texts: { to: string; brandName: string; text: string }[] = [];

beforeAll(async () => {
  gateway = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      texts.push(JSON.parse(raw) as (typeof texts)[number]);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"queued"}');
    });
  });
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  const sms = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
  server = await startServer({ env: { SMS_GATEWAY_URL: sms, SMS_GATEWAY_TOKEN: 'test', SMS_BRAND_NAME: 'UBNDTANAN' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.kill();
  await new Promise((r) => gateway.close(r));
});

async function checkScreen(page: Page, name: string): Promise<void> {
  const violations = await axeCheck(page);
  expect(violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), name).toEqual([]);
  await page.screenshot({ path: path.join(ART, `${name}.png`), fullPage: true });
}

const until = async (what: () => boolean) => {
  const end = Date.now() + 10_000;
  while (!what() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
};

describe('phone page: tell me when it is my turn', () => {
  it('a citizen gives a phone number and is texted once when three are ahead, then at the call', async () => {
    const kiosk = new ApiClient(server.url, { authorization: 'Bearer demo-kiosk-1' });
    const held: { id: string; number: string; statusUrl: string }[] = [];
    for (let i = 0; i < 6; i++) held.push((await kiosk.post<(typeof held)[number]>('/api/v1/tickets', { serviceId: 'xay-dung', channel: 'kiosk' })).body);
    const mine = held[5]!;
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await ctx.newPage();
    const status = new URL(mine.statusUrl);
    await page.goto(`${server.url}${status.pathname}${status.search}`);
    const box = page.getByTestId('phone-notify');
    await box.waitFor(WAIT);
    expect(await box.getByRole('heading').textContent()).toBe(dict.vi.notifyTitle);
    await checkScreen(page, 'notify-vi');

    // A number that is not one: the server's reason, in Vietnamese only.
    await page.getByLabel(dict.vi.notifyPhone).fill('12345');
    await page.getByRole('button', { name: dict.vi.notifySend }).click();
    await expect.poll(() => page.getByTestId('phone-notify-error').textContent(), WAIT).toBe('Số điện thoại không hợp lệ: cần 10 chữ số, bắt đầu bằng 0');

    await page.getByLabel(dict.vi.notifyPhone).fill('0912 345 678');
    await page.getByRole('button', { name: dict.vi.notifySend }).click();
    await expect.poll(() => page.getByTestId('phone-notify-done').textContent(), WAIT).toContain('0912 345 678');
    await checkScreen(page, 'notify-done-vi');
    // the number is on no public view
    expect(JSON.stringify((await new ApiClient(server.url).get(`/api/v1/tickets/${mine.id}`)).body)).not.toMatch(/0912|345 ?678/);

    const staff = new ApiClient(server.url);
    await staff.login('quay4', 'quay-4');
    for (let i = 0; i < 2; i++) expect((await staff.post('/api/v1/counters/quay-4/call-next')).status).toBe(200);
    await until(() => texts.length >= 1);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ to: '0912345678', brandName: 'UBNDTANAN' });
    expect(texts[0]!.text).toMatch(new RegExp(`^Số ${mine.number}: còn 3 người trước quý vị`));
    for (let i = 0; i < 4; i++) expect((await staff.post('/api/v1/counters/quay-4/call-next')).status).toBe(200);
    await until(() => texts.length >= 2);
    expect(texts[1]!.text).toBe(`Đến lượt số ${mine.number} — mời đến quầy 4 / No. ${mine.number}: your turn — please go to counter 4`);
    // called: the page says so and offers nothing more
    await expect.poll(() => page.getByTestId('phone-status').textContent(), WAIT).toContain('4');
    expect(await page.getByTestId('phone-notify').count()).toBe(0);
    await staff.post('/api/v1/counters/quay-4/current/finish');
    await ctx.close();
  });

  it('in English', async () => {
    const kiosk = new ApiClient(server.url, { authorization: 'Bearer demo-kiosk-1' });
    const t = (await kiosk.post<{ statusUrl: string }>('/api/v1/tickets', { serviceId: 'dat-dai', channel: 'kiosk', lang: 'en' })).body;
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true, locale: 'en-GB', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await ctx.newPage();
    const status = new URL(t.statusUrl);
    await page.goto(`${server.url}${status.pathname}${status.search}${status.search ? '&' : '?'}lang=en`);
    const box = page.getByTestId('phone-notify');
    await box.waitFor(WAIT);
    expect(await box.getByRole('heading').textContent()).toBe(dict.en.notifyTitle);
    await page.getByLabel(dict.en.notifyPhone).fill('123');
    await page.getByRole('button', { name: dict.en.notifySend }).click();
    await expect.poll(() => page.getByTestId('phone-notify-error').textContent(), WAIT).toBe('not a Vietnamese mobile number (10 digits starting with 0)');
    await checkScreen(page, 'notify-en');
    await ctx.close();
  });
});
