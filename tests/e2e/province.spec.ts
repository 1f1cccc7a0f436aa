// The province office's page (issue 15.3) in a real Chromium against a real province
// server process, fed by a real centre (a queue-server process shipping its log) and by
// a second centre's events posted as a centre would: sign-in, the board grouped by
// district and following a new ticket live, a centre's drill-down, the reports with
// their CSV; Vietnamese then English, axe-clean. Screenshots in tests/artifacts/province/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { province as dict } from '@mot-cua/config/strings/province.ts';
import { dayKey, dayStart } from '../../queue-server/src/domain/index.ts';
import { ApiClient } from '../support/api.ts';
import { axeCheck, launchBrowser } from '../support/browser.ts';
import { startProvince, type RunningProvince } from '../support/province.ts';
import { repoRoot, startServer, type RunningServer } from '../support/server.ts';

/** Patience for page loads, the shipper and live updates; not a speed check. */
const POLL_MS = 20_000;
const ART = path.join(repoRoot, 'tests/artifacts/province');
mkdirSync(ART, { recursive: true });
const TAN_AN = 'ubnd-phuong-tan-an';
const MY_HOA_HUNG = 'ubnd-xa-my-hoa-hung';

let prov: RunningProvince;
let centre: RunningServer;
let browser: Browser;
beforeAll(async () => {
  prov = await startProvince();
  centre = await startServer({ env: { PROVINCE_URL: prov.url, PROVINCE_TOKEN: `demo-province-${TAN_AN}`, PROVINCE_RETRY_MAX_MS: '1000' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await centre?.stop();
  await prov?.stop();
});

const issue = async (n: number) => {
  const kiosk = new ApiClient(centre.url, { authorization: 'Bearer demo-kiosk-1' });
  for (let i = 0; i < n; i++) expect((await kiosk.post('/api/v1/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
};
const deviceCount = (p: Page, centreId: string) => p.locator(`tr[data-centre="${centreId}"] td[data-field="devices"] .count`).textContent();
const cell = (p: Page, centreId: string, field: string) => p.locator(`tr[data-centre="${centreId}"] td[data-field="${field}"]`).textContent();

describe('the province board', () => {
  it('signs in, shows every centre by district, follows a new ticket live, drills down to a centre and reports (vi, en)', async () => {
    await issue(3);
    const official = new ApiClient(centre.url);
    await official.login('quay1', 'quay-1');
    expect((await official.post('/api/v1/counters/quay-1/call-next')).status).toBe(200);
    // A second centre's day, as its shipper would post it.
    const t0 = dayStart(dayKey(Date.now())) + 60_000;
    const ev = (id: number, visit: string) => ({ id, at: t0 + id * 1000, type: 'issued', ticketId: `${visit}-0`, visitId: visit, serviceId: 'ho-tich', counterId: null, actor: null, data: { leg: 0 } });
    const posted = await fetch(`${prov.url}/api/v1/province/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer demo-province-${MY_HOA_HUNG}` },
      body: JSON.stringify({ events: [ev(1, 'a'), ev(2, 'b')] }),
    });
    expect(posted.status).toBe(200);
    // Its devices, as its shipper would send their summary: a board gone silent, a kiosk's printer low on paper.
    const devicesPosted = await fetch(`${prov.url}/api/v1/province/devices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer demo-province-${MY_HOA_HUNG}` },
      body: JSON.stringify({
        at: t0 + 3000,
        devices: { total: 3, warning: 1, error: 0, offline: 1 },
        byKind: [{ kind: 'kiosk', total: 1, warning: 1, error: 0, offline: 0 }, { kind: 'board', total: 2, warning: 0, error: 0, offline: 1 }],
        parts: [{ kind: 'printer', warning: 1, error: 0, offline: 0 }],
        since: t0,
      }),
    });
    expect(devicesPosted.status).toBe(204);

    const c = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true, locale: 'vi-VN' });
    const p = await c.newPage();
    await p.goto(`${prov.url}/province`);
    await p.locator('input[name=username]').waitFor({ timeout: POLL_MS });
    expect(await p.locator('h1').textContent()).toBe(dict.vi.loginTitle);
    expect(await axeCheck(p)).toEqual([]);
    await p.fill('input[name=username]', 'tinh');
    await p.fill('input[name=password]', 'sai');
    await p.click('button[type=submit]');
    await expect.poll(() => p.getByRole('alert').textContent(), { timeout: POLL_MS }).toBe('Sai tên đăng nhập hoặc mật khẩu');
    await p.fill('input[name=password]', 'demo');
    await p.click('button[type=submit]');

    await expect.poll(() => cell(p, TAN_AN, 'issued'), { timeout: POLL_MS }).toBe('3');
    expect(await cell(p, TAN_AN, 'waiting')).toBe('2');
    expect(await cell(p, MY_HOA_HUNG, 'waiting')).toBe('2');
    expect(await p.locator('.district h3').allTextContents()).toEqual(['Huyện An Phú', 'Thành phố Long Xuyên']);
    expect(await p.locator('.district').nth(1).locator('tbody th').allTextContents()).toEqual(['Bộ phận Một cửa UBND phường Tân An', 'Bộ phận Một cửa UBND xã Mỹ Hòa Hưng']);
    expect(await p.locator('thead th').nth(3).textContent()).toBe('Trong 15 phút hôm nay');
    await expect.poll(() => p.getByRole('status').textContent(), { timeout: POLL_MS }).toBe(dict.vi.live);
    // Live: a number taken at the centre reaches the open board without a reload.
    await issue(1);
    await expect.poll(() => cell(p, TAN_AN, 'issued'), { timeout: POLL_MS }).toBe('4');
    expect(await cell(p, TAN_AN, 'waiting')).toBe('3');
    // Devices in trouble: the other centre's summary; the real centre's kiosk reports its printer out of paper, and the board follows live.
    expect(await deviceCount(p, MY_HOA_HUNG)).toBe('2');
    expect(await p.locator(`tr[data-centre="${MY_HOA_HUNG}"] td[data-field="devices"] small`).textContent()).toMatch(/^Sự cố từ 00:01 /);
    await expect.poll(() => deviceCount(p, TAN_AN), { timeout: POLL_MS }).toBe('0');
    const kiosk = new ApiClient(centre.url, { authorization: 'Bearer demo-kiosk-1' });
    expect((await kiosk.post('/api/v1/devices/health', { parts: [{ id: 'printer', kind: 'printer', status: 'error', detail: 'hết giấy / out of paper' }] })).status).toBe(204);
    await expect.poll(() => deviceCount(p, TAN_AN), { timeout: POLL_MS }).toBe('1');
    expect(await p.locator('thead th').nth(6).textContent()).toBe('Thiết bị gặp sự cố');
    await p.screenshot({ path: path.join(ART, 'board-vi.png'), fullPage: true });
    expect(await axeCheck(p)).toEqual([]);

    await p.getByRole('button', { name: dict.vi.language }).click();
    await expect.poll(() => p.locator('header h1').textContent()).toContain(dict.en.title);
    expect(await p.locator('thead th').nth(3).textContent()).toBe('Within 15 min today');
    await p.screenshot({ path: path.join(ART, 'board-en.png'), fullPage: true });
    expect(await axeCheck(p)).toEqual([]);

    await p.getByRole('link', { name: 'Bộ phận Một cửa UBND phường Tân An' }).click();
    await expect.poll(() => p.locator('[data-tile=issued]').textContent(), { timeout: POLL_MS }).toBe('4');
    expect(p.url()).toBe(`${prov.url}/province/centre/${TAN_AN}`);
    expect(await p.locator('[data-tile=waiting]').textContent()).toBe('3');
    expect(await p.locator('section h3').first().textContent()).toBe(dict.en.byService);
    expect(await p.locator('h3', { hasText: dict.en.devicesTitle }).count()).toBe(1);
    expect(await p.locator('[data-table=device-kinds] tr[data-kind=kiosk] td').allTextContents()).toEqual(['1', '0', '1', '0']);
    expect(await p.locator('[data-table=device-parts] tr[data-part=printer] th').textContent()).toBe(dict.en.part_printer);
    expect(await p.locator('[data-table=device-parts] tr[data-part=printer] td').allTextContents()).toEqual(['0', '1', '0']);
    expect(await p.locator('[data-devices=summary]').textContent()).toMatch(/In trouble since \d\d:\d\d .* Reported by the centre at/);
    await p.screenshot({ path: path.join(ART, 'centre-en.png'), fullPage: true });
    expect(await axeCheck(p)).toEqual([]);
    await p.getByRole('button', { name: dict.en.language }).click();
    await expect.poll(() => p.locator('section h3').first().textContent()).toBe(dict.vi.byService);
    expect(await p.locator('[data-table=device-kinds] tr[data-kind=kiosk] th').textContent()).toBe('Kiosk lấy số');
    expect(await p.locator('[data-devices=summary]').textContent()).toMatch(/Sự cố từ \d\d:\d\d .* Trung tâm báo lúc/);
    await p.screenshot({ path: path.join(ART, 'centre-vi.png'), fullPage: true });
    expect(await axeCheck(p)).toEqual([]);

    await p.getByRole('link', { name: dict.vi.navReports, exact: true }).click();
    await expect.poll(() => p.locator('tr[data-row=tinh] td').first().textContent(), { timeout: POLL_MS }).toBe('6');
    expect(await p.locator('h3').allTextContents()).toEqual([dict.vi.total, dict.vi.byDistrict, dict.vi.byCentre]);
    expect(await p.locator(`tr[data-row=${TAN_AN}] td`).first().textContent()).toBe('4');
    await p.screenshot({ path: path.join(ART, 'reports-vi.png'), fullPage: true });
    expect(await axeCheck(p)).toEqual([]);
    const csvHref = await p.getByRole('link', { name: dict.vi.downloadCsv, exact: true }).getAttribute('href');
    const csv = await p.request.get(`${prov.url}${csvHref}`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('Bộ phận Một cửa UBND xã Mỹ Hòa Hưng');
    await p.getByRole('button', { name: dict.vi.language }).click();
    await expect.poll(() => p.locator('h3').first().textContent()).toBe(dict.en.total);
    await p.screenshot({ path: path.join(ART, 'reports-en.png'), fullPage: true });
    expect(await axeCheck(p)).toEqual([]);
    await c.close();
  });
});
