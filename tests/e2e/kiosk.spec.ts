// The touch kiosk end to end in Debian Chromium against the real queue-server:
// take a number in Vietnamese and English, follow it on a phone, get called,
// rate the service; procedure look-up; a lost answer and a double tap never
// making two tickets; the server going away; idle time-out; accessibility modes.
// Every screen is checked with axe-core and photographed to tests/artifacts/kiosk/.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import { interpolate, type Lang } from '@mot-cua/config/strings/index.ts';
import { ApiClient } from '../support/api.ts';
import { axeCheck, launchBrowser } from '../support/browser.ts';
import { freePort, repoRoot, startServer, type RunningServer } from '../support/server.ts';

const ART = path.join(repoRoot, 'tests/artifacts/kiosk');
mkdirSync(ART, { recursive: true });

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

let server: RunningServer;
let browser: Browser;
let api: ApiClient;
let staff: ApiClient;
/** An address where no kiosk agent listens, so printing fails the way it does with the agent down. */
let noAgent: string;
const contexts: BrowserContext[] = [];

interface KioskPage {
  page: Page;
  errors: string[];
}

async function open(pathAndQuery: string, viewport = PORTRAIT, init?: (p: Page) => Promise<unknown>): Promise<KioskPage> {
  // axe is injected as a script; the server's CSP would rightly refuse it
  const ctx = await browser.newContext({ viewport, bypassCSP: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (init) await init(page);
  const sep = pathAndQuery.includes('?') ? '&' : '?';
  const url = pathAndQuery.startsWith('/t/') ? pathAndQuery : `${pathAndQuery}${sep}agent=${encodeURIComponent(noAgent)}&token=demo-kiosk-1`;
  await page.goto(server.url + url);
  return { page, errors };
}

const T = (lang: Lang) => dict[lang];
const fmt = (s: string, p: Record<string, string | number>) => interpolate(s, p);

/** axe-core clean, every control at least 72 px, and a screenshot. */
async function checkScreen(page: Page, name: string, opts: { touch?: boolean } = {}): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => {});
  const violations = await axeCheck(page);
  expect(violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), name).toEqual([]);
  if (opts.touch !== false) {
    const small = await page.evaluate(() =>
      Array.from(document.querySelectorAll('button, input, select, a[href]'))
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => ({ el: (el as HTMLElement).outerHTML.slice(0, 80), r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.height < 72 || r.width < 72)
        .map(({ el, r }) => `${Math.round(r.width)}×${Math.round(r.height)} ${el}`),
    );
    expect(small, `${name}: touch targets under 72 px`).toEqual([]);
  }
  await page.screenshot({ path: path.join(ART, `${name}.png`) });
}

