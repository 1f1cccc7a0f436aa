// Ratings that say why (issue 16.5), on the phone in Chromium: the slip's QR opens the
// page, the visit is done, "Bình thường" asks why with the centre's reasons, "Chọn lại"
// goes back to the faces, one reason ticked and sent; the month report then counts it.
// A satisfied face still sends at once. Vietnamese and English, axe-clean.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api.ts';
import { axeCheck } from '../support/browser.ts';
import { vnToday } from '../support/dates.ts';
import { repoRoot } from '../support/server.ts';
import { browserSuite } from '../support/suite.ts';
import { submitManagerSignIn } from '../support/sign-in.ts';

const ART = path.join(repoRoot, 'tests/artifacts/phone');
mkdirSync(ART, { recursive: true });
const suite = browserSuite();

/** A visit taken at the kiosk and served at counter 2; its slip's address. */
async function servedVisit(): Promise<string> {
  const kiosk = new ApiClient(suite.server.url, { authorization: 'Bearer demo-kiosk-1' });
  const t = (await kiosk.post<{ id: string; statusUrl: string }>('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'kiosk' })).body;
  const clerk = new ApiClient(suite.server.url);
  await clerk.login('quay2', 'quay-2');
  expect((await clerk.post(`/api/v1/tickets/${t.id}/call`)).status).toBe(200);
  expect((await clerk.post(`/api/v1/tickets/${t.id}/finish`, { outcome: 'guidance' })).status).toBe(200);
  return t.statusUrl;
}

describe('ratings that say why, on the phone', () => {
  it('"Bình thường" asks why; one reason sent is counted in the report', async () => {
    const url = await servedVisit();
    const ctx = await suite.context({ viewport: { width: 390, height: 844 }, bypassCSP: true, locale: 'vi-VN' });
    const phone = await ctx.newPage();
    await phone.goto(url);
    await phone.locator('button[data-score="2"]').click();
    const why = phone.getByTestId('rating-reasons');
    await why.waitFor();
    expect(await why.getByRole('heading').textContent()).toBe('Vì sao quý vị chưa hài lòng? Có thể chọn nhiều lý do, hoặc gửi luôn.');
    expect(await why.locator('button[data-reason]').allTextContents()).toEqual(expect.arrayContaining(['Chờ lâu', 'Hướng dẫn chưa rõ', 'Phải bổ sung giấy tờ']));
    // "Chọn lại" goes back to the faces, and nothing was sent
    await why.getByRole('button', { name: 'Chọn lại' }).click();
    await phone.locator('button[data-score="2"]').click();
    await why.locator('button[data-reason="thieu-giay-to"]').click();
    expect(await why.locator('button[data-reason="thieu-giay-to"]').getAttribute('aria-pressed')).toBe('true');
    expect(await axeCheck(phone)).toEqual([]);
    await phone.screenshot({ path: path.join(ART, 'rating-reasons-vi.png'), fullPage: true });
    await why.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => phone.getByTestId('phone-rated').textContent()).toBe('Cảm ơn quý vị đã đánh giá!');

    const mgr = new ApiClient(suite.server.url);
    await mgr.login('quanly');
    const report = (await mgr.get<{ reasons: { key: string; ratings: number }[] }>(`/api/v1/reports?period=month&date=${vnToday()}`)).body;
    expect(report.reasons).toEqual([{ key: 'thieu-giay-to', name: 'Phải bổ sung giấy tờ', ratings: 1 }]);

    // the manager's reports page shows the reason and the satisfaction by wait
    const m = await (await suite.context({ viewport: { width: 1600, height: 1000 }, bypassCSP: true, locale: 'vi-VN' })).newPage();
    await submitManagerSignIn(m, suite.server.url);
    await m.getByTestId('kpis').waitFor();
    await m.getByRole('link', { name: 'Báo cáo' }).click();
    await m.getByRole('button', { name: 'Xem báo cáo' }).click();
    await expect.poll(() => m.getByTestId('report-reasons').textContent(), { timeout: 10_000 }).toBe('Phải bổ sung giấy tờ: 1');
    expect(await m.getByTestId('report-satisfaction').locator('tbody tr').first().textContent()).toMatch(/^0–5 phút1/);
    expect(await m.getByTestId('satisfaction-breaks').textContent()).toContain('Chưa có mức chờ nào');
    expect(await axeCheck(m)).toEqual([]);
    await m.getByTestId('report-satisfaction').screenshot({ path: path.join(ART, 'report-satisfaction-vi.png') });
  });

  it('in English the reasons are English; a satisfied face sends at once', async () => {
    const url = await servedVisit();
    const ctx = await suite.context({ viewport: { width: 390, height: 844 }, bypassCSP: true, locale: 'en-GB' });
    const phone = await ctx.newPage();
    await phone.goto(`${url}&lang=en`);
    await phone.locator('button[data-score="1"]').click();
    const why = phone.getByTestId('rating-reasons');
    await why.waitFor();
    expect(await why.locator('button[data-reason="cho-lau"]').textContent()).toBe('Long wait');
    expect(await axeCheck(phone)).toEqual([]);
    await phone.screenshot({ path: path.join(ART, 'rating-reasons-en.png'), fullPage: true });
    await why.getByRole('button', { name: 'Choose again' }).click();
    await phone.locator('button[data-score="4"]').click();
    await expect.poll(() => phone.getByTestId('phone-rated').textContent()).toBe('Thank you for your rating!');
  });
});
