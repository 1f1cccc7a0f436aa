// A citizen's visit through a transfer, a park and a finish, as their phone and
// the kiosk's rating see it: the slip's QR (printed by the kiosk agent's virtual
// printer) opens the phone page in the language the ticket was taken in, with
// the centre, the field and the number; the page follows the visit to its
// current transaction after a transfer (saying which field it moved to), through
// the call at the new counter, the park and the finish; scanning the original
// slip at the kiosk rates the visit's last transaction. Real queue-server, real
// kiosk agent (simulated devices), Chromium; screenshots in tests/artifacts/phone/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import { interpolate } from '@mot-cua/config/strings/index.ts';
import { ApiClient } from '../support/api.ts';
import { checkScreen as check, kioskSuite } from '../support/kiosk.ts';
import { repoRoot } from '../support/server.ts';

const ART = path.join(repoRoot, 'tests/artifacts/phone');
mkdirSync(ART, { recursive: true });
const PHONE = { width: 390, height: 844 };
const WAIT = { timeout: 20_000 };

const suite = kioskSuite({ agent: true });
const checkScreen = (page: Page, name: string) => check(page, name, { dir: ART, settle: true });

/** Takes a ticket for Hộ tịch at the kiosk in `lang`; returns its id, number and the printed slip's QR text. */
async function takeAtKiosk(lang: 'vi' | 'en'): Promise<{ id: string; number: string; qr: string }> {
  const { page } = await suite.open('/kiosk/take');
  if (lang === 'en') await page.getByRole('button', { name: dict.vi.langToggle, exact: true }).click();
  await page.locator('[data-service="ho-tich"]').click();
  await page.waitForURL(/\/kiosk\/ticket\//);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  const number = (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
  await expect.poll(() => page.getByText(dict[lang].printed).isVisible(), { timeout: 15_000 }).toBe(true);
  const printed = (await (await suite.sim('/sim/printed')).json()) as { printed: { text: string; qr: string | string[] | null }[] };
  const slip = printed.printed.find((p) => p.text.includes(number));
  const qr = [slip?.qr ?? ''].flat().join(' ');
  await page.context().close();
  return { id, number, qr };
}

describe('the phone page follows the visit', () => {
  it('speaks the ticket language on an English phone, names centre, field and number, and follows a transfer, a park and the finish', async () => {
    const slip = await takeAtKiosk('vi');
    expect(slip.qr).toContain(`/t/${slip.id}`);
    expect(new URL(slip.qr).searchParams.get('lang')).toBe('vi');

    const phone = await suite.page(PHONE, 'en-US');
    await phone.goto(slip.qr);
    const status = phone.getByTestId('phone-status');
    await expect.poll(() => phone.getByTestId('phone-number').textContent(), WAIT).toBe(slip.number);
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe('vi');
    await expect.poll(() => phone.getByTestId('phone-centre').textContent(), WAIT).toBe('Bộ phận Một cửa UBND phường Tân An');
    expect(await phone.getByTestId('phone-field').textContent()).toBe(interpolate(dict.vi.phoneField, { name: 'Tư pháp – Hộ tịch' }));
    await checkScreen(phone, 'phone-waiting-vi');

    // switchable: the English names come with English
    await phone.getByRole('button', { name: dict.vi.langToggle, exact: true }).click();
    await expect.poll(() => phone.getByTestId('phone-field').textContent()).toBe(interpolate(dict.en.phoneField, { name: 'Justice – Civil status' }));
    expect(await phone.getByTestId('phone-centre').textContent()).toBe("One-stop section, People's Committee of Tân An ward");
    await checkScreen(phone, 'phone-waiting-en');
    await phone.getByRole('button', { name: dict.en.langToggle, exact: true }).click();
    await expect.poll(() => phone.evaluate(() => document.documentElement.lang)).toBe('vi');

    const quay2 = new ApiClient(suite.server.url);
    await quay2.login('quay2', 'quay-2');
    for (const step of ['call', 'start']) expect((await quay2.post(`/api/v1/tickets/${slip.id}/${step}`)).status).toBe(200);
    const moved = await quay2.post<{ ticket: { id: string } }>(`/api/v1/tickets/${slip.id}/transfer`, { serviceId: 'chung-thuc' });
    expect(moved.status).toBe(200);
    const next = moved.body.ticket.id;
    expect(next).not.toBe(slip.id);

    await expect.poll(() => phone.getByTestId('phone-field').textContent(), WAIT).toBe(interpolate(dict.vi.phoneMoved, { name: 'Chứng thực' }));
    await expect.poll(() => status.textContent(), WAIT).toMatch(new RegExp(`${dict.vi.phoneNext}|${dict.vi.phoneWaitingOne}`));
    await checkScreen(phone, 'phone-transferred-vi');

    const quay3 = new ApiClient(suite.server.url);
    await quay3.login('quay3', 'quay-3');
    expect((await quay3.post(`/api/v1/tickets/${next}/call`)).status).toBe(200);
    await expect.poll(() => status.textContent(), WAIT).toContain(interpolate(dict.vi.phoneCalled, { counter: 3 }));
    await checkScreen(phone, 'phone-called-after-transfer-vi');

    for (const step of ['start', 'park']) expect((await quay3.post(`/api/v1/tickets/${next}/${step}`)).status).toBe(200);
    await expect.poll(() => status.textContent(), WAIT).toContain(interpolate(dict.vi.phoneParked, { counter: 3 }));
    await checkScreen(phone, 'phone-parked-vi');

    expect((await quay3.post(`/api/v1/tickets/${next}/call`)).status).toBe(200);
    await expect.poll(() => status.textContent(), WAIT).toContain(interpolate(dict.vi.phoneCalled, { counter: 3 }));
    for (const step of ['start', 'finish']) expect((await quay3.post(`/api/v1/tickets/${next}/${step}`)).status).toBe(200);
    await expect.poll(() => status.textContent(), WAIT).toContain(dict.vi.phoneDone);
    await checkScreen(phone, 'phone-done-after-transfer-vi');

    // the original slip, scanned at the kiosk, rates where the visit ended
    const { page: kiosk } = await suite.open('/kiosk/rating');
    expect((await suite.sim('/sim/scan', { text: `${slip.qr}\r\n` })).status).toBe(202);
    await expect.poll(() => kiosk.getByText(dict.vi.ratingQuestion).isVisible(), WAIT).toBe(true);
    expect(await kiosk.getByText(interpolate(dict.vi.ratingCounter, { number: slip.number, counter: 3 })).isVisible()).toBe(true);
    await checkScreen(kiosk, 'rating-after-transfer-vi');
    await kiosk.locator('button[data-score="4"]').click();
    await expect.poll(() => kiosk.getByText(dict.vi.ratingThanks).first().isVisible(), WAIT).toBe(true);
    expect((await suite.api.get<{ rated: boolean }>(`/api/v1/tickets/${next}`)).body.rated).toBe(true);
  });

  it('a ticket taken in English opens the phone page in English on a Vietnamese phone', async () => {
    const slip = await takeAtKiosk('en');
    expect(new URL(slip.qr).searchParams.get('lang')).toBe('en');
    const phone = await suite.page(PHONE, 'vi-VN');
    await phone.goto(slip.qr);
    await expect.poll(() => phone.getByTestId('phone-field').textContent(), WAIT).toBe(interpolate(dict.en.phoneField, { name: 'Justice – Civil status' }));
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await phone.getByTestId('phone-number').textContent()).toBe(slip.number);
    await checkScreen(phone, 'phone-waiting-en-ticket');
  });
});
