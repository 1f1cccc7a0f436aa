// Result pickup (issue 16.3) in Chromium against the real queue-server: the kiosk's dossier
// look-up finds a ready dossier and offers "Nhận kết quả"; the number it gives is in the
// returns lane; the counter's console lists the dossier's code on its waiting list, shows it on
// the current ticket and finishes the visit as the result returned with that code; the hall
// board shows the number only. Vietnamese and English, axe-checked, photographed.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import { ApiClient } from '../support/api.ts';
import { axeCheck } from '../support/browser.ts';
import { freePort, repoRoot } from '../support/server.ts';
import { browserSuite } from '../support/suite.ts';
import { submitConsoleSignIn } from '../support/sign-in.ts';
import { vnToday } from '../support/dates.ts';

const ART = path.join(repoRoot, 'tests/artifacts/pickup');
mkdirSync(ART, { recursive: true });
const POLL_MS = 10_000;
const READY = '261104-XD04-0004';
const suite = browserSuite();

async function check(page: Page, name: string): Promise<void> {
  const violations = await axeCheck(page);
  expect(violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), name).toEqual([]);
  await page.screenshot({ path: path.join(ART, `${name}.png`) });
}

describe.each(['vi', 'en'] as const)('result pickup in %s', (lang) => {
  const t = dict[lang];
  it('kiosk look-up → ready → "Nhận kết quả" number → the console shows the code → finished as the result returned', async () => {
    const noAgent = `ws://127.0.0.1:${await freePort()}/ws`;
    const kc = await suite.context({ viewport: lang === 'vi' ? { width: 1080, height: 1920 } : { width: 1920, height: 1080 }, bypassCSP: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const k = await kc.newPage();
    const errors: string[] = [];
    k.on('pageerror', (e) => errors.push(e.message));
    await k.goto(`${suite.server.url}/kiosk?agent=${encodeURIComponent(noAgent)}&token=demo-kiosk-1`);
    await k.locator('.kiosk[data-center="loaded"]').waitFor();
    if (lang === 'en') await k.getByRole('button', { name: dict.vi.langToggle, exact: true }).click();
    await expect.poll(() => k.evaluate(() => document.documentElement.lang)).toBe(lang);

    // the returns lane is no tile of its own: its numbers come from a ready dossier
    await k.getByRole('button', { name: t.homeDossier }).click();
    const input = k.getByLabel(t.dossierLabel);
    // a not-ready dossier offers no pickup
    await input.fill('261102-CT02-0002');
    await k.getByRole('button', { name: t.dossierSearch, exact: true }).click();
    await k.getByTestId('dossier-result').waitFor();
    expect(await k.getByTestId('pickup').count()).toBe(0);

    await input.fill(READY.toLowerCase());
    await k.getByRole('button', { name: t.dossierSearch, exact: true }).click();
    await k.getByTestId('pickup').waitFor();
    expect(await k.getByTestId('pickup').textContent()).toContain(t.pickupHint);
    await check(k, `kiosk-ready-${lang}`);
    await k.getByRole('button', { name: t.pickupTake }).click();
    await expect.poll(() => new URL(k.url()).pathname, { timeout: POLL_MS }).toMatch(/^\/kiosk\/ticket\//);
    const id = decodeURIComponent(new URL(k.url()).pathname.split('/').pop()!);
    const ticket = (await new ApiClient(suite.server.url).get<{ number: string; serviceId: string }>(`/api/v1/tickets/${id}`)).body;
    expect(ticket).toMatchObject({ serviceId: 'tra-ket-qua', number: expect.stringMatching(/^9/) });
    expect(errors).toEqual([]);

    // the hall shows the number, never the dossier's code
    const bc = await suite.context({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    const board = await bc.newPage();
    await board.goto(`${suite.server.url}/board/?token=demo-board-1`);

    // the counter serving the lane sees the code coming, so the result can be fetched first
    const cc = await suite.context({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const p = await cc.newPage();
    await submitConsoleSignIn(p, suite.server.url, 'quay3', 'quay-3');
    await p.locator('[data-action=next]').waitFor();
    if (lang === 'en') await p.getByRole('button', { name: 'English' }).click();
    const coming = p.getByTestId('waiting-dossier');
    await expect.poll(() => coming.textContent(), { timeout: POLL_MS }).toBe(lang === 'vi' ? `Nhận kết quả: ${READY}` : `Result pickup: ${READY}`);
    await check(p, `console-waiting-${lang}`);

    await p.keyboard.press('F1');
    await expect.poll(() => p.getByTestId('current-number').textContent(), { timeout: POLL_MS }).toBe(ticket.number);
    expect(await p.getByTestId('pickup-dossier').textContent()).toBe(READY);
    await expect.poll(() => board.locator('body').textContent(), { timeout: POLL_MS }).toContain(ticket.number);
    expect(await board.locator('body').textContent()).not.toContain(READY);

    await p.keyboard.press('s');
    await p.getByTestId('outcome').waitFor();
    // a pickup's finish is the result returned, its code already there
    expect(await p.getByTestId('outcome').locator('input[type=radio]:checked').getAttribute('value')).toBe('result');
    expect(await p.locator('#dossier-code').inputValue()).toBe(READY);
    await check(p, `console-current-${lang}`);
    await p.keyboard.press('f');
    await expect.poll(() => p.locator('.rate').textContent(), { timeout: POLL_MS }).toContain(ticket.number);

    // the visit counts as finished with an outcome, not as a dossier received
    const mgr = new ApiClient(suite.server.url);
    await mgr.login('quanly');
    const report = (await mgr.get<{ rows: { byStaff: { key: string; withOutcome: number; dossiersReceived: number; guidanceOnly: number }[] } }>(`/api/v1/reports?period=month&date=${vnToday()}`)).body;
    expect(report.rows.byStaff.find((r) => r.key === 'quay3')).toMatchObject({ withOutcome: lang === 'vi' ? 1 : 2, dossiersReceived: 0, guidanceOnly: 0 });
  });
});
