// Signing in through the forms the browser tests share: the counter console's
// (username, password, counter) and the manager board's (username, password).
// Each fills and submits; what the test waits for next is its own.
import type { Page } from 'playwright-core';

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
