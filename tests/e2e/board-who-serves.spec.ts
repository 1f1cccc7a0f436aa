// The hall shows who serves (issue 16.6; seed 003, l.1529–1590: the name, title, field
// and phone number of every official sent to the one-stop, and where feedback goes): on
// the hall TV each counter's row names its official with title, fields and phone, and the
// footer carries the feedback address beside the hotline, in Vietnamese and English.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemoConfig } from '@mot-cua/config';
import { ApiClient } from '../support/api.ts';
import { axeCheck } from '../support/browser.ts';
import { repoRoot } from '../support/server.ts';
import { browserSuite } from '../support/suite.ts';

const ART = path.join(repoRoot, 'tests/artifacts/board');
mkdirSync(ART, { recursive: true });
const suite = browserSuite();
const demo = loadDemoConfig();

describe('the hall shows who serves', () => {
  it('names each signed-in official with title, fields and phone, and shows where feedback goes', async () => {
    const staff = new ApiClient(suite.server.url);
    await staff.login('quay4', 'quay-4');
    const official = demo.staff.find((s) => s.username === 'quay4')!;
    expect(official.phone).toBeTruthy();

    const ctx = await suite.context({ viewport: { width: 1920, height: 1080 }, bypassCSP: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await ctx.newPage();
    await page.goto(`${suite.server.url}/board?pageSeconds=1`);
    await page.getByTestId('sound-on').click();
    const row = page.locator('[data-testid="counters"] li[data-counter="4"]');
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain(official.fullName);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(official.title);
    expect(text).toContain('Đất đai, Xây dựng');
    expect(await row.getByTestId('official-phone').textContent()).toBe(`· ĐT ${official.phone}`);
    // the row is shown whole on one of the board's pages
    await expect.poll(() => row.isVisible(), { timeout: 15_000 }).toBe(true);
    const foot = page.locator('footer');
    expect(await foot.textContent()).toContain(`Tiếp nhận phản ánh, kiến nghị: ${demo.center.feedbackAddress}`);
    expect(await foot.textContent()).toContain(`Đường dây nóng phản ánh, kiến nghị: ${demo.center.hotline}`);
    expect(await axeCheck(page)).toEqual([]);
    await page.screenshot({ path: path.join(ART, 'who-serves-vi.png') });

    const en = await (await suite.context({ viewport: { width: 1920, height: 1080 }, bypassCSP: true, locale: 'en-GB' })).newPage();
    await en.goto(`${suite.server.url}/board?pageSeconds=1&lang=en`);
    await en.getByTestId('sound-on').click();
    const enRow = en.locator('[data-testid="counters"] li[data-counter="4"]');
    await expect.poll(() => enRow.getByTestId('official-phone').textContent().catch(() => ''), { timeout: 15_000 }).toBe(`· Tel. ${official.phone}`);
    expect(await en.locator('footer').textContent()).toContain('Feedback and complaints:');
  });
});
