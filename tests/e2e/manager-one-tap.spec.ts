// The manager board's advice as a one-tap action (issue 13.3): where a field's
// wait heads past the target and nobody working serves it, the board offers to
// give the field to a counter where an official works; one tap changes that
// counter's fields for today, its calls and the estimates follow, and the audit
// names the manager. And the board moves an official to another counter, whose
// console follows. Screenshots in tests/artifacts/manager/{one-tap,move-official}-*.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manager as dict } from '@mot-cua/config/strings/manager.ts';
import { ApiClient } from '../support/api.ts';
import { axeCheck } from '../support/browser.ts';
import { repoRoot } from '../support/server.ts';
import { submitConsoleSignIn, submitManagerSignIn } from '../support/sign-in.ts';
import { browserSuite } from '../support/suite.ts';

/** Patience for page loads and live updates; not a speed check. */
const POLL_MS = 15_000;
const ART = path.join(repoRoot, 'tests/artifacts/manager');
mkdirSync(ART, { recursive: true });

const suite = browserSuite();
type Center = { counters: { id: string; serviceIds: string[] }[] };

describe('the one-tap advice on the manager board', () => {
  it('gives a waiting field to a working counter in one tap; the counter then calls it (vi, en)', async () => {
    const official = new ApiClient(suite.server.url);
    await official.login('quay3', 'quay-3');
    const kiosk = new ApiClient(suite.server.url, { authorization: 'Bearer demo-kiosk-1' });
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await kiosk.post<{ id: string }>('/api/v1/tickets', { serviceId: 'dat-dai' }, { 'idempotency-key': `tap-dd-${i}` });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    const c = await suite.context({ viewport: { width: 1600, height: 1000 }, bypassCSP: true, locale: 'vi-VN' });
    const mgr = await c.newPage();
    await submitManagerSignIn(mgr, suite.server.url);
    const advice = mgr.getByTestId('suggestions');
    const tap = advice.getByTestId('one-tap');
    await tap.waitFor({ timeout: POLL_MS });
    expect(await tap.textContent()).toContain(dict.vi.suggestDoAdd.replace('{field}', 'Đất đai').replace('{counter}', '3'));
    await mgr.screenshot({ path: path.join(ART, 'one-tap-advice-vi.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);

    await tap.click();
    // The counter serves the field now, for today; the advice has no tap left for it.
    await expect.poll(async () => (await official.get<Center>('/api/v1/center')).body.counters.find((x) => x.id === 'quay-3')!.serviceIds, { timeout: POLL_MS }).toContain('dat-dai');
    await expect.poll(() => advice.getByTestId('one-tap').count(), { timeout: POLL_MS }).toBe(0);
    const called = await official.post<{ ticket: { id: string } }>('/api/v1/counters/quay-3/call-next');
    expect(called.body.ticket.id).toBe(ids[0]);
    const estimate = await kiosk.get<{ estimatedWaitMinutes: number | null }>(`/api/v1/tickets/${ids[7]}`);
    expect(estimate.body.estimatedWaitMinutes).toEqual(expect.any(Number));

    await mgr.getByRole('button', { name: 'English' }).click();
    await mgr.getByRole('heading', { name: 'Operations board' }).waitFor();
    await mgr.screenshot({ path: path.join(ART, 'one-tap-done-en.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);

    const admin = new ApiClient(suite.server.url);
    await admin.login('admin');
    const audit = await admin.get<{ entries: { action: string; actor: string; target: string | null; detail: { to?: string[] } }[] }>('/api/v1/audit');
    const entry = audit.body.entries.find((e) => e.action === 'counter.fields');
    expect(entry).toMatchObject({ actor: 'quanly', target: 'quay-3' });
    expect(entry?.detail.to).toContain('dat-dai');
  });

  it('moves an official from the board; their console shows the new counter without a new sign-in (vi, en)', async () => {
    const cc = await suite.context({ viewport: { width: 1440, height: 900 }, bypassCSP: true, locale: 'vi-VN' });
    const desk = await cc.newPage();
    await submitConsoleSignIn(desk, suite.server.url, 'quay5', 'quay-5');
    await desk.locator('[data-action=next]').waitFor({ timeout: POLL_MS });
    await expect.poll(() => desk.textContent('body'), { timeout: POLL_MS }).toContain('— Quầy 5');

    const c = await suite.context({ viewport: { width: 1600, height: 1000 }, bypassCSP: true, locale: 'vi-VN' });
    const mgr = await c.newPage();
    await submitManagerSignIn(mgr, suite.server.url);
    const panel = mgr.getByTestId('move-official');
    const row = panel.locator('li[data-counter=quay-5]');
    await row.waitFor({ timeout: POLL_MS });
    expect(await row.textContent()).toContain('quầy 5');
    await row.getByLabel(dict.vi.moveTo).selectOption('quay-6');
    await mgr.screenshot({ path: path.join(ART, 'move-official-vi.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);
    await row.getByRole('button', { name: dict.vi.moveDo }).click();

    // The console follows by itself: counter 6, no sign-in form.
    await expect.poll(() => desk.textContent('body'), { timeout: POLL_MS }).toContain('— Quầy 6');
    expect(await desk.locator('input[name=username]').count()).toBe(0);
    // The board lists the official at counter 6 now.
    await panel.locator('li[data-counter=quay-6]').waitFor({ timeout: POLL_MS });
    expect(await panel.locator('li[data-counter=quay-5]').count()).toBe(0);
    await mgr.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: POLL_MS }).toBe(dict.en.moveTitle);
    await mgr.screenshot({ path: path.join(ART, 'move-official-en.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);
  });

  it("changes a counter's fields for today from the board: a field taken off is no longer called there (vi, en)", async () => {
    const official = new ApiClient(suite.server.url);
    await official.login('quay2', 'quay-2');
    const c = await suite.context({ viewport: { width: 1600, height: 1000 }, bypassCSP: true, locale: 'vi-VN' });
    const mgr = await c.newPage();
    await submitManagerSignIn(mgr, suite.server.url);
    const row = mgr.getByTestId('counter-fields').locator('fieldset[data-counter=quay-2]');
    await row.waitFor({ timeout: POLL_MS });
    const save = row.getByRole('button', { name: dict.vi.fieldsSave });
    expect(await save.isDisabled()).toBe(true);
    // quay-2 serves ho-tich: give it xay-dung and take ho-tich off, for today.
    await row.getByLabel('Xây dựng').check();
    await row.getByLabel('Tư pháp – Hộ tịch').uncheck();
    await mgr.screenshot({ path: path.join(ART, 'counter-fields-vi.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);
    await save.click();
    await expect.poll(async () => (await official.get<Center>('/api/v1/center')).body.counters.find((x) => x.id === 'quay-2')!.serviceIds, { timeout: POLL_MS }).toEqual(['xay-dung']);
    const kiosk = new ApiClient(suite.server.url, { authorization: 'Bearer demo-kiosk-1' });
    const ht = (await kiosk.post<{ id: string }>('/api/v1/tickets', { serviceId: 'ho-tich' }, { 'idempotency-key': 'fields-ht' })).body;
    const xd = (await kiosk.post<{ id: string }>('/api/v1/tickets', { serviceId: 'xay-dung' }, { 'idempotency-key': 'fields-xd' })).body;
    expect((await official.post<{ ticket: { id: string } }>('/api/v1/counters/quay-2/call-next')).body.ticket.id).toBe(xd.id);
    expect((await kiosk.get<{ status: string }>(`/api/v1/tickets/${ht.id}`)).body.status).toBe('waiting');
    await expect.poll(() => row.getByLabel('Xây dựng').isChecked(), { timeout: POLL_MS }).toBe(true);
    await mgr.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => mgr.getByTestId('counter-fields').locator('h2').textContent(), { timeout: POLL_MS }).toBe(dict.en.fieldsTitle);
    await mgr.screenshot({ path: path.join(ART, 'counter-fields-en.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);
  });
});
