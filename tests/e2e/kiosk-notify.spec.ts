// "Nhắn tin cho tôi khi sắp đến lượt" at the kiosk (issue 17.2): after the number, the citizen types
// a mobile number on the kiosk's on-screen keys; the kiosk sends it with its device token, the
// screen shows it masked, and the centre's SMS gateway (a local stub speaking the gateway's JSON)
// is asked to text it once at three ahead and once at the call. The number is on no public view.
// And a booking made at the kiosk with "Nhắn tin nhắc tôi" asks for its reminders (the day before
// and an hour before; their sending is tested in queue-server/test/booking-reminders.api.spec.ts).
// Real queue-server, Chromium at the kiosk's size; screenshots vi/en in tests/artifacts/kiosk/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import { interpolate } from '@mot-cua/config/strings/index.ts';
import { ApiClient } from '../support/api.ts';
import { checkScreen, kioskSuite, switchTo } from '../support/kiosk.ts';
import { startServer } from '../support/server.ts';
import { startSmsGateway, type SmsGateway } from '../support/sms-gateway.ts';

const WAIT = { timeout: 20_000 };
let texts: SmsGateway['texts'] = [];
let gateway: SmsGateway;
let smsUrl = '';

beforeAll(async () => {
  gateway = await startSmsGateway();
  texts = gateway.texts;
  smsUrl = gateway.url;
});
afterAll(() => gateway?.close());

const suite = kioskSuite({ start: () => startServer({ env: { SMS_GATEWAY_URL: smsUrl, SMS_GATEWAY_TOKEN: 'test', SMS_BRAND_NAME: 'UBNDTANAN' } }) });

async function takeAtKiosk(page: Page, serviceId: string): Promise<{ id: string; number: string }> {
  const tile = page.locator(`[data-service="${serviceId}"]`);
  await expect.poll(() => tile.isEnabled(), WAIT).toBe(true);
  await tile.click();
  await page.waitForURL(/\/kiosk\/ticket\//, WAIT);
  const number = ((await page.getByTestId('ticket-number').textContent()) ?? '').trim();
  return { id: decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? ''), number };
}

async function typeOnKeys(page: Page, digits: string): Promise<void> {
  for (const d of digits) await page.getByTestId('kiosk-notify').getByRole('button', { name: d, exact: true }).click();
}

