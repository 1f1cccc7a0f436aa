// Issue 13.1: everyone changes their own password in their own screen — the
// official at the counter console, the manager at /manager — Vietnamese first.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api.ts';
import { browserSuite } from '../support/suite.ts';

const POLL_MS = 10_000;
const suite = browserSuite();

/** Opens the dialog, tries a short password, a wrong current one, then the right change. */
async function changePassword(p: Page, newPassword: string): Promise<void> {
  await p.click('[data-action=password]');
  const dialog = p.locator('dialog.password');
  await dialog.waitFor();
  expect(await dialog.locator('h2').textContent()).toBe('Đổi mật khẩu');
  await dialog.locator('input[name=currentPassword]').fill('demo');
  await dialog.locator('input[name=newPassword]').fill('ngắn');
  await dialog.locator('input[name=repeatPassword]').fill('ngắn');
  await dialog.locator('button[type=submit]').click();
  await expect.poll(() => dialog.getByRole('alert').textContent(), { timeout: POLL_MS }).toBe('Mật khẩu mới phải có ít nhất 10 ký tự.');

  await dialog.locator('input[name=currentPassword]').fill('sai-mat-khau');
  await dialog.locator('input[name=newPassword]').fill(newPassword);
  await dialog.locator('input[name=repeatPassword]').fill(newPassword);
  await dialog.locator('button[type=submit]').click();
  // The server's refusal, in the screen's language (Vietnamese).
  await expect.poll(() => dialog.getByRole('alert').textContent(), { timeout: POLL_MS }).toBe('Mật khẩu hiện tại không đúng');

  await dialog.locator('input[name=currentPassword]').fill('demo');
  await dialog.locator('input[name=newPassword]').fill(newPassword);
  await dialog.locator('input[name=repeatPassword]').fill(newPassword);
  await dialog.locator('button[type=submit]').click();
  await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: POLL_MS }).toBe('Đã đổi mật khẩu.');
  await dialog.getByRole('button').click();
  await dialog.waitFor({ state: 'detached' });
}

describe('change my password', () => {
  it('at the counter console, then the new password signs in and the old one does not', async () => {
    const c = await suite.context({ viewport: { width: 1440, height: 900 } });
    const p = await c.newPage();
    await p.goto(`${suite.server.url}/counter`);
    await p.fill('input[name=username]', 'quay4');
    await p.fill('input[name=password]', 'demo');
    await p.locator('select[name=counter] option').first().waitFor({ state: 'attached' });
    await p.selectOption('select[name=counter]', 'quay-4');
    await p.click('button[type=submit]');
    await p.locator('[data-action=next]').waitFor();
    await changePassword(p, 'mật-khẩu-quầy-4');
    // Still at the desk.
    await p.locator('[data-action=next]').waitFor();
    await c.close();
    expect((await new ApiClient(suite.server.url).post('/api/v1/auth/login', { username: 'quay4', password: 'demo', counterId: 'quay-4' })).status).toBe(401);
    expect((await new ApiClient(suite.server.url).post('/api/v1/auth/login', { username: 'quay4', password: 'mật-khẩu-quầy-4', counterId: 'quay-4' })).status).toBe(200);
  });

  it('at the manager’s screen', async () => {
    const c = await suite.context({ viewport: { width: 1440, height: 900 } });
    const p = await c.newPage();
    await p.goto(`${suite.server.url}/manager`);
    await p.fill('input[name=username]', 'quanly');
    await p.fill('input[name=password]', 'demo');
    await p.click('button[type=submit]');
    await p.locator('[data-action=password]').waitFor();
    await changePassword(p, 'mật-khẩu-quản-lý');
    await c.close();
    expect((await new ApiClient(suite.server.url).post('/api/v1/auth/login', { username: 'quanly', password: 'mật-khẩu-quản-lý' })).status).toBe(200);
  });
});
