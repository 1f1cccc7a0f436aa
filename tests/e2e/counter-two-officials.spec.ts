// Two officials at one counter (issue 20.10): the second to sign in is warned,
// Vietnamese first, who is there, and chooses: take over (the first is signed
// out of that counter and their console goes back to the sign-in form) or
// another counter. Screenshots in tests/artifacts/counter/two-officials-*.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { counterConsole as dict } from '@mot-cua/config/strings/counter-console.ts';
import { ApiClient } from '../support/api.ts';
import { axeCheck } from '../support/browser.ts';
import { repoRoot } from '../support/server.ts';
import { submitConsoleSignIn } from '../support/sign-in.ts';
import { browserSuite } from '../support/suite.ts';

/** Patience for page loads and sign-ins; not a speed check. */
const POLL_MS = 15_000;
const ART = path.join(repoRoot, 'tests/artifacts/counter');
mkdirSync(ART, { recursive: true });
const t = dict.vi;

const suite = browserSuite();

async function fillSignIn(username: string, counterId: string): Promise<Page> {
  const c = await suite.context({ viewport: { width: 1440, height: 900 }, bypassCSP: true, locale: 'vi-VN' });
  const p = await c.newPage();
  await submitConsoleSignIn(p, suite.server.url, username, counterId);
  return p;
}

describe('two officials at one counter', () => {
  it('warns the second who is there; "choose another counter" signs in elsewhere, "take over" signs the first out of it', async () => {
    // quay-1 is the demo's priority counter: quay1 sits there, quay2 may help there.
    const first = await fillSignIn('quay1', 'quay-1');
    await first.locator('[data-action=next]').waitFor({ timeout: POLL_MS });

    const second = await fillSignIn('quay2', 'quay-1');
    const warning = second.getByTestId('counter-taken');
    await warning.waitFor({ timeout: POLL_MS });
    const text = (await warning.textContent()) ?? '';
    expect(text).toContain(t.counterTakenTitle);
    expect(text).toContain('Quầy 1 đang có cán bộ Nguyễn Thị Thu Hà (quay1) đăng nhập');
    expect(text).not.toContain(' / ');
    expect(await second.getByRole('button', { name: t.takeOver }).isVisible()).toBe(true);
    expect(await second.getByRole('button', { name: t.chooseOther }).isVisible()).toBe(true);
    await second.screenshot({ path: path.join(ART, 'two-officials-warning.png'), fullPage: true });
    expect(await axeCheck(second)).toEqual([]);

    // Choosing another counter: the warning goes, the counter list has focus, and quay-2 signs in.
    await second.getByRole('button', { name: t.chooseOther }).click();
    expect(await warning.count()).toBe(0);
    expect(await second.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('counter');
    await second.selectOption('select[name=counter]', 'quay-2');
    await second.click('button[type=submit]');
    await second.locator('[data-action=next]').waitFor({ timeout: POLL_MS });
    // The first official is still at quay-1.
    expect(await first.locator('[data-action=next]').isVisible()).toBe(true);

    // A third browser, quay2 again at quay-1, takes over.
    const third = await fillSignIn('quay2', 'quay-1');
    await third.getByTestId('counter-taken').waitFor({ timeout: POLL_MS });
    await third.getByRole('button', { name: t.takeOver }).click();
    await third.locator('[data-action=next]').waitFor({ timeout: POLL_MS });
    await third.screenshot({ path: path.join(ART, 'two-officials-took-over.png'), fullPage: true });
    expect(await axeCheck(third)).toEqual([]);

    // The first official's console goes back to the sign-in form by itself.
    await first.locator('input[name=username]').waitFor({ timeout: POLL_MS });
    await first.screenshot({ path: path.join(ART, 'two-officials-signed-out.png'), fullPage: true });

    // The take-over is in the audit log.
    const admin = new ApiClient(suite.server.url);
    await admin.login('admin');
    const audit = await admin.get<{ entries: { action: string; actor: string; target: string | null; detail: Record<string, unknown> }[] }>('/api/v1/audit');
    expect(audit.status).toBe(200);
    const entries = audit.body.entries.filter((e) => e.action === 'counter.taken_over');
    expect(entries.map((e) => [e.actor, e.target, e.detail.from])).toEqual([['quay2', 'quay-1', 'quay1']]);
  });
});
