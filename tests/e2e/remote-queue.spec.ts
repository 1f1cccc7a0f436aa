// A number from the phone (issue 17.1), end to end: a phone takes a number at /q (the fields
// with the people waiting and the estimate, a phone number), lands on its phone page, which
// says "chưa đến" with a QR for the kiosk; the counter does not call it; the citizen checks in
// at the kiosk ("Tôi đã đặt số từ điện thoại") by typing the number on the on-screen keys — or,
// in English, by holding the phone's QR to the kiosk's reader (the agent's simulated scanner) —
// and the counter then calls it, as the phone page shows. Real queue-server, real kiosk agent
// (simulated devices), Chromium; screenshots vi/en in tests/artifacts/remote/, axe-clean.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import { interpolate } from '@mot-cua/config/strings/index.ts';
import { ApiClient } from '../support/api.ts';
import { checkScreen as check, kioskSuite } from '../support/kiosk.ts';
import { repoRoot } from '../support/server.ts';

const ART = path.join(repoRoot, 'tests/artifacts/remote');
mkdirSync(ART, { recursive: true });
const PHONE = { width: 390, height: 844 };
const WAIT = { timeout: 20_000 };

const suite = kioskSuite({ agent: true });
let staff: ApiClient;

type Ticket = { id: string; number: string; status: string; checkedIn: boolean };

const checkScreen = (page: Page, name: string) => check(page, name, { dir: ART, fullPage: true, settle: true });

async function openKiosk(): Promise<Page> {
  return (await suite.open('/kiosk')).page;
}

/** At /q in `lang`: picks Hộ tịch, types the phone number, takes the number; returns the phone page. */
async function takeAtQ(lang: 'vi' | 'en', phone: string): Promise<{ page: Page; id: string; number: string }> {
  const page = await suite.page(PHONE, lang === 'vi' ? 'vi-VN' : 'en-US');
  await page.goto(`${suite.server.url}/q${lang === 'en' ? '?lang=en' : ''}`);
  const s = dict[lang];
  await page.getByRole('heading', { name: s.remoteTitle }).waitFor();
  // The field shows the people waiting and the estimate before the number is taken.
  await expect.poll(() => page.getByTestId('remote-meta-ho-tich').textContent()).toMatch(new RegExp(interpolate(s.remoteAhead, { n: '\\d+' })));
  await checkScreen(page, `q-${lang}`);
  await page.getByRole('radio', { name: /Hộ tịch|Civil status/ }).check();
  await page.getByLabel(s.remotePhone).fill('12345');
  await page.getByRole('button', { name: s.remoteTake }).click();
  await expect.poll(() => page.getByTestId('remote-message').textContent()).toBe(s.remoteBadPhone);
  await page.getByLabel(s.remotePhone).fill(phone);
  await page.getByRole('button', { name: s.remoteTake }).click();
  await page.waitForURL(/\/t\/[^/]+\?/, WAIT);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
  const number = (await page.getByTestId('phone-number').textContent())?.trim() ?? '';
  await page.getByTestId('phone-not-arrived').waitFor(WAIT);
  expect(await page.getByTestId('phone-not-arrived').textContent()).toContain(s.phoneNotArrived);
  await checkScreen(page, `phone-not-arrived-${lang}`);
  return { page, id, number };
}

beforeAll(async () => {
  staff = new ApiClient(suite.server.url);
  await staff.login('quay2', 'quay-2');
});

