// The kiosk with its agent: a CCCD scanned through the kiosk agent's simulated
// scanner greets the citizen and gives an elderly citizen priority without a
// question; the ticket prints on the agent's virtual printer; a printer out of
// paper leaves the ticket on screen with what to do; a scanned ticket QR opens
// its rating. Real queue-server, real kiosk agent (simulated devices), Chromium.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import { interpolate } from '@mot-cua/config/strings/index.ts';
import { ApiClient } from '../support/api.ts';
import { checkScreen, kioskSuite, switchTo } from '../support/kiosk.ts';

const kiosk = kioskSuite({ agent: true });
const { sim } = kiosk;

// An elderly citizen's card (born 1950) and a younger one's, as the QR on a CCCD reads.
const ELDER_QR = '001050012345|123456789|Nguyễn Văn An|01011950|Nam|Số 25 Trần Hưng Đạo, phường Tân An|01012021';
const YOUNG_QR = '079095001234||Phạm Thị Dung|15061995|Nữ|Số 3 Lê Lợi, phường Tân An|10052022';

const toEnglish = (page: Page) => switchTo(page, 'en');

describe('CCCD scan through the kiosk agent', () => {
  it('greets an elderly citizen by name, gives priority without asking, and prints the ticket', async () => {
    const { page, errors } = await kiosk.open('/kiosk/take');
    expect((await sim('/sim/scan', { text: `${ELDER_QR}\r\n` })).status).toBe(202);
    await expect.poll(() => page.getByText(interpolate(dict.vi.greeting, { name: 'Nguyễn Văn An' })).first().isVisible()).toBe(true);
    const center = await kiosk.api.get<{ priorityCategories: { id: string; name: string; minAge: number | null }[] }>('/api/v1/center');
    const elderly = center.body.priorityCategories.find((c) => c.minAge === 60);
    expect(elderly).toBeDefined();
    await expect.poll(() => page.getByText(interpolate(dict.vi.priorityAuto, { name: elderly!.name })).isVisible()).toBe(true);
    await checkScreen(page, 'take-scanned-elder-vi-portrait');

    await page.locator('[data-service="ho-tich"]').click();
    await page.waitForURL(/\/kiosk\/ticket\//);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    // Anyone may read a ticket: it says only that it has priority; staff see which group (issue 14, point 7).
    const ticket = await kiosk.api.get<{ number: string; priority: boolean; priorityCategoryId: string | null }>(`/api/v1/tickets/${id}`);
    expect(ticket.body).toMatchObject({ priority: true, priorityCategoryId: null });
    const desk = new ApiClient(kiosk.server.url);
    await desk.login('quay2', 'quay-2');
    const queued = await desk.get<{ waiting: { id: string; priorityCategoryId: string | null }[] }>('/api/v1/counters/quay-2/queue');
    expect(queued.body.waiting.find((t) => t.id === id)?.priorityCategoryId).toBe(elderly!.id);
    expect(await page.getByTestId('ticket-priority').textContent()).toBe(interpolate(dict.vi.ticketPriority, { name: elderly!.name }));

    await expect.poll(() => page.getByText(dict.vi.printed).isVisible(), { timeout: 15_000 }).toBe(true);
    const printed = (await (await sim('/sim/printed')).json()) as { printed: { text: string; qr: string | null }[] };
    const mine = printed.printed.find((p) => p.text.includes(ticket.body.number));
    expect(mine).toBeDefined();
    expect([mine!.qr].flat().join(' ')).toContain(`/t/${id}`);
    // The Vietnamese the printer decoded reads back exactly, every diacritic.
    const printedLines = mine!.text.split('\n').map((l) => l.trim());
    expect(printedLines).toContain('Bộ phận Một cửa UBND phường Tân An'.toLocaleUpperCase('vi'));
    expect(printedLines).toContain('Tư pháp – Hộ tịch');
    // Long lines wrap on paper; read them back joined.
    expect(mine!.text.replace(/\s+/g, ' ')).toContain(`Ưu tiên: ${elderly!.name}`);
    // The slip speaks to the citizen as the screens do.
    expect(mine!.text.replace(/\s+/g, ' ')).toMatch(/Số người chờ trước quý vị: \d+/);
    expect(mine!.text).not.toMatch(/\bbạn\b/iu);
    await checkScreen(page, 'ticket-printed-vi-portrait');
    expect(errors).toEqual([]);
  });

  it('in English, a card scanned on the home screen goes straight to the fields; under 60 gets no priority by itself', async () => {
    const { page, errors } = await kiosk.open('/kiosk');
    await toEnglish(page);
    expect((await sim('/sim/scan', { text: YOUNG_QR })).status).toBe(202);
    await page.waitForURL(/\/kiosk\/take/);
    await expect.poll(() => page.getByText(interpolate(dict.en.greeting, { name: 'Phạm Thị Dung' })).first().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: dict.en.priorityNone, exact: true }).getAttribute('aria-pressed')).toBe('true');
    await checkScreen(page, 'take-scanned-young-en-portrait');
    await page.locator('[data-service="chung-thuc"]').click();
    await page.waitForURL(/\/kiosk\/ticket\//);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const ticket = await kiosk.api.get<{ priority: boolean; priorityCategoryId: string | null }>(`/api/v1/tickets/${id}`);
    expect(ticket.body).toMatchObject({ priority: false, priorityCategoryId: null });
    expect(errors).toEqual([]);
  });
});

