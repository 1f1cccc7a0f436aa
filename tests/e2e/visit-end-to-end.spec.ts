// The visit end to end (issue 16, "done when"), in Chromium with the real server and the kiosk
// agent's simulated devices: at the kiosk a CCCD is scanned through the agent, a procedure picked,
// its documents ticked "có / chưa có" (the missing one says where to get it), the declaration
// (tờ khai) shown prefilled from the card and its A4 print view rendered, the number taken and
// printed with the missing document; at the counter the official sees "3/4 giấy tờ — thiếu: …"
// and the prefilled declaration, and finishes with "tiếp nhận hồ sơ" and a dossier code typed
// into the code field as a keyboard-wedge scanner does; the phone page by the slip's QR lists the
// missing document and rates "Bình thường" with a reason; the month report then shows the dossier
// against that official. The English pass photographs every new screen in English too.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import { interpolate } from '@mot-cua/config/strings/index.ts';
import { ApiClient } from '../support/api.ts';
import { checkScreen, kioskSuite } from '../support/kiosk.ts';
import { repoRoot } from '../support/server.ts';
import { submitConsoleSignIn, submitManagerSignIn } from '../support/sign-in.ts';
import { vnToday } from '../support/dates.ts';

const ART = path.join(repoRoot, 'tests/artifacts/visit');
mkdirSync(ART, { recursive: true });
const POLL = { timeout: 15_000 };

const kiosk = kioskSuite({ agent: true });
const { sim } = kiosk;

const QR = '001050012345|123456789|Nguyễn Văn An|01011950|Nam|Số 25 Trần Hưng Đạo, phường Tân An|01012021';
const QR_EN = '079095001234||Phạm Thị Dung|15061995|Nữ|Số 3 Lê Lợi, phường Tân An|10052022';
const BIRTH = '1.001193';

async function openProcedure(code: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await kiosk.open(`/kiosk/procedure?code=${encodeURIComponent(code)}`);
  await opened.page.getByTestId('checklist').waitFor();
  return opened;
}

const check = (page: Page, name: string, fullPage = true) => checkScreen(page, name, { dir: ART, fullPage });

/** Ticks "có" for each document but those listed, which get "chưa có". */
async function answer(page: Page, missing: number[], lang: 'vi' | 'en'): Promise<void> {
  const docs = page.getByTestId('checklist').locator('li[data-doc]');
  const n = await docs.count();
  for (let i = 0; i < n; i++) await docs.nth(i).getByRole('button', { name: missing.includes(i) ? dict[lang].docMissing : dict[lang].docHave, exact: true }).click();
}

