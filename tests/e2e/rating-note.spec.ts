// A rating's optional note (issue 16.5) on the phone in Chromium: after "Không hài lòng" a
// textarea beside the reasons takes a short note (its line breaks become spaces); the note
// is sent with the rating and the manager's reports page lists it for the period, with the
// field, counter and official and nothing about the citizen. Vietnamese and English, axe-clean.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api.ts';
import { axeCheck } from '../support/browser.ts';
import { repoRoot } from '../support/server.ts';
import { browserSuite } from '../support/suite.ts';
import { submitManagerSignIn } from '../support/sign-in.ts';

const ART = path.join(repoRoot, 'tests/artifacts/phone');
mkdirSync(ART, { recursive: true });
const suite = browserSuite();

async function servedVisit(): Promise<string> {
  const kiosk = new ApiClient(suite.server.url, { authorization: 'Bearer demo-kiosk-1' });
  const t = (await kiosk.post<{ id: string; statusUrl: string }>('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'kiosk' })).body;
  const clerk = new ApiClient(suite.server.url);
  await clerk.login('quay2', 'quay-2');
  expect((await clerk.post(`/api/v1/tickets/${t.id}/call`)).status).toBe(200);
  expect((await clerk.post(`/api/v1/tickets/${t.id}/finish`, { outcome: 'guidance' })).status).toBe(200);
  return t.statusUrl;
}

describe.each([
  ['vi', 'vi-VN', 'Phòng chờ nóng,\nthiếu ghế ngồi', 'Phòng chờ nóng, thiếu ghế ngồi', 'Gửi đánh giá', 'Cảm ơn quý vị đã đánh giá!', /^Ý kiến thêm/],
  ['en', 'en-GB', 'The hall was too hot', 'The hall was too hot', 'Send rating', 'Thank you for your rating!', /^Anything to add/],
] as const)('a rating with a note in %s', (lang, locale, typed, sent, send, thanks, label) => {
  it('the phone sends the note with the reasons; the reports page lists it', async () => {
    const url = await servedVisit();
    const phone = await (await suite.context({ viewport: { width: 390, height: 844 }, bypassCSP: true, locale })).newPage();
    await phone.goto(lang === 'en' ? `${url}&lang=en` : url);
    await phone.locator('button[data-score="1"]').click();
    const why = phone.getByTestId('rating-reasons');
    await why.waitFor();
    await why.locator('button[data-reason="cho-lau"]').click();
    expect(await why.locator('label[for=rating-note]').textContent()).toMatch(label);
    await phone.getByTestId('rating-note').fill(typed);
    expect(await axeCheck(phone)).toEqual([]);
    await phone.screenshot({ path: path.join(ART, `rating-note-${lang}.png`), fullPage: true });
    await why.getByRole('button', { name: send }).click();
    await expect.poll(() => phone.getByTestId('phone-rated').textContent()).toBe(thanks);

    const m = await (await suite.context({ viewport: { width: 1600, height: 1000 }, bypassCSP: true, locale: 'vi-VN' })).newPage();
    await submitManagerSignIn(m, suite.server.url);
    await m.getByTestId('kpis').waitFor();
    if (lang === 'en') await m.getByRole('button', { name: 'English' }).click();
    await m.getByRole('link', { name: lang === 'vi' ? 'Báo cáo' : 'Reports' }).click();
    await m.getByRole('button', { name: lang === 'vi' ? 'Xem báo cáo' : 'Show report' }).click();
    const notes = m.getByTestId('report-notes');
    await expect.poll(() => notes.textContent(), { timeout: 10_000 }).toContain(sent);
    expect(await notes.locator('li', { hasText: sent }).textContent()).toContain('Trần Văn Minh');
    expect(await axeCheck(m)).toEqual([]);
    await notes.screenshot({ path: path.join(ART, `report-notes-${lang}.png`) });
  });
});