describe('the printer failing', () => {
  it('out of paper, in English: the ticket stays on screen with "could not be printed" and what to do', async () => {
    expect((await sim('/sim/printer', { state: 'paper_out' })).status).toBe(200);
    try {
      const { page, errors } = await kiosk.open('/kiosk');
      await toEnglish(page);
      await page.getByRole('button', { name: dict.en.homeTake }).click();
      await page.locator('[data-service="dat-dai"]').click();
      await page.waitForURL(/\/kiosk\/ticket\//);
      const number = ((await page.getByTestId('ticket-number').textContent()) ?? '').trim();
      const failed = page.getByTestId('print-failed');
      await expect.poll(() => failed.isVisible(), { timeout: 15_000 }).toBe(true);
      const text = (await failed.textContent()) ?? '';
      expect(text).toContain(dict.en.printFailed);
      expect(text).toContain(dict.en.printPaperOut);
      expect(text).toContain(interpolate(dict.en.printFailedWhat, { number }));
      await checkScreen(page, 'ticket-paper-out-en-portrait');
      expect(errors).toEqual([]);
    } finally {
      await sim('/sim/printer', { state: 'ok' });
    }
  });

  it('unplugged mid-run: the ticket is on screen and on the server, marked not printed, and managers see the alert', async () => {
    const { page, errors } = await kiosk.open('/kiosk');
    await page.getByRole('button', { name: dict.vi.homeTake }).click();
    expect((await sim('/sim/printer', { state: 'offline' })).status).toBe(200);
    try {
      await page.locator('[data-service="xay-dung"]').click();
      await page.waitForURL(/\/kiosk\/ticket\//);
      const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
      await expect.poll(() => page.getByTestId('print-failed').isVisible(), { timeout: 15_000 }).toBe(true);
      const mgr = new ApiClient(kiosk.server.url);
      await mgr.login('quanly');
      await expect
        .poll(async () => (await mgr.get<{ alerts: { kind: string; ticketId: string | null }[] }>('/api/v1/devices')).body.alerts.some((a) => a.kind === 'print_failed' && a.ticketId === id), { timeout: 15_000 })
        .toBe(true);
      const t = await kiosk.api.get<{ status: string; printed: boolean | null }>(`/api/v1/tickets/${id}`);
      expect(t.body).toMatchObject({ status: 'waiting', printed: false });
      expect(errors).toEqual([]);
    } finally {
      await sim('/sim/printer', { state: 'ok' });
    }
  });
});

describe('dossier code by barcode', () => {
  it('a receipt barcode scanned on the dossier screen shows that dossier', async () => {
    const { page, errors } = await kiosk.open('/kiosk/dossier');
    expect((await sim('/sim/scan', { text: '261102-CT02-0002\r\n' })).status).toBe(202);
    const result = page.getByTestId('dossier-result');
    await expect.poll(() => result.isVisible()).toBe(true);
    const held = await kiosk.api.get<{ procedureName: string }>('/api/v1/dossiers/261102-CT02-0002');
    expect(await result.textContent()).toContain(held.body.procedureName);
    expect(await page.getByLabel(dict.vi.dossierLabel).inputValue()).toBe('261102-CT02-0002');
    expect(errors).toEqual([]);
  });
});

describe('rating by the ticket QR', () => {
  it('a scanned ticket QR opens the rating of that ticket', async () => {
    const issued = await kiosk.api.post<{ id: string; number: string; statusUrl: string }>('/api/v1/tickets', { serviceId: 'ho-tich' }, { authorization: 'Bearer demo-kiosk-1', 'Idempotency-Key': 'kiosk-scan-rating-1' });
    expect(issued.status).toBe(201);
    const staff = new ApiClient(kiosk.server.url);
    await staff.login('quay2', 'quay-2');
    for (const step of ['call', 'start', 'finish']) expect((await staff.post(`/api/v1/tickets/${issued.body.id}/${step}`)).status).toBe(200);

    const { page, errors } = await kiosk.open('/kiosk/rating');
    expect((await sim('/sim/scan', { text: issued.body.statusUrl })).status).toBe(202);
    await expect.poll(() => page.getByText(dict.vi.ratingQuestion).isVisible()).toBe(true);
    expect(await page.getByText(interpolate(dict.vi.ratingCounter, { number: issued.body.number, counter: 2 })).isVisible()).toBe(true);
    await page.locator('button[data-score="3"]').click();
    await expect.poll(() => page.getByText(dict.vi.ratingThanks).first().isVisible()).toBe(true);
    expect((await kiosk.api.get<{ rated: boolean }>(`/api/v1/tickets/${issued.body.id}`)).body.rated).toBe(true);
    expect(errors).toEqual([]);
  });
});
