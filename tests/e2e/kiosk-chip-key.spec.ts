// The CCCD chip's access key typed by hand (issue 22): the citizen, or an official helping
// them, types the 12-digit ID number, the date of birth and the date of expiry on the kiosk's
// numeric on-screen keys; the kiosk hands the three MRZ fields to its agent (agent-protocol
// `chip.key`), the virtual card laid on the simulated reader answers MUTUAL AUTHENTICATE, and a
// 70-year-old gets the elderly priority ticket. A wrong date gives the card's real refusal,
// explained as a typing mistake. Real queue-server, real kiosk agent (simulated devices), Chromium.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import { interpolate } from '@mot-cua/config/strings/index.ts';
import { seventyYearOld } from '../../hardware/src/testing/chip-fixtures.ts';
import { ApiClient } from '../support/api.ts';
import { checkScreen, kioskSuite } from '../support/kiosk.ts';

const kiosk = kioskSuite({ agent: true });
const { sim } = kiosk;

/** Taps digits on the on-screen keys (no physical keyboard on a kiosk). */
async function tapDigits(page: Page, digits: string): Promise<void> {
  const keys = page.locator('.kb');
  for (const d of digits) await keys.getByRole('button', { name: d, exact: true }).click();
}

const dmy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;

/** The card the agent's simulator lays on the reader (`/sim/chip` with ageYears 70). */
function simulatedCard(): { id: string; dob: string; doe: string } {
  const p = seventyYearOld(new Date());
  return { id: p.idNumber, dob: dmy(p.dateOfBirth), doe: dmy(p.dateOfExpiry) };
}

/** The three fields typed in order, "Tiếp" moving to the next. */
async function typeKey(page: Page, k: { id: string; dob: string; doe: string }, next: string): Promise<void> {
  await page.getByTestId('chip-key-id').click();
  await tapDigits(page, k.id);
  await page.getByRole('button', { name: next, exact: true }).click();
  await tapDigits(page, k.dob);
  await page.getByRole('button', { name: next, exact: true }).click();
  await tapDigits(page, k.doe);
}

describe("typing the chip's access key at the kiosk", () => {
  it('typed key → the virtual card answers → a 70-year-old gets the elderly priority ticket', async () => {
    const { page, errors } = await kiosk.open('/kiosk/take');
    await page.getByTestId('chip-key-open').click();
    await page.waitForURL(/\/kiosk\/chip-key/);
    const card = simulatedCard();
    await typeKey(page, card, dict.vi.chipKeyNext);
    expect(await page.getByTestId('chip-key-dob').inputValue()).toBe(`${card.dob.slice(0, 2)}/${card.dob.slice(2, 4)}/${card.dob.slice(4)}`);
    await checkScreen(page, 'chip-key-typed-vi-portrait');
    await page.getByRole('button', { name: dict.vi.chipKeyDone, exact: true }).click();
    await page.waitForURL(/\/kiosk\/take/);
    await expect.poll(() => page.getByTestId('chip-prompt').textContent()).toBe(dict.vi.chipKeyReady);

    // the card is laid without any key of the simulator's own: only the typed one can open it
    expect((await sim('/sim/chip', { mode: 'normal', ageYears: 70, key: 'none' })).status).toBe(202);
    await expect.poll(() => page.getByText(interpolate(dict.vi.greeting, { name: 'Nguyễn Thị Hường' })).first().isVisible()).toBe(true);
    const center = await kiosk.api.get<{ priorityCategories: { id: string; name: string; minAge: number | null }[] }>('/api/v1/center');
    const elderly = center.body.priorityCategories.find((c) => c.minAge === 60)!;
    await expect.poll(() => page.getByText(interpolate(dict.vi.priorityAuto, { name: elderly.name })).isVisible()).toBe(true);
    await page.locator('[data-service="ho-tich"]').click();
    await page.waitForURL(/\/kiosk\/ticket\//);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    expect((await kiosk.api.get<{ priority: boolean }>(`/api/v1/tickets/${id}`)).body).toMatchObject({ priority: true });
    const desk = new ApiClient(kiosk.server.url);
    await desk.login('quay2', 'quay-2');
    const queued = await desk.get<{ waiting: { id: string; priorityCategoryId: string | null }[] }>('/api/v1/counters/quay-2/queue');
    expect(queued.body.waiting.find((t) => t.id === id)?.priorityCategoryId).toBe(elderly.id);
    expect(errors).toEqual([]);
  });

  it('a wrong date: the card refuses MUTUAL AUTHENTICATE and the kiosk says to check what was typed (Vietnamese, then English)', async () => {
    const { page, errors } = await kiosk.open('/kiosk/take');
    await page.getByTestId('chip-key-open').click();
    const card = simulatedCard();
    // a birth year one off
    const wrongDob = `${card.dob.slice(0, 4)}${Number(card.dob.slice(4)) + 1}`;
    await typeKey(page, { ...card, dob: wrongDob }, dict.vi.chipKeyNext);
    await page.getByRole('button', { name: dict.vi.chipKeyDone, exact: true }).click();
    await page.waitForURL(/\/kiosk\/take/);
    expect((await sim('/sim/chip', { mode: 'normal', ageYears: 70, key: 'none' })).status).toBe(202);
    const shown = page.getByTestId('chip-error');
    await expect.poll(() => shown.textContent()).toBe(dict.vi.chipErrorWrongTypedKey);
    expect(await shown.getAttribute('data-code')).toBe('wrong_key');
    expect(await page.getByRole('button', { name: dict.vi.priorityNone, exact: true }).getAttribute('aria-pressed')).toBe('true');
    await checkScreen(page, 'take-chip-typed-wrong-key-vi-portrait');
    await page.getByRole('button', { name: dict.vi.langToggle, exact: true }).click();
    await expect.poll(() => shown.textContent()).toBe(dict.en.chipErrorWrongTypedKey);
    await checkScreen(page, 'take-chip-typed-wrong-key-en-portrait');
    expect(errors).toEqual([]);
  });

  it('a key that cannot be right is refused on the screen, naming the field, in English too', async () => {
    const { page, errors } = await kiosk.open('/kiosk/take');
    await page.getByRole('button', { name: dict.vi.langToggle, exact: true }).click();
    await page.getByTestId('chip-key-open').click();
    await page.waitForURL(/\/kiosk\/chip-key/);
    await page.getByTestId('chip-key-id').click();
    await tapDigits(page, '00105001234');
    await page.getByTestId('chip-key-doe').click();
    await tapDigits(page, '31042031');
    await page.getByRole('button', { name: dict.en.chipKeyDone, exact: true }).click();
    const err = page.getByTestId('chip-key-error');
    await expect.poll(() => err.textContent()).toBe(dict.en.chipKeyErrIdNumber);
    await page.getByTestId('chip-key-id').click();
    await tapDigits(page, '5');
    await page.getByTestId('chip-key-dob').click();
    await tapDigits(page, '05031956');
    await page.getByTestId('chip-key-doe').click();
    await page.getByRole('button', { name: dict.en.chipKeyDone, exact: true }).click();
    await expect.poll(() => err.textContent()).toBe(dict.en.chipKeyErrDateOfExpiry);
    expect(await page.getByTestId('chip-key-doe').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'chip-key-bad-date-en-portrait');
    expect(page.url()).toMatch(/\/kiosk\/chip-key/);
    expect(errors).toEqual([]);
  });
});