async function switchTo(page: Page, lang: Lang): Promise<void> {
  if (lang === 'en') await page.getByRole('button', { name: dict.vi.langToggle, exact: true }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

async function waiting(serviceId: string): Promise<number> {
  const r = await api.get<{ services: { serviceId: string; waiting: number }[] }>('/api/v1/queue');
  return r.body.services.find((s) => s.serviceId === serviceId)?.waiting ?? -1;
}

async function ticketOnScreen(page: Page): Promise<{ id: string; number: string }> {
  await page.waitForURL(/\/kiosk\/ticket\//);
  const number = (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  return { id, number };
}

beforeAll(async () => {
  if (!existsSync(path.join(repoRoot, 'kiosk-ui/dist/index.html'))) {
    throw new Error('kiosk-ui is not built: run `pnpm --filter @mot-cua/kiosk-ui run build` first');
  }
  noAgent = `ws://127.0.0.1:${await freePort()}/ws`;
  server = await startServer();
  browser = await launchBrowser();
  api = new ApiClient(server.url);
  staff = new ApiClient(server.url);
  await staff.login('quay2', 'quay-2');
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

describe.each(['vi', 'en'] as const)('kiosk in %s', (lang) => {
  const t = T(lang);
  const viewport = lang === 'vi' ? PORTRAIT : LANDSCAPE;
  const orient = lang === 'vi' ? 'portrait' : 'landscape';
  let ticket: { id: string; number: string };
  /** The slip's status URL as the kiosk got it (its QR): the citizen's proof for rating. */
  let slipUrl = '';

  it('takes a number in at most 3 taps; the agent being down leaves the ticket on screen with what to do', async () => {
    const { page, errors } = await open('/kiosk', viewport, async (p) =>
      p.on('response', (r) => {
        if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/tickets') void r.json().then((b: { statusUrl: string }) => (slipUrl = b.statusUrl));
      }),
    );
    await switchTo(page, lang);
    await checkScreen(page, `home-${lang}-${orient}`);
    // the centre's notice in the screen's language, where the centre gives it in English
    const centre = await api.get<{ notice: string; noticeEn: string }>('/api/v1/center');
    expect(centre.body.noticeEn).not.toBe(centre.body.notice);
    expect(await page.getByTestId('notice').textContent()).toBe(lang === 'en' ? centre.body.noticeEn : centre.body.notice);
    const before = await waiting('ho-tich');

    let taps = 0;
    await page.getByRole('button', { name: t.homeTake }).click();
    taps++;
    await expect.poll(() => page.locator('[data-service="ho-tich"]').isVisible()).toBe(true);
    await checkScreen(page, `take-${lang}-${orient}`);
    await page.locator('[data-service="ho-tich"]').click();
    taps++;
    ticket = await ticketOnScreen(page);
    expect(taps).toBeLessThanOrEqual(3);

    // what is on screen is what the server holds
    const held = await api.get<{ number: string; status: string; serviceId: string }>(`/api/v1/tickets/${ticket.id}`);
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ number: ticket.number, status: 'waiting', serviceId: 'ho-tich' });
    expect(await waiting('ho-tich')).toBe(before + 1);

    await expect.poll(() => page.getByTestId('print-failed').isVisible()).toBe(true);
    const failed = (await page.getByTestId('print-failed').textContent()) ?? '';
    expect(failed).toContain(t.printFailed);
    expect(failed).toContain(fmt(t.printFailedWhat, { number: ticket.number }));
    await expect.poll(() => page.getByRole('img', { name: t.qrLabel }).locator('svg').count()).toBe(1);
    await checkScreen(page, `ticket-${lang}-${orient}`);
    expect(errors).toEqual([]);
  });

  it('follows the ticket on a phone until it is called to counter 2', async () => {
    const scripts: string[] = [];
    const { page, errors } = await open(`/t/${ticket.id}`, PHONE, async (p) => p.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url())));
    if (lang === 'en') await page.getByRole('button', { name: dict.vi.langToggle }).click();
    await expect.poll(() => page.getByTestId('phone-number').textContent()).toBe(ticket.number);
    // light for a slow phone: none of the kiosk's screens are fetched, and the page has its own styles
    expect(scripts.filter((u) => /\/Kiosk-[^/]*\.js$/.test(u))).toEqual([]);
    expect(await page.getByTestId('phone-number').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(48);
    const status = page.getByTestId('phone-status');
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`${t.phoneNext}|${t.phoneWaitingOne}|${fmt(t.phoneWaiting, { n: '\\d+' })}`));
    await checkScreen(page, `phone-waiting-${lang}`, { touch: false });

    const called = await staff.post(`/api/v1/tickets/${ticket.id}/call`);
    expect(called.status).toBe(200);
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain(fmt(t.phoneCalled, { counter: 2 }));
    await checkScreen(page, `phone-called-${lang}`, { touch: false });
    expect(errors).toEqual([]);
  });

  it('a typed number finds the ticket but asks for the slip’s QR; the QR opened on a phone rates it once', async () => {
    expect((await staff.post(`/api/v1/tickets/${ticket.id}/start`)).status).toBe(200);
    expect((await staff.post(`/api/v1/tickets/${ticket.id}/finish`)).status).toBe(200);

    const { page, errors } = await open('/kiosk', viewport);
    await switchTo(page, lang);
    await page.getByRole('button', { name: t.homeRating }).click();
    await checkScreen(page, `rating-find-${lang}-${orient}`);
    const keys = page.getByRole('group', { name: t.keyboardLabel });
    // the demo's numbers are digits only: a digit keypad, no letters to hunt through
    await expect.poll(() => keys.getByRole('button', { name: '9', exact: true }).isVisible()).toBe(true);
    expect(await keys.getByRole('button', { name: 'Q', exact: true }).count()).toBe(0);
    for (const ch of ticket.number) await keys.getByRole('button', { name: ch, exact: true }).click();
    expect(await page.getByLabel(t.ratingNumberLabel).inputValue()).toBe(ticket.number);
    await page.getByRole('button', { name: t.ratingFind, exact: true }).click();
    // A number is called aloud: it proves nothing, so it cannot rate (issue 14, point 3).
    await expect.poll(() => page.getByTestId('rating-message').textContent()).toBe(t.ratingScanQr);
    expect(await page.locator('button[data-score]').count()).toBe(0);
    await checkScreen(page, `rating-scan-qr-${lang}-${orient}`);

    // The citizen opens the slip's QR on a phone: the page rates with the key it carries.
    const slip = new URL(slipUrl);
    expect(slip.searchParams.get('k')).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    const phone = await open(`${slip.pathname}${slip.search}`, PHONE);
    if (lang === 'en') await phone.page.getByRole('button', { name: dict.vi.langToggle }).click();
    await expect.poll(() => phone.page.getByText(t.ratingQuestion).isVisible()).toBe(true);
    expect(await phone.page.locator('button[data-score]').count()).toBe(4);
    await checkScreen(phone.page, `rating-levels-phone-${lang}`, { touch: false });
    await phone.page.locator('button[data-score="4"]').click();
    await expect.poll(() => phone.page.getByTestId('phone-rated').textContent()).toBe(t.ratingThanks);
    await checkScreen(phone.page, `rating-thanks-phone-${lang}`, { touch: false });
    const rated = await api.get<{ rated: boolean }>(`/api/v1/tickets/${ticket.id}`);
    expect(rated.body.rated).toBe(true);
    expect(phone.errors).toEqual([]);

    // the same ticket a second time
    await page.getByRole('button', { name: t.home, exact: true }).click();
    await page.getByRole('button', { name: t.homeRating }).click();
    await page.getByLabel(t.ratingNumberLabel).fill(ticket.number);
    await page.getByRole('button', { name: t.ratingFind, exact: true }).click();
    await expect.poll(() => page.getByTestId('rating-message').textContent()).toBe(t.ratingAlready);
    await checkScreen(page, `rating-already-${lang}-${orient}`);
    expect(errors).toEqual([]);
  });

  it('finds a procedure without diacritics and takes a number for its field', async () => {
    const { page, errors } = await open('/kiosk', viewport);
    await switchTo(page, lang);
    await page.getByRole('button', { name: t.homeProcedures }).click();
    await page.getByLabel(t.searchLabel).fill('dang ky khai sinh');
    const name = lang === 'vi' ? 'Đăng ký khai sinh' : 'Birth registration';
    const hit = page.getByRole('button', { name }).first();
    await expect.poll(() => hit.isVisible()).toBe(true);
    await checkScreen(page, `procedures-${lang}-${orient}`);
    await hit.click();

    await expect.poll(() => page.getByRole('heading', { name: t.procedureDocuments }).isVisible()).toBe(true);
    for (const label of [t.procedureTime, t.procedureFee, t.procedureField]) expect(await page.getByText(label, { exact: true }).count()).toBe(1);
    expect(await page.locator('ol.docs li').count()).toBeGreaterThan(0);
    await checkScreen(page, `procedure-${lang}-${orient}`);

    await page.getByRole('button', { name: t.procedureTake }).click();
    await page.waitForURL(/\/kiosk\/take\?service=ho-tich/);
    const tile = page.locator('[data-service="ho-tich"]');
    expect(await tile.getAttribute('class')).toContain('highlight');
    // the field is chosen already: its tile alone (with the priority question above), and the others one tap away
    await expect.poll(() => page.locator('.tiles [data-service]').count()).toBe(1);
    await checkScreen(page, `take-for-procedure-${lang}-${orient}`);
    await page.getByRole('button', { name: t.otherFields }).click();
    await expect.poll(() => page.locator('.tiles [data-service]').count()).toBeGreaterThan(1);
    expect(await page.locator('.tiles [data-service]').first().getAttribute('data-service')).toBe('ho-tich');
    await tile.click();
    const tk = await ticketOnScreen(page);
    const held = await api.get<{ serviceId: string }>(`/api/v1/tickets/${tk.id}`);
    expect(held.body.serviceId).toBe('ho-tich');
    expect(errors).toEqual([]);
  });
});

describe('live waiting counts', () => {
  it('a tile follows tickets issued elsewhere without a reload (socket.io queue.changed)', async () => {
    const { page } = await open('/kiosk/take');
    const tile = page.locator('[data-service="lao-dong-xa-hoi"]');
    await expect.poll(() => tile.isEnabled()).toBe(true);
    const count = async () => Number(/(\d+)/.exec((await tile.textContent()) ?? '')?.[1] ?? NaN);
    await expect.poll(count).toBe(await waiting('lao-dong-xa-hoi'));
    const before = await count();
    for (let i = 0; i < 2; i++) {
      const r = await api.post('/api/v1/tickets', { serviceId: 'lao-dong-xa-hoi' }, { authorization: 'Bearer demo-kiosk-1', 'Idempotency-Key': `kiosk-live-${i}-${Date.now()}` });
      expect(r.status).toBe(201);
    }
    await expect.poll(count, { timeout: 10_000 }).toBe(before + 2);
  });
});

describe('one attempt, one ticket', () => {
  it('a double tap on a field issues exactly one ticket', async () => {
    const { page } = await open('/kiosk/take');
    const tile = page.locator('[data-service="chung-thuc"]');
    await expect.poll(() => tile.isEnabled()).toBe(true);
    const before = await waiting('chung-thuc');
    await tile.dblclick();
    await ticketOnScreen(page);
    await expect.poll(() => waiting('chung-thuc')).toBe(before + 1);
  });

  it('an answer lost on the way back is retried with the same key and shows the one ticket the server made', async () => {
    const { page } = await open('/kiosk/take');
    const keys: string[] = [];
    let dropped = false;
    await page.route('**/api/v1/tickets', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (!dropped) {
        dropped = true;
        await route.fetch(); // the server issues the ticket…
        await route.abort('connectionreset'); // …and the kiosk never hears back
      } else {
        await route.continue();
      }
    });
    const tile = page.locator('[data-service="dat-dai"]');
    await expect.poll(() => tile.isEnabled()).toBe(true);
    const before = await waiting('dat-dai');
    await tile.click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: dict.vi.serverDown }).isVisible()).toBe(true);
    expect(await page.getByTestId('ticket-number').count()).toBe(0);
    await checkScreen(page, 'take-lost-answer-vi-portrait');
    expect(await waiting('dat-dai')).toBe(before + 1);

    await page.getByRole('button', { name: dict.vi.retry }).click();
    const tk = await ticketOnScreen(page);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await waiting('dat-dai')).toBe(before + 1);
    const held = await api.get<{ number: string }>(`/api/v1/tickets/${tk.id}`);
    expect(held.body.number).toBe(tk.number);
  });
});

