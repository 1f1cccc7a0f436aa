// The staff console beyond the happy path: what the kiosk learned about the
// citizen, parking and calling back, pausing and closing the counter, and the
// server's refusals shown in the official's language.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api.ts';
import { axeCheck, launchBrowser } from '../support/browser.ts';
import { repoRoot, startServer, type RunningServer } from '../support/server.ts';

/** Patience for steps that are not about speed (page loads, sign-ins); the one-second checks say so. */
const POLL_MS = 10_000;

const ART = path.join(repoRoot, 'tests/artifacts/counter');
mkdirSync(ART, { recursive: true });

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(username: string, counterId: string): Promise<Page> {
  const c = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  const p = await c.newPage();
  await p.goto(`${server.url}/counter`);
  await p.fill('input[name=username]', username);
  await p.fill('input[name=password]', 'demo');
  await p.locator('select[name=counter] option').first().waitFor({ state: 'attached' });
  await p.selectOption('select[name=counter]', counterId);
  await p.click('button[type=submit]');
  await p.locator('[data-action=next]').waitFor();
  return p;
}

describe('counter console', () => {
  it("in English, the sign-in form names each counter by its English name", async () => {
    const c = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const p = await c.newPage();
    await p.goto(`${server.url}/counter`);
    await p.locator('select[name=counter] option').first().waitFor({ state: 'attached' });
    expect(await p.locator('select[name=counter] option[value=quay-2]').textContent()).toBe('Quầy 2 — Tư pháp – Hộ tịch');
    await p.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => p.locator('select[name=counter] option[value=quay-2]').textContent(), { timeout: POLL_MS }).toBe('Counter 2 — Justice – Civil status');
    expect(await p.locator('select[name=counter] option[value=quay-1]').textContent()).toBe('Counter 1 — Priority counter');
    expect(await axeCheck(p)).toEqual([]);
    await c.close();
  });

  it('shows what the kiosk learned, parks and calls back, pauses and closes, and reports refusals', async () => {
    const kiosk = new ApiClient(server.url);
    // A card scanned at the kiosk: a citizen born in 1950 with the birth registration procedure chosen.
    const qr = '079050001234||Nguyễn Văn An|01011950|Nam|12 Lê Lợi, phường Tân An|01012021';
    const scanned = await kiosk.post<{ number: string; priorityCategoryId: string | null }>(
      '/api/v1/tickets',
      { serviceId: 'ho-tich', identityQr: qr, procedureCode: '1.001193' },
      { authorization: 'Bearer demo-kiosk-1', 'idempotency-key': 'console-1' },
    );
    expect(scanned.status).toBe(201);
    expect(scanned.body.priorityCategoryId).not.toBeNull();

    const staff = await signIn('quay3', 'quay-3');
    const waiting = staff.getByTestId('waiting-list');
    await expect.poll(() => waiting.locator('tbody tr').count(), { timeout: POLL_MS }).toBe(1);
    // The priority group is named on the waiting line.
    expect(await waiting.locator('.prio').first().textContent()).not.toBe('');

    await staff.keyboard.press('F1');
    await expect.poll(() => staff.getByTestId('current-number').textContent(), { timeout: POLL_MS }).toBe(scanned.body.number);
    await expect.poll(() => staff.getByTestId('citizen').textContent(), { timeout: POLL_MS }).toMatch(/Nguyễn Văn An, \d+ tuổi/);
    await expect.poll(() => staff.getByTestId('procedure').textContent(), { timeout: POLL_MS }).toBe('Đăng ký khai sinh (1.001193)');
    await staff.screenshot({ path: path.join(ART, 'desk-citizen.png') });

    // Park while serving (the citizen goes to fill a form), then call back from the parked list.
    await staff.keyboard.press('s');
    await expect.poll(() => staff.locator('.state-serving').count(), { timeout: POLL_MS }).toBe(1);
    await staff.keyboard.press('p');
    const parked = staff.getByTestId('parked-list');
    await expect.poll(() => parked.locator('tbody tr').count(), { timeout: POLL_MS }).toBe(1);
    await expect.poll(() => staff.getByTestId('current-number').count(), { timeout: POLL_MS }).toBe(0);
    await staff.screenshot({ path: path.join(ART, 'desk-parked.png') });
    await parked.getByRole('button', { name: `Gọi lại ${scanned.body.number}` }).click();
    await expect.poll(() => staff.getByTestId('current-number').textContent(), { timeout: POLL_MS }).toBe(scanned.body.number);
    await expect.poll(() => parked.locator('tbody tr').count(), { timeout: POLL_MS }).toBe(0);

    // Calling next while still serving finishes this one: the console asks for the rating.
    await staff.keyboard.press('s');
    await expect.poll(() => staff.locator('.state-serving').count(), { timeout: POLL_MS }).toBe(1);
    await staff.locator('[data-action=next]').click();
    await expect.poll(() => staff.locator('.rate').textContent(), { timeout: POLL_MS }).toContain(scanned.body.number);
    await expect.poll(() => staff.getByText('Không còn ai chờ.').count(), { timeout: POLL_MS }).toBeGreaterThan(0);

    // Pause: the call button is off, and F1 gets the server's refusal in Vietnamese, then in English.
    await staff.getByRole('button', { name: 'Tạm dừng quầy' }).click();
    await expect.poll(() => staff.locator('.status').textContent(), { timeout: POLL_MS }).toBe('Tạm dừng');
    expect(await staff.locator('[data-action=next]').isDisabled()).toBe(true);
    await staff.keyboard.press('F1');
    const alert = staff.getByRole('alert');
    await alert.waitFor();
    const vi = (await alert.textContent()) ?? '';
    expect(vi).not.toContain(' / ');
    expect(vi).toMatch(/[àáảãạăâđêôơưạờ]/i);
    await staff.screenshot({ path: path.join(ART, 'desk-paused.png') });
    expect(await axeCheck(staff)).toEqual([]);
    await staff.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => alert.textContent(), { timeout: POLL_MS }).not.toBe(vi);
    expect(await alert.textContent()).not.toContain(' / ');
    expect(await staff.locator('[data-action=next]').textContent()).toContain('Call next number');
    await staff.getByRole('button', { name: 'Resume counter' }).click();
    await expect.poll(() => staff.locator('.status').textContent(), { timeout: POLL_MS }).toBe('Open');

    // Close and open again.
    await staff.getByRole('button', { name: 'Close counter' }).click();
    await expect.poll(() => staff.locator('.status').textContent(), { timeout: POLL_MS }).toBe('Closed');
    await staff.getByRole('button', { name: 'Open counter' }).click();
    await expect.poll(() => staff.locator('.status').textContent(), { timeout: POLL_MS }).toBe('Open');
    await staff.getByRole('button', { name: 'Tiếng Việt' }).click();

    // Signing out returns to the sign-in form, and a reload stays signed out.
    await staff.getByRole('button', { name: 'Đăng xuất' }).click();
    await staff.locator('input[name=username]').waitFor();
    await staff.reload();
    await staff.locator('input[name=username]').waitFor();
  });
});
