// The outcome of a visit at the console (issue 16.1), in Chromium: the counter's default
// ("Tiếp nhận hồ sơ") is already picked, so a receipt scanned into the code field and Enter
// finish the common case in one go; key 2 picks guidance only; a malformed code is refused
// with its format and the ticket stays; the month report then counts the dossier against the
// official. Vietnamese and English screens are axe-checked and photographed.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api.ts';
import { axeCheck } from '../support/browser.ts';
import { repoRoot } from '../support/server.ts';
import { browserSuite } from '../support/suite.ts';
import { submitConsoleSignIn, submitManagerSignIn } from '../support/sign-in.ts';
import { vnToday } from '../support/dates.ts';

const ART = path.join(repoRoot, 'tests/artifacts/counter');
mkdirSync(ART, { recursive: true });
const POLL_MS = 10_000;
const suite = browserSuite();

async function signIn(username: string, counterId: string): Promise<Page> {
  const c = await suite.context({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  const p = await c.newPage();
  await submitConsoleSignIn(p, suite.server.url, username, counterId);
  await p.locator('[data-action=next]').waitFor();
  return p;
}

async function take(procedureCode?: string): Promise<string> {
  const kiosk = new ApiClient(suite.server.url, { authorization: 'Bearer demo-kiosk-1' });
  const r = await kiosk.post<{ number: string }>('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'kiosk', ...(procedureCode ? { procedureCode } : {}) });
  expect(r.status).toBe(201);
  return r.body.number;
}

/** Calls the next citizen and starts serving them, waiting for the console to show it. */
async function callAndStart(p: Page, number: string): Promise<void> {
  // The desk takes one action at a time (a key pressed while the last one is still under way is
  // dropped): wait until it is free again, as an official sees the button come back.
  await p.locator('[data-action=next]:not([disabled])').waitFor();
  await p.keyboard.press('F1');
  await expect.poll(() => p.getByTestId('current-number').textContent(), { timeout: POLL_MS }).toBe(number);
  await p.keyboard.press('s');
  await p.getByTestId('outcome').waitFor();
}

const checked = (p: Page) => p.getByTestId('outcome').locator('input[type=radio]:checked').getAttribute('value');

describe('the outcome of a visit at the console', () => {
  it('receives a dossier by its scanned code in one go, records guidance with key 2, refuses a bad code, and the report counts it', async () => {
    const first = await take('1.001193');
    const second = await take('1.001193');
    const third = await take();
    const p = await signIn('quay2', 'quay-2');

    await callAndStart(p, first);
    // the counter's default is already picked: the common case needs no choice
    expect(await checked(p)).toBe('received');
    expect(await axeCheck(p)).toEqual([]);
    await p.screenshot({ path: path.join(ART, 'outcome-vi.png') });
    // a keyboard-wedge barcode reader types the receipt's code and Enter
    await p.getByLabel('Mã hồ sơ (quét hoặc nhập)').fill('261116-ht01-0042');
    await p.getByLabel('Mã hồ sơ (quét hoặc nhập)').press('Enter');
    await expect.poll(() => p.locator('.rate').textContent(), { timeout: POLL_MS }).toContain(first);

    await callAndStart(p, second);
    // a fresh ticket starts from the default again; key 2 is guidance only, and the code field goes
    expect(await checked(p)).toBe('received');
    await p.keyboard.press('2');
    await expect.poll(() => checked(p)).toBe('guidance');
    expect(await p.getByLabel('Mã hồ sơ (quét hoặc nhập)').count()).toBe(0);
    await p.keyboard.press('f');
    await expect.poll(() => p.locator('.rate').textContent(), { timeout: POLL_MS }).toContain(second);

    await callAndStart(p, third);
    await p.getByLabel('Mã hồ sơ (quét hoặc nhập)').fill('2611-HT01');
    await p.keyboard.press('Tab');
    await p.keyboard.press('f');
    await expect.poll(() => p.getByRole('alert').allTextContents().then((a) => a.join(' ')), { timeout: POLL_MS }).toContain('YYMMDD-XXNN-NNNN');
    expect(await p.getByTestId('current-number').textContent()).toBe(third);
    // English: the same choices in English
    await p.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => p.getByTestId('outcome').locator('legend').textContent()).toBe('What the visit achieved (keys 1–4)');
    expect(await p.getByTestId('outcome').locator('label').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Dossier received'), expect.stringContaining('Guidance, documents to add')]));
    expect(await axeCheck(p)).toEqual([]);
    await p.screenshot({ path: path.join(ART, 'outcome-en.png') });
    await p.getByLabel('Dossier code (scan or type)').fill('261116-HT01-0043');
    await p.keyboard.press('Tab');
    await p.keyboard.press('f');
    await expect.poll(() => p.locator('.rate').textContent(), { timeout: POLL_MS }).toContain(third);

    const mgr = new ApiClient(suite.server.url);
    await mgr.login('quanly');
    const today = vnToday();
    const report = (await mgr.get<{ rows: { byStaff: { key: string; dossiersReceived: number; guidanceOnly: number }[] }; procedures: { key: string; guidanceOnly: number }[] }>(`/api/v1/reports?period=month&date=${today}`)).body;
    expect(report.rows.byStaff.find((r) => r.key === 'quay2')).toMatchObject({ dossiersReceived: 2, guidanceOnly: 1 });
    expect(report.procedures.find((r) => r.key === '1.001193')).toMatchObject({ guidanceOnly: 1 });

    // the manager's reports page shows the dossier columns and the procedures that send people home
    const mc = await suite.context({ viewport: { width: 1600, height: 1000 }, bypassCSP: true, locale: 'vi-VN' });
    const m = await mc.newPage();
    await submitManagerSignIn(m, suite.server.url);
    await m.getByTestId('kpis').waitFor();
    await m.getByRole('link', { name: 'Báo cáo' }).click();
    await m.selectOption('select[name=period]', 'month');
    await m.fill('input[name=date]', today);
    await m.getByRole('button', { name: 'Xem báo cáo' }).click();
    const staffRow = m.getByTestId('report-staff').locator('tbody tr', { hasText: 'Trần Văn Minh' });
    await expect.poll(() => staffRow.locator('td[data-col=received]').textContent(), { timeout: POLL_MS }).toBe('2');
    // the demo ward's target, 1,600, written the Vietnamese way
    expect(await m.getByTestId('report-staff').locator('thead').textContent()).toContain('Hồ sơ/cán bộ/năm (chỉ tiêu 1.600)');
    const proc = m.getByTestId('report-procedures').locator('tbody tr', { hasText: '1.001193' });
    expect(await proc.textContent()).toContain('Đăng ký khai sinh');
    expect(await proc.locator('td').last().textContent()).toBe('50 %');
    expect(await axeCheck(m)).toEqual([]);
    await m.getByTestId('report-procedures').screenshot({ path: path.join(ART, 'report-procedures-vi.png') });
  });
});