describe('accessibility', () => {
  it('large text and high contrast stay axe-clean with 72 px targets', async () => {
    for (const [route, name, viewport, orient] of [
      ['/kiosk/take', 'take', PORTRAIT, 'portrait'],
      ['/kiosk/take', 'take', LANDSCAPE, 'landscape'],
      ['/kiosk', 'home', PORTRAIT, 'portrait'],
      ['/kiosk/procedures', 'procedures', PORTRAIT, 'portrait'],
      ['/kiosk/rating', 'rating', LANDSCAPE, 'landscape'],
    ] as const) {
      const { page } = await open(route, viewport);
      await expect.poll(() => page.locator('main h1').count()).toBe(1);
      const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      const normal = await rootSize();
      await page.getByRole('button', { name: dict.vi.largeText }).click();
      await page.getByRole('button', { name: dict.vi.highContrast }).click();
      expect(await page.getByRole('button', { name: dict.vi.largeText }).getAttribute('aria-pressed')).toBe('true');
      expect(await rootSize()).toBeGreaterThan(normal * 1.2);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
      await checkScreen(page, `${name}-large-contrast-vi-${orient}`);
    }
  });

  it('every kiosk screen is axe-clean in both orientations', async () => {
    for (const [viewport, orient] of [[PORTRAIT, 'portrait'], [LANDSCAPE, 'landscape']] as const) {
      for (const [route, name] of [
        ['/kiosk/dossier', 'dossier'],
        ['/kiosk/checkin', 'checkin'],
        ['/kiosk/book', 'book'],
        ['/kiosk/procedures', 'procedures-all'],
      ] as const) {
        const { page, errors } = await open(route, viewport);
        await expect.poll(() => page.locator('main h1').count()).toBe(1);
        await checkScreen(page, `${name}-vi-${orient}`);
        expect(errors).toEqual([]);
      }
    }
  });

  it('speaks Vietnamese guidance when a vi-VN voice exists, and stays silent without error when none does', async () => {
    const withVoice = (has: boolean) => async (p: Page) =>
      p.addInitScript((has: boolean) => {
        const log: string[] = [];
        (window as unknown as { __spoken: string[] }).__spoken = log;
        (window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = class {
          text: string;
          lang = '';
          voice: unknown = null;
          rate = 1;
          constructor(text: string) {
            this.text = text;
          }
        };
        Object.defineProperty(window, 'speechSynthesis', {
          configurable: true,
          value: { getVoices: () => (has ? [{ lang: 'vi-VN', name: 'vi' }] : [{ lang: 'en-US', name: 'en' }]), speak: (u: { text: string }) => log.push(u.text), cancel() {} },
        });
      }, has);
    const said = (p: Page) => p.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);

    const a = await open('/kiosk/take', PORTRAIT, withVoice(true));
    await expect.poll(() => said(a.page)).toContain(dict.vi.takeSpeak);
    const b = await open('/kiosk/take', PORTRAIT, withVoice(false));
    await expect.poll(() => b.page.locator('[data-service]').count()).toBeGreaterThan(0);
    expect(await said(b.page)).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('waits 60 s without a touch, warns with "Tiếp tục", then returns home in Vietnamese', async () => {
    const { page } = await open('/kiosk', PORTRAIT, (p) => p.clock.install());
    await switchTo(page, 'en');
    await page.getByRole('button', { name: dict.en.homeTake }).click();
    await page.clock.fastForward(55_000);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.clock.fastForward(6_000);
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await checkScreen(page, 'idle-warning-en-portrait');
    await dialog.getByRole('button', { name: dict.en.idleContinue }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(page.url()).toContain('/kiosk/take');

    await page.clock.fastForward(61_000);
    await expect.poll(() => page.getByRole('alertdialog').isVisible()).toBe(true);
    await page.clock.fastForward(21_000);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/kiosk');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await page.getByRole('button', { name: dict.vi.homeTake }).isVisible()).toBe(true);
  });
});

describe('the queue-server going away', () => {
  it('says so, offers a retry and shows no ticket until the server confirms one', async () => {
    const { page } = await open('/kiosk/take');
    const tile = page.locator('[data-service="xay-dung"]');
    await expect.poll(() => tile.isEnabled()).toBe(true);
    await server.kill();
    try {
      await tile.click();
      await expect.poll(() => page.getByRole('alert').filter({ hasText: dict.vi.serverDown }).isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await page.getByTestId('ticket-number').count()).toBe(0);
      await checkScreen(page, 'server-down-vi-portrait');
    } finally {
      await server.restart();
    }
    const before = await waiting('xay-dung');
    await page.getByRole('button', { name: dict.vi.retry }).click();
    const tk = await ticketOnScreen(page);
    expect(await waiting('xay-dung')).toBe(before + 1);
    expect((await api.get<{ number: string }>(`/api/v1/tickets/${tk.id}`)).body.number).toBe(tk.number);
  });
});