const until = async (what: () => boolean) => {
  const end = Date.now() + 15_000;
  while (!what() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
};

describe('the kiosk: text me when my turn is near (issue 17.2)', () => {
  it('Vietnamese: the number typed on the on-screen keys, shown masked, texted at three ahead and at the call', async () => {
    const other = new ApiClient(suite.server.url, { authorization: 'Bearer demo-kiosk-1' });
    for (let i = 0; i < 5; i++) await other.post('/api/v1/tickets', { serviceId: 'xay-dung', channel: 'kiosk' });
    const { page } = await suite.open('/kiosk/take');
    const mine = await takeAtKiosk(page, 'xay-dung');
    const box = page.getByTestId('kiosk-notify');
    await box.getByRole('button', { name: dict.vi.kioskNotifyOffer }).click();
    await typeOnKeys(page, '12345');
    await box.getByRole('button', { name: dict.vi.kioskNotifySend, exact: true }).click();
    await expect.poll(() => page.getByTestId('kiosk-notify-error').textContent(), WAIT).toBe('Số điện thoại không hợp lệ: cần 10 chữ số, bắt đầu bằng 0');
    await page.getByRole('button', { name: dict.vi.kioskNotifyCancel }).click();
    await box.getByRole('button', { name: dict.vi.kioskNotifyOffer }).click();
    await typeOnKeys(page, '0912345678');
    expect(await page.getByTestId('kiosk-notify-phone').inputValue()).toBe('0912 345 678');
    await checkScreen(page, 'kiosk-notify-vi', { fullPage: true });
    await box.getByRole('button', { name: dict.vi.kioskNotifySend, exact: true }).click();
    await expect.poll(() => page.getByTestId('kiosk-notify-done').textContent(), WAIT).toBe(interpolate(dict.vi.kioskNotifyDone, { phone: '•••••••678' }));
    await checkScreen(page, 'kiosk-notify-done-vi', { fullPage: true });
    // Masked on the kiosk's screen, and on no public view.
    expect(await page.content()).not.toMatch(/0912|345 ?678/);
    expect(JSON.stringify((await suite.api.get(`/api/v1/tickets/${mine.id}`)).body)).not.toMatch(/0912|345678/);

    const staff = new ApiClient(suite.server.url);
    await staff.login('quay4', 'quay-4');
    for (let i = 0; i < 2; i++) expect((await staff.post('/api/v1/counters/quay-4/call-next')).status).toBe(200);
    await until(() => texts.length >= 1);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ to: '0912345678' });
    expect(texts[0]!.text).toMatch(new RegExp(`^Số ${mine.number}: còn 3 người trước quý vị`));
    for (let i = 0; i < 4; i++) expect((await staff.post('/api/v1/counters/quay-4/call-next')).status).toBe(200);
    await until(() => texts.length >= 2);
    expect(texts).toHaveLength(2);
    expect(texts[1]!.text).toBe(`Đến lượt số ${mine.number} — mời đến quầy 4 / No. ${mine.number}: your turn — please go to counter 4`);
    await staff.post('/api/v1/counters/quay-4/current/finish');
  });

  it('English: the offer and the keys in English', async () => {
    const { page } = await suite.open('/kiosk/take');
    await switchTo(page, 'en');
    await takeAtKiosk(page, 'dat-dai');
    const box = page.getByTestId('kiosk-notify');
    await box.getByRole('button', { name: dict.en.kioskNotifyOffer }).click();
    await typeOnKeys(page, '0987');
    expect(await box.textContent()).toContain(dict.en.kioskNotifyWhat);
    await checkScreen(page, 'kiosk-notify-en', { fullPage: true });
  });

  it('a booking with "Nhắn tin nhắc tôi" ticked asks for its reminders, and the kiosk says so', async () => {
    const t = dict.vi;
    const { page } = await suite.open('/kiosk');
    await page.getByRole('button', { name: t.homeBooking }).click();
    await page.getByRole('button', { name: t.bookNew }).click();
    await page.getByRole('group', { name: t.bookField }).getByRole('button', { name: 'Tư pháp – Hộ tịch' }).click();
    const dates = page.getByRole('group', { name: t.bookDate }).getByRole('button');
    await expect.poll(() => dates.count(), WAIT).toBeGreaterThan(0);
    await dates.last().click();
    const times = page.getByRole('group', { name: t.bookTime }).getByRole('button');
    await expect.poll(() => times.count(), WAIT).toBeGreaterThan(0);
    await times.first().click();
    await page.getByLabel(t.bookName).fill('Trần Thị Bình');
    await page.getByLabel(t.bookPhone).fill('0912345679');
    await page.getByLabel(t.bookRemind).check();
    await checkScreen(page, 'book-remind-vi', { fullPage: true });
    await page.getByRole('button', { name: t.bookSubmit, exact: true }).click();
    await page.getByTestId('booking-remind').waitFor(WAIT);
    expect(await page.getByTestId('booking-remind').textContent()).toBe(t.bookRemindDone);
    const code = ((await page.getByTestId('booking-code').textContent()) ?? '').trim();
    expect((await suite.api.get<{ remind: boolean }>(`/api/v1/bookings/${code}`)).body.remind).toBe(true);
  });

  it('the dossier look-up: "Nhắn tin cho tôi khi hồ sơ có kết quả" for a dossier not ready, none for a ready one', async () => {
    const t = dict.vi;
    const { page } = await suite.open('/kiosk');
    await page.getByRole('button', { name: t.homeDossier }).click();
    const input = page.getByLabel(t.dossierLabel);
    await input.fill('261102-CT02-0002');
    await page.getByRole('button', { name: t.dossierSearch, exact: true }).click();
    await page.getByTestId('dossier-result').waitFor(WAIT);
    const box = page.getByTestId('kiosk-notify');
    await box.getByRole('button', { name: t.dossierNotifyOffer }).click();
    await typeOnKeys(page, '0912345670');
    await checkScreen(page, 'dossier-notify-vi', { fullPage: true });
    await box.getByRole('button', { name: t.kioskNotifySend, exact: true }).click();
    await expect.poll(() => page.getByTestId('kiosk-notify-done').textContent(), WAIT).toBe(interpolate(t.dossierNotifyDone, { phone: '•••••••670' }));
    // A ready dossier offers its pickup number instead.
    await input.fill('261104-XD04-0004');
    await page.getByRole('button', { name: t.dossierSearch, exact: true }).click();
    await page.getByTestId('pickup').waitFor(WAIT);
    expect(await page.getByTestId('kiosk-notify').count()).toBe(0);
  });
});
