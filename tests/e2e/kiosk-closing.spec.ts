// Issuing that knows the closing time (issue 17.3), done-when: "the kiosk warns before a number
// that closing time would miss and books instead". The real queue-server enforces the hours of a
// centre open every day 00:00–23:59, and "Đất đai" takes 4 hours a visit (the most a field may
// say) with only quầy 4's official serving it: six waiting numbers put a new one a day away, so
// at whatever time this runs its closing line (23:59 minus 4 hours) is passed — the test needs no
// clock of its own. The kiosk warns and offers the first free booking time; the citizen books;
// another takes the number anyway and sees the warning on the slip's screen and on the phone; the
// manager board counts the numbers closing time may miss. Screens in Vietnamese and English,
// axe-checked, photographed to tests/artifacts/kiosk/ and tests/artifacts/manager/.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadDemoConfig } from '@mot-cua/config';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import { manager as mgrDict } from '@mot-cua/config/strings/manager.ts';
import { interpolate } from '@mot-cua/config/strings/index.ts';
import { ApiClient } from '../support/api.ts';
import { checkScreen as check, KIOSK_ART as ART, kioskSuite, LANDSCAPE, PORTRAIT, switchTo } from '../support/kiosk.ts';
import { repoRoot, startServer } from '../support/server.ts';
import { submitManagerSignIn } from '../support/sign-in.ts';

const MGR_ART = path.join(repoRoot, 'tests/artifacts/manager');
mkdirSync(MGR_ART, { recursive: true });
const KIOSK = { authorization: 'Bearer demo-kiosk-1' };

type Field = { serviceId: string; waiting: number; mayNotBeServedToday: number; closesAt: string | null; beyondClosing: boolean };

/** The centre's local time now, HH:MM. */
const localNow = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date());
const hhmm = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));

async function datDai(): Promise<Field> {
  const q = await kiosk.api.get<{ services: Field[] }>('/api/v1/queue');
  return q.body.services.find((f) => f.serviceId === 'dat-dai')!;
}

const kiosk = kioskSuite({
  start: async () => {
    // 23:59 is outside every opening span (a close is exclusive and none may be 24:00): let the minute pass.
    while (localNow() === '23:59') await new Promise((r) => setTimeout(r, 1000));
    const config = loadDemoConfig();
    const allDay = [{ open: '00:00', close: '23:59' }];
    config.hours = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay, closedDates: [] };
    for (const s of config.services) delete s.hours;
    config.services.find((s) => s.id === 'dat-dai')!.avgServiceMinutes = 240;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-closing-'));
    const file = path.join(dir, 'center.yaml');
    writeFileSync(file, JSON.stringify(config)); // JSON is YAML
    return startServer({ env: { CENTER_CONFIG: file, ENFORCE_HOURS: '1' } });
  },
});
/** Screens of the kiosk, and the phone's, photographed with the kiosk's; the manager's panel to its own folder. */
const checkScreen = (page: Page, dir: string, name: string) => check(page, name, { dir });

beforeAll(async () => {
  // Quầy 4's official serves Đất đai alone; six wait there already.
  const quay4 = new ApiClient(kiosk.server.url);
  await quay4.login('quay4', 'quay-4');
  for (let i = 0; i < 6; i++) expect((await kiosk.api.post('/api/v1/tickets', { serviceId: 'dat-dai' }, { ...KIOSK, 'idempotency-key': `closing-setup-${i}` })).status).toBe(201);
  // The server's word, before any screen: a new number there would be past closing.
  expect(await datDai()).toMatchObject({ waiting: 6, beyondClosing: true });
}, 120_000);

