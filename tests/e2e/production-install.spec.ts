// Issue 13's "done when", walked in Chromium: a fresh production install from an
// empty data folder with DEMO=0 — the first admin made with `npm run user` (the
// password from a pipe), sign-in at /admin, a new field, counter, procedure,
// staff account and kiosk token added there, a number taken at a kiosk opened
// with that token's install URL and called by the new official at the console —
// with no restart and no YAML edit. Every admin page is checked with axe-core
// and photographed to tests/artifacts/admin/.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { kiosk as kioskDict } from '@mot-cua/config/strings/kiosk.ts';
import { admin as adminDict } from '@mot-cua/config/strings/admin.ts';
import { ApiClient } from '../support/api.ts';
import { axeCheck, launchBrowser } from '../support/browser.ts';
import { freePort, repoRoot, startServer, type RunningServer } from '../support/server.ts';

const POLL_MS = 10_000;
const ART = path.join(repoRoot, 'tests/artifacts/admin');
mkdirSync(ART, { recursive: true });
const shot = (p: Page, name: string) => p.screenshot({ path: path.join(ART, `${name}.png`), fullPage: true });
const t = adminDict.vi;

const ADMIN_PASSWORD = 'Quản-trị 2026 mới';
const OFFICIAL_PASSWORD = 'Cán-bộ-quầy-7 an toàn';

/** `npm run user -- <args>` on the data folder, the password on a pipe. */
function user(dataDir: string, args: string[], input: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const c = spawn('npm', ['run', '-s', 'user', '--', ...args], { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir, DEMO: '0' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr.on('data', (d: Buffer) => (out += d.toString()));
    c.on('error', reject);
    c.on('exit', (code) => resolve({ code, out }));
    c.stdin.end(input);
  });
}

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

