// A key pressed while the counter's last action is still under way is not lost: an official
// who presses F1 right after F (finish, then call the next number) sees the console say the
// key is kept, and the next number called once the finish is through. The finish request is
// held at the browser's network layer (the real server answers it when released), so "still
// under way" does not depend on how fast this machine is.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { ApiClient } from '../support/api.ts';
import { axeCheck } from '../support/browser.ts';
import { repoRoot } from '../support/server.ts';
import { submitConsoleSignIn } from '../support/sign-in.ts';
import { browserSuite } from '../support/suite.ts';

// Generous: the console re-reads the counter after each action, which a loaded machine (the whole suite on 2 cores) makes slow.
const POLL_MS = 20_000;
const ART = path.join(repoRoot, 'tests/artifacts/counter');
mkdirSync(ART, { recursive: true });

const suite = browserSuite();

async function signIn(username: string, counterId: string): Promise<Page> {
  const p = await (await suite.context({ viewport: { width: 1440, height: 900 }, bypassCSP: true })).newPage();
  await submitConsoleSignIn(p, suite.server.url, username, counterId);
  await p.locator('[data-action=next]').waitFor();
  return p;
}

describe('counter console: a key pressed during an action', () => {
  it('F1 pressed while the finish is under way is kept, said on screen, and calls the next number after it', async () => {
    const kiosk = new ApiClient(suite.server.url);
    const numbers: string[] = [];
    const ids: string[] = [];
    for (const i of [1, 2]) {
      const r = await kiosk.post<{ id: string; number: string }>(
        '/api/v1/tickets',
        { serviceId: 'ho-tich' },
        { authorization: 'Bearer demo-kiosk-1', 'idempotency-key': `queued-key-${i}` },
      );
      expect(r.status).toBe(201);
      numbers.push(r.body.number);
      ids.push(r.body.id);
    }

    const staff = await signIn('quay3', 'quay-3');
    await expect.poll(() => staff.getByTestId('waiting-list').locator('tbody tr').count(), { timeout: POLL_MS }).toBe(2);
    await staff.keyboard.press('F1');
    await expect.poll(() => staff.getByTestId('current-number').textContent(), { timeout: POLL_MS }).toBe(numbers[0]);
    await staff.keyboard.press('s');
    await expect.poll(() => staff.locator('.state-serving').count(), { timeout: POLL_MS }).toBe(1);
    // The start is through (the desk is free again once it has re-read the counter): F is pressed on a free desk,
    // F1 while the finish runs. On a loaded machine F could otherwise come while the start was still under way.
    await staff.locator('[data-action=finish]:not([disabled])').waitFor({ timeout: POLL_MS });

    // Hold the finish until F1 has been pressed.
    let held: Route | null = null;
    await staff.route('**/api/v1/counters/quay-3/current/finish', (route) => {
      held = route;
    });
    await staff.keyboard.press('f');
    await expect.poll(() => held !== null, { timeout: POLL_MS }).toBe(true);
    await staff.keyboard.press('F1');

    // Said on screen, in both languages, while the finish is still under way.
    const note = staff.getByTestId('queued-key');
    await expect.poll(() => note.textContent(), { timeout: POLL_MS }).toBe('Thao tác trước chưa xong — phím F1 sẽ được thực hiện ngay sau đó.');
    await staff.screenshot({ path: path.join(ART, 'desk-key-queued-vi.png') });
    expect(await axeCheck(staff)).toEqual([]);
    await staff.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => note.textContent(), { timeout: POLL_MS }).toBe('The previous action is still under way — F1 will run right after it.');
    await staff.screenshot({ path: path.join(ART, 'desk-key-queued-en.png') });
    // Nothing was called meanwhile: the first number is still the current one.
    expect(await staff.getByTestId('current-number').textContent()).toBe(numbers[0]);

    await held!.continue();
    await expect.poll(() => staff.getByTestId('current-number').textContent(), { timeout: POLL_MS }).toBe(numbers[1]);
    await expect.poll(() => note.count(), { timeout: POLL_MS }).toBe(0);
    // The server agrees: the first was finished, the second is called at counter 3.
    expect((await kiosk.get<{ status: string }>(`/api/v1/tickets/${ids[0]}`)).body.status).toBe('done');
    expect((await kiosk.get<{ status: string; counterId: string }>(`/api/v1/tickets/${ids[1]}`)).body).toMatchObject({ status: 'called', counterId: 'quay-3' });
  });
});