describe('a number from the phone, checked in at the kiosk (issue 17.1)', () => {
  it('Vietnamese: taken at /q, not called before check-in, checked in on the kiosk keys, then called', async () => {
    const { page: phone, id, number } = await takeAtQ('vi', '0912345678');
    const before = await staff.get<Ticket>(`/api/v1/tickets/${id}`);
    expect(before.body).toMatchObject({ status: 'waiting', checkedIn: false });
    // Counter 2 serves Hộ tịch: it has nobody it may call.
    expect((await staff.post('/api/v1/counters/quay-2/call-next')).status).toBe(204);
    expect((await staff.get<Ticket>(`/api/v1/tickets/${id}`)).body.status).toBe('waiting');

    const kiosk = await openKiosk();
    await kiosk.getByRole('button', { name: new RegExp(dict.vi.homeArrive) }).click();
    await kiosk.getByRole('heading', { name: dict.vi.arriveTitle }).waitFor();
    await checkScreen(kiosk, 'kiosk-arrive-vi');
    const keys = kiosk.locator('.kb');
    for (const ch of number) await keys.getByRole('button', { name: ch, exact: true }).click();
    await kiosk.getByRole('button', { name: dict.vi.arriveButton, exact: true }).click();
    await expect.poll(() => kiosk.getByTestId('arrive-done').textContent(), WAIT).toBe(interpolate(dict.vi.arriveDone, { number }));
    await checkScreen(kiosk, 'kiosk-arrived-vi');
    // One kiosk at the agent's reader: the next test's scan is for its own kiosk page.
    await kiosk.context().close();

    // The phone page learns it at once: no more "chưa đến".
    await expect.poll(() => phone.getByTestId('phone-not-arrived').count(), WAIT).toBe(0);
    const called = await staff.post<{ ticket: Ticket }>('/api/v1/counters/quay-2/call-next');
    expect(called.body.ticket).toMatchObject({ id, status: 'called', checkedIn: true });
    await expect.poll(() => phone.getByTestId('phone-status').textContent(), WAIT).toContain(interpolate(dict.vi.phoneCalled, { counter: 2 }));
    await checkScreen(phone, 'phone-called-vi');
    await staff.post(`/api/v1/tickets/${id}/finish`);
  });

  it('English: the same phone number cannot hold two open numbers of a field; the phone’s QR held to the kiosk reader checks it in', async () => {
    const { page: phone, id, number } = await takeAtQ('en', '0987654321');
    // A second number of the same field for the same phone number is refused, said plainly.
    const again = await suite.page(PHONE, 'en-US');
    await again.goto(`${suite.server.url}/q?lang=en`);
    await again.getByRole('radio', { name: /Civil status/ }).check();
    await again.getByLabel(dict.en.remotePhone).fill('0987 654 321');
    await again.getByRole('button', { name: dict.en.remoteTake }).click();
    await expect.poll(() => again.getByTestId('remote-message').textContent(), WAIT).toContain(`this phone number already holds ticket ${number}`);
    await checkScreen(again, 'q-refused-en');

    expect((await staff.post('/api/v1/counters/quay-2/call-next')).status).toBe(204);
    const qr = await phone.locator('[data-testid="phone-not-arrived"] [data-qr]').getAttribute('data-qr');
    expect(qr).toContain(`/t/${id}`);

    const kiosk = await openKiosk();
    await kiosk.getByRole('button', { name: dict.vi.langToggle, exact: true }).click();
    await kiosk.getByRole('button', { name: new RegExp(dict.en.homeArrive) }).click();
    await kiosk.getByRole('heading', { name: dict.en.arriveTitle }).waitFor();
    await checkScreen(kiosk, 'kiosk-arrive-en');
    expect((await suite.sim('/sim/scan', { text: `${qr}\r\n` })).status).toBe(202);
    await expect.poll(() => kiosk.getByTestId('arrive-done').textContent(), WAIT).toBe(interpolate(dict.en.arriveDone, { number }));
    await checkScreen(kiosk, 'kiosk-arrived-en');

    await expect.poll(() => phone.getByTestId('phone-not-arrived').count(), WAIT).toBe(0);
    expect((await staff.post<{ ticket: Ticket }>('/api/v1/counters/quay-2/call-next')).body.ticket).toMatchObject({ id, status: 'called' });
    await expect.poll(() => phone.getByTestId('phone-status').textContent(), WAIT).toContain(interpolate(dict.en.phoneCalled, { counter: 2 }));
    await checkScreen(phone, 'phone-called-en');
  });
});
