// The manager's board, live: today's figures, a field whose wait heads past the
// target with the counter to open, a device in trouble as it is reported; and
// the reports page for the province's periods.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api.ts';
import { axeCheck, launchBrowser } from '../support/browser.ts';
import { repoRoot, startServer, type RunningServer } from '../support/server.ts';

/** Patience for steps that are not about speed (page loads, sign-ins); the one-second checks say so. */
const POLL_MS = 10_000;

const ART = path.join(repoRoot, 'tests/artifacts/manager');
mkdirSync(ART, { recursive: true });

let server: RunningServer;
let browser: Browser;
/** The centre day the live test's tickets were issued on (their issuedAt is in +07:00): the reports test asks for its period. */
let issuedOn = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function managerPage(): Promise<Page> {
  const c = await browser.newContext({ viewport: { width: 1600, height: 1000 }, bypassCSP: true, locale: 'vi-VN' });
  const p = await c.newPage();
  await p.goto(`${server.url}/manager`);
  await p.fill('input[name=username]', 'quanly');
  await p.fill('input[name=password]', 'demo');
  await p.click('button[type=submit]');
  await p.getByTestId('kpis').waitFor();
  return p;
}

describe('manager board', () => {
  it('refuses a wrong sign-in with the reason in Vietnamese only', async () => {
    const c = await browser.newContext({ bypassCSP: true });
    const p = await c.newPage();
    await p.goto(`${server.url}/manager`);
    await p.fill('input[name=username]', 'khong-co');
    await p.fill('input[name=password]', 'demo');
    await p.click('button[type=submit]');
    const alert = p.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).not.toContain(' / ');
    await c.close();
  });

  it('follows the day live: figures, the counter to open, devices in trouble', async () => {
    const mgr = await managerPage();
    expect(await axeCheck(mgr)).toEqual([]);

    // Counter 4 (Đất đai, Xây dựng) is staffed but closed; counter 1 is nobody's yet.
    const quay4 = new ApiClient(server.url);
    await quay4.login('quay4', 'quay-4');
    expect((await quay4.post('/api/v1/counters/quay-4/close')).status).toBe(200);

    const kiosk = new ApiClient(server.url);
    for (let i = 0; i < 8; i++) {
      const r = await kiosk.post<{ issuedAt: string }>('/api/v1/tickets', { serviceId: 'dat-dai' }, { authorization: 'Bearer demo-kiosk-1', 'idempotency-key': `mgr-dd-${i}` });
      expect(r.status).toBe(201);
      issuedOn = r.body.issuedAt.slice(0, 10);
    }
    await expect.poll(() => mgr.locator('[data-kpi=waiting]').textContent(), { timeout: 1000 }).toBe('8');
    await expect.poll(() => mgr.locator('[data-kpi=issued]').textContent(), { timeout: 3000 }).toBe('8');
    const byService = mgr.getByTestId('by-service');
    await expect.poll(() => byService.locator('tr', { hasText: 'Đất đai' }).locator('td').nth(1).textContent(), { timeout: POLL_MS }).toBe('8');
    // Eight in one field with no one serving it: the expected wait passes the target.
    const advice = mgr.getByTestId('suggestions');
    await expect.poll(() => advice.textContent(), { timeout: POLL_MS }).toMatch(/Đất đai: dự kiến chờ \d+ phút — nên mở thêm quầy 1\./);

    // A kiosk printer runs out of paper: the board says so as the report arrives.
    const device = new ApiClient(server.url, { authorization: 'Bearer demo-kiosk-1' });
    const h = await device.post('/api/v1/devices/health', { parts: [{ id: 'printer', kind: 'printer', status: 'error', detail: 'Hết giấy' }] });
    expect(h.status).toBe(204);
    await expect.poll(() => mgr.getByTestId('devices').textContent(), { timeout: 1000 }).toContain('Hết giấy');

    // The arrivals chart draws from today's stats.
    await expect.poll(() => mgr.locator('figure', { hasText: 'Lượt lấy số theo giờ' }).locator('svg rect').count(), { timeout: POLL_MS }).toBeGreaterThan(0);
    await mgr.screenshot({ path: path.join(ART, 'live-busy.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);

    await mgr.getByRole('button', { name: 'English' }).click();
    await mgr.getByRole('heading', { name: 'Operations board' }).waitFor();
    await expect.poll(() => advice.textContent(), { timeout: POLL_MS }).toMatch(/open counter 1 as well/);
    await mgr.getByRole('button', { name: 'Tiếng Việt' }).click();
  });

  it('shows the reports for a province period, with exports', async () => {
    expect(issuedOn, 'the live test issued the tickets this report counts').toMatch(/^\d{4}-\d\d-\d\d$/);
    const api = new ApiClient(server.url);
    await api.login('quanly');
    const month = await api.get<{ period: { from: string; to: string; label: string }; rows: Record<string, { key: string; issued: number; served: number; noShow: number }[]> }>(
      `/api/v1/reports?period=month&date=${issuedOn}`,
    );
    expect(month.status).toBe(200);

    const mgr = await managerPage();
    await mgr.getByRole('link', { name: 'Báo cáo' }).click();
    await mgr.selectOption('select[name=period]', 'month');
    await mgr.fill('input[name=date]', issuedOn);
    await mgr.getByRole('button', { name: 'Xem báo cáo' }).click();
    // the period as Vietnamese write dates (21/11/2026), not ISO
    const vn = (d: string) => d.split('-').reverse().join('/');
    await expect.poll(() => mgr.getByTestId('report-period').textContent(), { timeout: POLL_MS }).toContain(`${vn(month.body.period.from)} – ${vn(month.body.period.to)}`);
    expect(await mgr.getByTestId('report-period').textContent()).not.toContain(month.body.period.from);
    // the CSV opens as one column in an Excel set to Vietnamese: the page says XLSX is the one for Excel
    expect(await mgr.getByTestId('export-hint').textContent()).toContain('XLSX');
    // The page shows the server's figures as they are: issued, served, no-show of the whole centre.
    const centerRow = month.body.rows.center?.[0];
    expect(centerRow?.issued).toBe(8);
    const cells = mgr.getByTestId('report-center').locator('tbody tr').first().locator('td');
    expect([await cells.nth(0).textContent(), await cells.nth(1).textContent(), await cells.nth(2).textContent()]).toEqual([
      String(centerRow!.issued),
      String(centerRow!.served),
      String(centerRow!.noShow),
    ]);
    for (const format of ['csv', 'xlsx']) {
      const href = await mgr.getByTestId(`export-${format}`).getAttribute('href');
      const r = await api.get(href!);
      expect(r.status).toBe(200);
    }
    await mgr.screenshot({ path: path.join(ART, 'reports.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);
  });
});
