// Signing in through the forms the browser tests share: the counter console's
// (username, password, counter) and the manager board's (username, password).
// Each fills and submits; what the test waits for next is its own.
import type { Page } from 'playwright-core';
import type { BrowserSuite } from './suite.ts';

/** Fills the counter console's sign-in at `base` and submits it (demo password unless given). */
export async function submitConsoleSignIn(page: Page, base: string, username: string, counterId: string, password = 'demo'): Promise<void> {
  await page.goto(`${base}/counter`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.locator('select[name=counter] option').first().waitFor({ state: 'attached' });
  await page.selectOption('select[name=counter]', counterId);
  await page.click('button[type=submit]');
}

/** Fills the manager board's sign-in at `base` and submits it. */
export async function submitManagerSignIn(page: Page, base: string, username = 'quanly', password = 'demo'): Promise<void> {
  await page.goto(`${base}/manager`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
}

/** The manager board signed in, in a new context of the suite: a desk's wide screen, Vietnamese, the centre's time zone; back once its tiles show. */
export async function openManagerBoard(suite: BrowserSuite): Promise<Page> {
  const c = await suite.context({ viewport: { width: 1600, height: 1000 }, bypassCSP: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const p = await c.newPage();
  await submitManagerSignIn(p, suite.server.url);
  await p.getByTestId('kpis').waitFor();
  return p;
}