async function takeNumber(page: Page): Promise<{ id: string; number: string }> {
  await page.getByRole('button', { name: dict.vi.procedureTake }).or(page.getByRole('button', { name: dict.en.procedureTake })).click();
  await page.waitForURL(/\/kiosk\/take/);
  await page.locator('[data-service="ho-tich"]').click();
  await page.waitForURL(/\/kiosk\/ticket\//);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  await page.getByTestId('ticket-number').waitFor();
  return { id, number: (await page.getByTestId('ticket-number').textContent())!.trim() };
}

async function console(username: string, counterId: string, lang: 'vi' | 'en'): Promise<Page> {
  const p = await kiosk.page({ width: 1440, height: 1000 });
  await submitConsoleSignIn(p, kiosk.server.url, username, counterId);
  await p.locator('[data-action=next]').waitFor();
  if (lang === 'en') await p.getByRole('button', { name: 'English' }).click();
  return p;
}

describe('the visit end to end', () => {
  it('kiosk (scan, procedure, checklist, prefilled form, number) → counter (checklist, prefill, received with a scanned code) → phone (Bình thường with a reason) → the month report', async () => {
    // ── the kiosk
    const { page, errors } = await openProcedure(BIRTH);
    expect(await page.getByTestId('declaration-hint').isVisible()).toBe(true);
    expect((await sim('/sim/scan', { text: `${QR}\r\n` })).status).toBe(202);
    const decl = page.getByTestId('declaration');
    await decl.waitFor(POLL);
    const field = (k: string) => decl.locator(`[data-field=${k}] dd`).textContent();
    expect(await field('declName')).toBe('Nguyễn Văn An');
    expect(await field('declDob')).toBe('01/01/1950');
    expect(await field('declGender')).toBe('Nam');
    expect(await field('declId')).toBe('001050012345');
    expect(await field('declAddress')).toBe('Số 25 Trần Hưng Đạo, phường Tân An');
    // the birth certificate is missing: it says where to get it
    await answer(page, [1], 'vi');
    const guide = page.getByTestId('checklist').locator('li[data-doc="1"]').getByTestId('doc-guide');
    expect(await guide.textContent()).toContain('Do cơ sở y tế nơi trẻ sinh ra cấp');
    expect(await page.getByTestId('checklist-summary').textContent()).toContain(interpolate(dict.vi.checklistSummary, { have: 3, total: 4 }));
    await check(page, 'kiosk-checklist-declaration-vi');
    // the A4 print view: only the form, its fields filled
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByTestId('declaration-sheet');
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.getByTestId('checklist').isVisible()).toBe(false);
    expect(await sheet.locator('h1').textContent()).toBe('TỜ KHAI ĐĂNG KÝ KHAI SINH');
    expect(await sheet.locator('[data-field=declAddress] td').textContent()).toBe('Số 25 Trần Hưng Đạo, phường Tân An');
    expect(await sheet.locator('[data-field=declId] td').textContent()).toBe('001050012345');
    await page.screenshot({ path: path.join(ART, 'declaration-print-a4-vi.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    const { id, number } = await takeNumber(page);
    const missing = page.getByTestId('ticket-missing');
    await missing.waitFor();
    expect(await missing.locator('li').allTextContents()).toEqual([expect.stringMatching(/^Giấy chứng sinh \(bản chính\)/)]);
    await expect.poll(() => page.getByText(dict.vi.printed).isVisible(), POLL).toBe(true);
    await check(page, 'kiosk-ticket-missing-vi');
    const printed = (await (await sim('/sim/printed')).json()) as { printed: { text: string }[] };
    const slip = printed.printed.find((p) => p.text.includes(number))!;
    expect(slip.text.replace(/\s+/g, ' ')).toContain('Giấy tờ còn thiếu: - Giấy chứng sinh (bản chính)');
    expect(errors).toEqual([]);
    // public views carry none of the declaration
    for (const url of [`/api/v1/tickets/${id}`, '/api/v1/queue', `/api/v1/tickets/${id}/checklist`]) expect(JSON.stringify((await kiosk.api.get(url)).body)).not.toMatch(/Nguyễn Văn An|001050012345|Trần Hưng Đạo/);

    // ── the counter: the official sees the checklist and the prefill, receives the dossier by its scanned code
    const desk = await console('quay2', 'quay-2', 'vi');
    await desk.keyboard.press('F1');
    await expect.poll(() => desk.getByTestId('current-number').textContent(), POLL).toBe(number);
    const prep = desk.getByTestId('preparation');
    await prep.waitFor(POLL);
    expect((await desk.getByTestId('prep-docs').textContent())!.replace(/\s+/g, ' ').trim()).toMatch(/^3\/4 giấy tờ — thiếu: Giấy chứng sinh \(bản chính\)/);
    expect(await desk.getByTestId('prep-declaration').locator('[data-field=declId]').textContent()).toBe('001050012345');
    expect(await desk.getByTestId('prep-declaration').locator('[data-field=declAddress]').textContent()).toBe('Số 25 Trần Hưng Đạo, phường Tân An');
    await desk.keyboard.press('s');
    await desk.getByTestId('outcome').waitFor();
    expect(await desk.getByTestId('outcome').locator('input[type=radio]:checked').getAttribute('value')).toBe('received');
    await check(desk, 'counter-preparation-vi');
    const code = `${vnToday().slice(2).replaceAll('-', '')}-HT01-0016`;
    const codeField = desk.getByLabel('Mã hồ sơ (quét hoặc nhập)');
    await codeField.focus();
    // a keyboard-wedge reader types the receipt's code key by key, then Enter
    await desk.keyboard.type(code, { delay: 5 });
    await desk.keyboard.press('Enter');
    await expect.poll(() => desk.locator('.rate').textContent(), POLL).toContain(number);
    // after the visit the official no longer reads the declaration
    const q2 = new ApiClient(kiosk.server.url);
    await q2.login('quay2', 'quay-2');
    expect((await q2.get(`/api/v1/tickets/${id}/preparation`)).status).toBe(403);

    // ── the phone, by the slip's QR
    const held = (await new ApiClient(kiosk.server.url, { authorization: 'Bearer demo-kiosk-1' }).get<{ statusUrl: string }>(`/api/v1/tickets/${id}`)).body;
    const phone = await kiosk.page({ width: 390, height: 844 });
    await phone.goto(held.statusUrl);
    const list = phone.getByTestId('phone-checklist');
    await list.waitFor(POLL);
    expect(await list.locator('h2').textContent()).toBe(interpolate(dict.vi.phoneChecklist, { have: 3, total: 4 }));
    expect(await list.locator('li').textContent()).toContain('Do cơ sở y tế nơi trẻ sinh ra cấp');
    await phone.locator('button[data-score="2"]').click();
    const why = phone.getByTestId('rating-reasons');
    await why.waitFor();
    await why.locator('button[data-reason="thieu-giay-to"]').click();
    await check(phone, 'phone-checklist-rating-vi');
    await why.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => phone.getByTestId('phone-rated').textContent(), POLL).toBe('Cảm ơn quý vị đã đánh giá!');

    // ── the month report: the dossier against that official (Trần Văn Minh, quay2)
    const mgr = new ApiClient(kiosk.server.url);
    await mgr.login('quanly');
    const report = (await mgr.get<{ rows: { byStaff: { key: string; name: string; dossiersReceived: number }[] }; reasons: { key: string; ratings: number }[] }>(`/api/v1/reports?period=month&date=${vnToday()}`)).body;
    expect(report.rows.byStaff.find((r) => r.key === 'quay2')).toMatchObject({ dossiersReceived: 1 });
    expect(report.reasons).toEqual([{ key: 'thieu-giay-to', name: 'Phải bổ sung giấy tờ', ratings: 1 }]);
    const events = await mgr.get<unknown>(`/api/v1/reports?period=month&date=${vnToday()}&format=csv`);
    expect(JSON.stringify(events.body)).not.toMatch(/Nguyễn Văn An|001050012345|Trần Hưng Đạo/);
    const m = await kiosk.page({ width: 1600, height: 1000 });
    await submitManagerSignIn(m, kiosk.server.url);
    await m.getByTestId('kpis').waitFor();
    await m.getByRole('link', { name: 'Báo cáo' }).click();
    await m.selectOption('select[name=period]', 'month');
    await m.fill('input[name=date]', vnToday());
    await m.getByRole('button', { name: 'Xem báo cáo' }).click();
    const staffRow = m.getByTestId('report-staff').locator('tbody tr', { hasText: 'Trần Văn Minh' });
    await expect.poll(() => staffRow.locator('td[data-col=received]').textContent(), POLL).toBe('1');
  });

  it('in English: the checklist, the prefilled declaration, the ticket, the console and the phone page', async () => {
    const { page, errors } = await openProcedure(BIRTH);
    await page.getByRole('button', { name: dict.vi.langToggle, exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect((await sim('/sim/scan', { text: QR_EN })).status).toBe(202);
    await page.getByTestId('declaration').waitFor(POLL);
    expect(await page.getByTestId('declaration').locator('h2').textContent()).toBe(dict.en.declTitle);
    await answer(page, [1, 2], 'en');
    expect(await page.getByTestId('checklist-summary').textContent()).toContain(interpolate(dict.en.checklistSummary, { have: 2, total: 4 }));
    await check(page, 'kiosk-checklist-declaration-en');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('declaration-sheet').locator('[data-field=declName] td').textContent()).toBe('Phạm Thị Dung');
    await page.screenshot({ path: path.join(ART, 'declaration-print-a4-en.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    const { id, number } = await takeNumber(page);
    await page.getByTestId('ticket-missing').waitFor();
    expect(await page.getByTestId('ticket-missing').locator('h2').textContent()).toBe(dict.en.ticketMissing);
    await check(page, 'kiosk-ticket-missing-en');
    expect(errors).toEqual([]);

    const desk = await console('quay1', 'quay-1', 'en');
    await desk.keyboard.press('F1');
    await expect.poll(() => desk.getByTestId('current-number').textContent(), POLL).toBe(number);
    await desk.getByTestId('preparation').waitFor(POLL);
    expect((await desk.getByTestId('prep-docs').textContent())!.replace(/\s+/g, ' ').trim()).toMatch(/^2\/4 documents — missing: /);
    expect(await desk.getByTestId('prep-declaration').locator('[data-field=declName]').textContent()).toBe('Phạm Thị Dung');
    await check(desk, 'counter-preparation-en');

    const held = (await new ApiClient(kiosk.server.url, { authorization: 'Bearer demo-kiosk-1' }).get<{ statusUrl: string }>(`/api/v1/tickets/${id}`)).body;
    const phone = await kiosk.page({ width: 390, height: 844 });
    await phone.goto(`${held.statusUrl}${held.statusUrl.includes('?') ? '&' : '?'}lang=en`);
    await phone.getByTestId('phone-checklist').waitFor(POLL);
    expect(await phone.getByTestId('phone-checklist').locator('h2').textContent()).toBe(interpolate(dict.en.phoneChecklist, { have: 2, total: 4 }));
    await check(phone, 'phone-checklist-en');
  });
});