async function page(viewport = { width: 1440, height: 1000 }): Promise<Page> {
  // axe-core is injected as an inline script, which the server's CSP rightly forbids to pages.
  const c = await browser.newContext({ viewport, bypassCSP: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  contexts.push(c);
  return c.newPage();
}

async function clean(p: Page, name: string): Promise<void> {
  await p.waitForLoadState('networkidle').catch(() => {});
  const violations = await axeCheck(p);
  expect(violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), name).toEqual([]);
  await shot(p, name);
}

/** Goes to an admin page by its link in the navigation, with the keyboard. */
async function openPage(p: Page, label: string): Promise<void> {
  const link = p.getByRole('navigation').getByRole('link', { name: label, exact: true });
  await link.focus();
  await p.keyboard.press('Enter');
  await expect.poll(() => link.getAttribute('aria-current'), { timeout: POLL_MS }).toBe('page');
}

const saved = (p: Page) => expect.poll(() => p.locator('.status .ok').textContent(), { timeout: POLL_MS }).toBe(t.saved);

describe('a fresh production install, configured at /admin with no restart', () => {
  it('first admin from npm run user, then field, counter, procedure, official and kiosk token at /admin; a number taken and called', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-install-'));
    const made = await user(dataDir, ['add', 'quantri', '--role', 'admin', '--name', 'Trần Văn Quản'], `${ADMIN_PASSWORD}\n`);
    expect(made.code, made.out).toBe(0);
    // Production mode; opening hours are not enforced, so the walk passes at any hour of the day.
    server = await startServer({ dataDir, env: { DEMO: '0', ENFORCE_HOURS: '0' } });
    const api = new ApiClient(server.url);
    // No demo account or device token works on it.
    expect((await api.post('/api/v1/auth/login', { username: 'admin', password: 'demo' })).status).toBe(401);

    const admin = new ApiClient(server.url);
    await admin.login('quantri', undefined, ADMIN_PASSWORD);
    const a = await page();

    await a.goto(`${server.url}/admin`);
    await a.locator('input[name=username]').waitFor();
    await clean(a, 'login');
    await a.fill('input[name=username]', 'quantri');
    await a.fill('input[name=password]', ADMIN_PASSWORD);
    await a.press('input[name=password]', 'Enter');
    await a.getByRole('heading', { name: t.title }).waitFor({ timeout: POLL_MS });
    await a.locator('[data-form=centre]').waitFor();
    await clean(a, 'centre');

    // English and back: the console follows the toggle.
    await a.getByRole('button', { name: 'English', exact: true }).click();
    await expect.poll(() => a.getByRole('navigation').getByRole('link').first().textContent()).toBe(adminDict.en.navCentre);
    await a.getByRole('button', { name: 'Tiếng Việt', exact: true }).click();
    await expect.poll(() => a.getByRole('navigation').getByRole('link').first().textContent()).toBe(t.navCentre);

    // Opening hours and holidays: one more holiday, and a bad span named by the server in Vietnamese.
    await openPage(a, t.navHours);
    const hours = a.locator('[data-form=hours]');
    await hours.locator('input[name=sat]').fill('07:30-11:30, sáng');
    await hours.getByRole('button', { name: t.save }).click();
    await expect.poll(() => a.locator('.status [role=alert]').textContent(), { timeout: POLL_MS }).toMatch(/^Cấu hình không hợp lệ: hours\.sat\[1\]\.open: giờ dạng HH:MM/);
    await hours.locator('input[name=sat]').fill('07:30-11:30');
    await hours.locator('textarea[name=closedDates]').fill('2026-09-02\n2027-01-01');
    await hours.getByRole('button', { name: t.save }).click();
    await saved(a);
    expect((await admin.get<{ hours: { closedDates: string[] } }>('/api/v1/admin/config')).body.hours.closedDates).toEqual(['2026-09-02', '2027-01-01']);
    await clean(a, 'hours');

    // The hall board, open all along: it follows every change over realtime, with no reload.
    const board = await page({ width: 1920, height: 1080 });
    await board.goto(`${server.url}/board`);
    await board.locator('[data-testid=fields] tr[data-service=ho-tich]').waitFor({ timeout: POLL_MS });

    // A new field, Tư pháp, numbers 7001…, served at counter 1 for now.
    await openPage(a, t.navFields);
    const field = a.locator('[data-form=field]');
    await field.locator('input[name=id]').fill('tu-phap');
    await field.locator('input[name=code]').fill('TP');
    await field.locator('input[name=name]').fill('Tư pháp – Chứng thực');
    await field.locator('input[name=nameEn]').fill('Justice and certification');
    await field.locator('input[name=prefix]').fill('7');
    await field.locator('input[name=avgServiceMinutes]').fill('8');
    await field.locator('input[name=counter][value=quay-1]').check();
    await field.getByRole('button', { name: t.add }).click();
    await saved(a);
    await a.locator('tr[data-field=tu-phap]').waitFor();
    await clean(a, 'fields');
    await expect.poll(() => board.locator('[data-testid=fields] tr[data-service=tu-phap] th').textContent(), { timeout: POLL_MS }).toBe('Tư pháp – Chứng thực');

    // A new counter 7 that serves it.
    await openPage(a, t.navCounters);
    const counter = a.locator('[data-form=counter]');
    await counter.locator('input[name=id]').fill('quay-7');
    await counter.locator('input[name=number]').fill('7');
    await counter.locator('input[name=name]').fill('Quầy 7');
    await counter.locator('input[name=service][value=tu-phap]').check();
    await counter.getByRole('button', { name: t.add }).click();
    await saved(a);
    await a.locator('tr[data-counter=quay-7]').waitFor();
    // Counter 4's calling weights: shown as they are, one changed.
    await a.locator('tr[data-counter=quay-4]').getByRole('button', { name: `${t.edit} Đất đai – Xây dựng` }).click();
    expect(await counter.locator('input[name=weight-dat-dai]').inputValue()).toBe('2');
    await counter.locator('input[name=weight-xay-dung]').fill('3');
    await counter.getByRole('button', { name: t.save }).click();
    await saved(a);
    const quay4 = (await admin.get<{ counters: { id: string; weights: Record<string, number> }[] }>('/api/v1/admin/config')).body.counters.find((k) => k.id === 'quay-4');
    expect(quay4?.weights).toEqual({ 'dat-dai': 2, 'xay-dung': 3 });
    await clean(a, 'counters');

    // The priority groups are there to edit.
    await openPage(a, t.navPriority);
    await a.locator('tr[data-priority=nguoi-cao-tuoi]').waitFor({ timeout: POLL_MS });
    await clean(a, 'priority');

    // A procedure of the new field, submitted from the keyboard (Enter in its last box).
    await openPage(a, t.navProcedures);
    const proc = a.locator('[data-form=procedure]');
    await proc.locator('input[name=code]').fill('2.000815');
    await proc.locator('select[name=serviceId]').selectOption('tu-phap');
    await proc.locator('input[name=name]').fill('Chứng thực bản sao từ bản chính giấy tờ, văn bản');
    await proc.locator('textarea[name=documents]').fill('Bản chính giấy tờ, văn bản\nBản sao cần chứng thực');
    await proc.locator('input[name=processingTime]').fill('Trong ngày');
    await proc.locator('input[name=fee]').fill('2.000 đồng/trang');
    await proc.locator('input[name=fee]').press('Enter');
    await saved(a);
    await a.locator('tr[data-procedure="2.000815"]').waitFor();
    await clean(a, 'procedures');

    // The official of counter 7.
    await openPage(a, t.navStaff);
    const account = a.locator('[data-form=account]');
    await account.locator('input[name=username]').fill('lan');
    await account.locator('input[name=fullName]').fill('Nguyễn Thị Lan');
    await account.locator('select[name=role]').selectOption('staff');
    await account.locator('input[name=password]').fill(OFFICIAL_PASSWORD);
    await account.locator('input[name=counterIds][value=quay-7]').check();
    await account.getByRole('button', { name: t.add }).click();
    await a.locator('tr[data-user=lan]').waitFor({ timeout: POLL_MS });
    expect(await a.locator('tr[data-user=lan] td').nth(3).textContent()).toBe('7');
    await clean(a, 'staff');

    // A token for a kiosk not known yet: shown once, with its install URL and that URL as a QR code.
    await openPage(a, t.navDevices);
    const device = a.locator('[data-form=device]');
    await device.locator('input[name=deviceId]').fill('kiosk-cong');
    await device.locator('input[name=name]').fill('Kiosk cổng chính');
    await device.locator('select[name=kind]').selectOption('kiosk');
    await device.getByRole('button', { name: t.issueToken }).click();
    const install = a.locator('[data-install-url]');
    await install.waitFor({ timeout: POLL_MS });
    const installUrl = (await install.getAttribute('href')) ?? '';
    const token = (await a.locator('[data-token]').textContent()) ?? '';
    expect(installUrl).toBe(`${server.url}/kiosk/?token=${token}`);
    const qr = a.getByRole('img', { name: `Mã QR địa chỉ cài đặt của Kiosk cổng chính` });
    await expect.poll(() => qr.locator('svg').count(), { timeout: POLL_MS }).toBe(1);
    expect(await qr.getAttribute('data-qr')).toBe(installUrl);
    await a.locator('tr[data-device=kiosk-cong]').waitFor();
    await clean(a, 'devices');

    // The kiosk, opened with that install URL (and an agent address where none listens: no printer here).
    const k = await page({ width: 1080, height: 1920 });
    await k.goto(`${installUrl}&agent=${encodeURIComponent(`ws://127.0.0.1:${await freePort()}/ws`)}`);
    await k.getByRole('button', { name: kioskDict.vi.homeTake }).click({ timeout: POLL_MS });
    await k.locator('[data-service="tu-phap"]').click({ timeout: POLL_MS });
    await k.waitForURL(/\/kiosk\/ticket\//, { timeout: POLL_MS });
    const number = (await k.getByTestId('ticket-number').textContent())?.trim() ?? '';
    expect(number).toBe('7001');
    await k.screenshot({ path: path.join(ART, 'kiosk-ticket.png') });

    // The new official signs in at counter 7 and calls it.
    const s = await page();
    await s.goto(`${server.url}/counter`);
    await s.fill('input[name=username]', 'lan');
    await s.fill('input[name=password]', OFFICIAL_PASSWORD);
    await s.locator('select[name=counter] option[value=quay-7]').waitFor({ state: 'attached', timeout: POLL_MS });
    await s.selectOption('select[name=counter]', 'quay-7');
    await s.click('button[type=submit]');
    await s.locator('[data-action=next]').click({ timeout: POLL_MS });
    await expect.poll(() => s.getByTestId('current-number').textContent(), { timeout: POLL_MS }).toBe(number);
    await s.screenshot({ path: path.join(ART, 'counter-called.png') });

    // A field renamed at /admin is renamed on the open board.
    await openPage(a, t.navFields);
    await a.locator('tr[data-field=tu-phap]').getByRole('button', { name: `${t.edit} Tư pháp – Chứng thực` }).click();
    await field.locator('input[name=name]').fill('Tư pháp – Chứng thực bản sao');
    await field.getByRole('button', { name: t.save }).click();
    await saved(a);
    await expect.poll(() => board.locator('[data-testid=fields] tr[data-service=tu-phap] th').textContent(), { timeout: POLL_MS }).toBe('Tư pháp – Chứng thực bản sao');
    await board.screenshot({ path: path.join(ART, 'board-after-rename.png') });

    // The kiosk's token revoked at /admin stops working at once.
    await openPage(a, t.navDevices);
    await a.locator('tr[data-device=kiosk-cong]').getByRole('button', { name: `${t.revoke} Kiosk cổng chính` }).click();
    await expect.poll(() => a.locator('tr[data-device=kiosk-cong] td').nth(3).textContent(), { timeout: POLL_MS }).toBe(t.revoked);
    expect((await new ApiClient(server.url, { authorization: `Bearer ${token}` }).post('/api/v1/tickets', { serviceId: 'tu-phap', channel: 'kiosk' })).status).toBe(401);

    // One start of the server for all of it, and the YAML file never touched.
    expect(server.output().split('QUEUE_SERVER_URL=').length - 1).toBe(1);
    const ticket = await api.get<{ status: string; counterNumber: number }>(`/api/v1/tickets/${encodeURIComponent(decodeURIComponent(new URL(k.url()).pathname.split('/').pop() ?? ''))}`);
    expect(ticket.body).toMatchObject({ status: 'called', counterNumber: 7 });
  });
});