describe.each(['vi', 'en'] as const)('the kiosk before closing time, in %s', (lang) => {
  const t = dict[lang];
  const viewport = lang === 'vi' ? PORTRAIT : LANDSCAPE;
  const orient = lang === 'vi' ? 'portrait' : 'landscape';
  const fieldName = lang === 'vi' ? 'Đất đai' : 'Land';

  it('warns before a number closing time would miss, and books the first free time instead', async () => {
    const { page, errors } = await kiosk.open('/kiosk/take', viewport);
    await switchTo(page, lang);
    const before = await datDai();
    await page.getByRole('button', { name: new RegExp(fieldName) }).first().click();
    const warning = page.getByTestId('closing-warning');
    await warning.waitFor();
    // Said plainly, with the closing time; no number taken.
    const closesAt = before.closesAt!;
    expect(await page.locator('#closing-warn').textContent()).toBe(interpolate(t.closingWarn, { time: hhmm(closesAt) }));
    // A new number here is a day or more away: no "about HH:MM" that would read as today's.
    expect(await page.getByTestId('closing-about').count()).toBe(0);
    expect((await datDai()).waiting).toBe(before.waiting);
    expect(new URL(page.url()).pathname).toBe('/kiosk/take');
    await checkScreen(page, ART, `closing-warning-${lang}-${orient}`);

    // Book instead: the booking opens on the field and its first free time.
    await page.getByRole('button', { name: t.closingBook }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/kiosk/book');
    const fieldGroup = page.getByRole('group', { name: t.bookField });
    await expect.poll(() => fieldGroup.getByRole('button', { name: fieldName, exact: true }).getAttribute('aria-pressed')).toBe('true');
    const offered = await kiosk.api.get<{ days: { date: string }[] }>('/api/v1/bookings/days?serviceId=dat-dai');
    let first: { date: string; time: string } | null = null;
    for (const d of offered.body.days) {
      const s = await kiosk.api.get<{ slots: { time: string; free: number }[] }>(`/api/v1/bookings/slots?serviceId=dat-dai&date=${d.date}`);
      const free = s.body.slots.find((x) => x.free > 0);
      if (free) {
        first = { date: d.date, time: free.time };
        break;
      }
    }
    expect(first, 'the centre offers a free booking time').not.toBeNull();
    const dates = page.getByRole('group', { name: t.bookDate });
    const times = page.getByRole('group', { name: t.bookTime });
    await expect.poll(() => dates.locator(`button[data-date="${first!.date}"]`).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => times.locator(`button[data-time="${first!.time}"]`).getAttribute('aria-pressed')).toBe('true');
    await page.getByLabel(t.bookName).fill('Nguyễn Văn Đạt');
    await page.getByLabel(t.bookPhone).fill('0912345678');
    await checkScreen(page, ART, `closing-book-first-${lang}-${orient}`);
    await page.getByRole('button', { name: t.bookSubmit, exact: true }).click();
    const code = (await page.getByTestId('booking-code').textContent({ timeout: 10_000 }))!.trim();
    const booking = await kiosk.api.get<{ serviceId: string; date: string; time: string }>(`/api/v1/bookings/${code}`);
    expect(booking.body).toMatchObject({ serviceId: 'dat-dai', date: first!.date, time: first!.time });
    // Booked instead: still no new number in the queue.
    expect((await datDai()).waiting).toBe(before.waiting);
    expect(errors).toEqual([]);
  });

  it('takes the number anyway when asked, and the ticket and the phone say it may not be served today', async () => {
    const { page, errors } = await kiosk.open('/kiosk/take', viewport);
    await switchTo(page, lang);
    const before = await datDai();
    await page.getByRole('button', { name: new RegExp(fieldName) }).first().click();
    await page.getByTestId('closing-warning').waitFor();
    await page.getByRole('button', { name: t.closingTakeAnyway }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toMatch(/^\/kiosk\/ticket\//);
    const warned = page.getByTestId('ticket-closing');
    await expect.poll(() => warned.textContent()).toBe(interpolate(t.closingWarn, { time: hhmm(before.closesAt!) }));
    const after = await datDai();
    expect(after.waiting).toBe(before.waiting + 1);
    expect(after.mayNotBeServedToday).toBeGreaterThanOrEqual(1);
    await checkScreen(page, ART, `closing-ticket-${lang}-${orient}`);

    // The phone page of that ticket says the same.
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const phone = await kiosk.page({ width: 390, height: 844 });
    await phone.goto(`${kiosk.server.url}/t/${encodeURIComponent(id)}?lang=${lang}`);
    await expect.poll(() => phone.getByTestId('phone-closing').textContent(), { timeout: 10_000 }).toBe(interpolate(t.closingWarn, { time: hhmm(before.closesAt!) }));
    await checkScreen(phone, ART, `closing-phone-${lang}`);
    expect(errors).toEqual([]);
  });
});

describe('the manager board before closing time', () => {
  it('shows per field how many numbers may not be served today', async () => {
    const f = await datDai();
    expect(f.mayNotBeServedToday).toBeGreaterThan(0);
    for (const lang of ['vi', 'en'] as const) {
      const ctx = await kiosk.context({ viewport: { width: 1600, height: 1000 }, bypassCSP: true, locale: lang === 'vi' ? 'vi-VN' : 'en-GB' });
      const page = await ctx.newPage();
      await submitManagerSignIn(page, kiosk.server.url);
      await page.getByTestId('kpis').waitFor();
      if (lang === 'en') {
        await page.getByRole('button', { name: mgrDict.vi.language, exact: true }).click();
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
      }
      const line = page.getByTestId('closing-panel').locator('li[data-service="dat-dai"]');
      const field = lang === 'vi' ? 'Đất đai' : 'Land';
      await expect.poll(() => line.getAttribute('data-count'), { timeout: 10_000 }).toBe(String(f.mayNotBeServedToday));
      expect(await line.textContent()).toContain(interpolate(mgrDict[lang].closingField, { field, n: f.mayNotBeServedToday }));
      await checkScreen(page, MGR_ART, `closing-panel-${lang}`);
    }
  });
});
