// Work profiles in the counter console (issue 13.3): at sign-in the official
// unticks the fields they do not serve today, and the counter stops calling
// them; a manager moves the official to another counter and the console follows
// without a new sign-in. Screenshots in tests/artifacts/counter/profile-*.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { counterConsole as dict } from '@mot-cua/config/strings/counter-console.ts';
import { ApiClient } from '../support/api.ts';
import { axeCheck } from '../support/browser.ts';
import { repoRoot } from '../support/server.ts';
import { browserSuite } from '../support/suite.ts';

/** Patience for page loads and sign-ins; not a speed check. */
const POLL_MS = 15_000;
const ART = path.join(repoRoot, 'tests/artifacts/counter');
mkdirSync(ART, { recursive: true });

const suite = browserSuite();
type Center = { services: { id: string; name: string; nameEn?: string }[]; counters: { id: string; serviceIds: string[]; configuredServiceIds: string[] }[] };
const counterOf = async (id: string) => (await new ApiClient(suite.server.url).get<Center>('/api/v1/center')).body.counters.find((c) => c.id === id)!;

async function openSignIn(username: string, counterId: string) {
  const c = await suite.context({ viewport: { width: 1440, height: 900 }, bypassCSP: true, locale: 'vi-VN' });
  const p = await c.newPage();
  await p.goto(`${suite.server.url}/counter`);
  await p.fill('input[name=username]', username);
  await p.fill('input[name=password]', 'demo');
  await p.locator('select[name=counter] option').first().waitFor({ state: 'attached' });
  await p.selectOption('select[name=counter]', counterId);
  return p;
}

describe('the work profile at the counter console', () => {
  it('the sign-in offers the counter’s fields, all ticked; an unticked field is not called there (vi, en)', async () => {
    const own = (await counterOf('quay-3')).configuredServiceIds;
    expect(own).toEqual(expect.arrayContaining(['chung-thuc', 'ho-tich']));
    const p = await openSignIn('quay3', 'quay-3');
    const box = p.getByTestId('fields-today');
    await box.waitFor({ timeout: POLL_MS });
    expect(await box.locator('legend').textContent()).toBe(dict.vi.fieldsToday);
    const ticks = box.locator('input[type=checkbox]');
    expect(await ticks.evaluateAll((xs) => xs.map((x) => [(x as HTMLInputElement).value, (x as HTMLInputElement).checked]))).toEqual(own.map((f) => [f, true]));
    // Diacritics kept: the field's Vietnamese name.
    expect(await box.textContent()).toContain('Chứng thực');
    await box.locator('input[value=chung-thuc]').uncheck();
    await p.screenshot({ path: path.join(ART, 'profile-sign-in-vi.png'), fullPage: true });
    expect(await axeCheck(p)).toEqual([]);
    // Nothing ticked: the console says so and does not sign in.
    for (const f of own) await box.locator(`input[value=${f}]`).uncheck();
    expect(await box.getByRole('alert').textContent()).toBe(dict.vi.fieldsNone);
    expect(await p.locator('button[type=submit]').isDisabled()).toBe(true);
    for (const f of own.filter((x) => x !== 'chung-thuc')) await box.locator(`input[value=${f}]`).check();

    // In English the same form, its words in English.
    await p.getByRole('button', { name: 'English' }).click();
    expect(await box.locator('legend').textContent()).toBe(dict.en.fieldsToday);
    expect(await box.textContent()).toContain(dict.en.fieldsTodayHint);
    await p.screenshot({ path: path.join(ART, 'profile-sign-in-en.png'), fullPage: true });
    expect(await axeCheck(p)).toEqual([]);
    await p.getByRole('button', { name: dict.en.language }).click();

    await p.click('button[type=submit]');
    await p.locator('[data-action=next]').waitFor({ timeout: POLL_MS });
    expect((await counterOf('quay-3')).serviceIds).toEqual(own.filter((x) => x !== 'chung-thuc'));
    // A chung-thuc ticket first, then a ho-tich one: "next" calls the ho-tich one.
    const kiosk = new ApiClient(suite.server.url);
    const ct = (await kiosk.post<{ id: string }>('/api/v1/tickets', { serviceId: 'chung-thuc' })).body;
    const ht = (await kiosk.post<{ id: string; number: string }>('/api/v1/tickets', { serviceId: 'ho-tich' })).body;
    await p.locator('[data-action=next]').click();
    await p.getByText(ht.number).first().waitFor({ timeout: POLL_MS });
    expect((await kiosk.get<{ status: string }>(`/api/v1/tickets/${ht.id}`)).body.status).toBe('called');
    expect((await kiosk.get<{ status: string }>(`/api/v1/tickets/${ct.id}`)).body.status).toBe('waiting');
  });

  it('a manager moves the official: the console shows the new counter without a new sign-in', async () => {
    const p = await openSignIn('quay5', 'quay-5');
    await p.click('button[type=submit]');
    await p.locator('[data-action=next]').waitFor({ timeout: POLL_MS });
    await expect.poll(() => p.textContent('body'), { timeout: POLL_MS }).toContain('— Quầy 5');
    const manager = new ApiClient(suite.server.url);
    await manager.login('quanly');
    const moved = await manager.post('/api/v1/counters/quay-5/move', { username: 'quay5', toCounterId: 'quay-6' });
    expect(moved.status).toBe(200);
    await expect.poll(() => p.textContent('body'), { timeout: POLL_MS }).toContain('— Quầy 6');
    expect(await p.locator('input[name=username]').count()).toBe(0);
    await p.screenshot({ path: path.join(ART, 'profile-moved-vi.png'), fullPage: true });
    expect(await axeCheck(p)).toEqual([]);
    // Its "next" now calls counter 6's fields.
    const kiosk = new ApiClient(suite.server.url);
    const hk = (await kiosk.post<{ id: string }>('/api/v1/tickets', { serviceId: 'ho-kinh-doanh' })).body;
    await p.locator('[data-action=next]').click();
    await expect.poll(async () => (await kiosk.get<{ status: string; counterNumber?: number }>(`/api/v1/tickets/${hk.id}`)).body, { timeout: POLL_MS }).toMatchObject({ status: 'called', counterNumber: 6 });
  });
});
