// The CCCD chip at the kiosk: a virtual card laid on the kiosk agent's simulated chip reader is
// read over BAC secure messaging (the same APDUs a real reader sends), greets the citizen and
// gives a 70-year-old the elderly priority without a question; the ticket is a priority one and
// the server keeps the citizen's number only as its keyed hash. A chip whose key is wrong is
// explained in Vietnamese (and in English with the toggle). Real queue-server, real kiosk agent
// (simulated devices), Chromium.
import { describe, expect, it } from 'vitest';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import { interpolate } from '@mot-cua/config/strings/index.ts';
import { ApiClient } from '../support/api.ts';
import { checkScreen, kioskSuite } from '../support/kiosk.ts';

const kiosk = kioskSuite({ agent: true });
const { sim } = kiosk;

describe('CCCD chip read at the kiosk', () => {
  it('offers the chip beside the QR, reads a 70-year-old\'s card and gives her a priority ticket', async () => {
    const { page, errors } = await kiosk.open('/kiosk/take');
    await expect.poll(() => page.getByTestId('chip-prompt').textContent()).toBe('Đặt thẻ CCCD lên đầu đọc');
    const health = (await (await sim('/health')).json()) as { parts: { id: string; status: string }[] };
    expect(health.parts.find((p) => p.id === 'chip-reader')?.status).toBe('ok');

    expect((await sim('/sim/chip', { mode: 'normal', ageYears: 70 })).status).toBe(202);
    await expect.poll(() => page.getByText(interpolate(dict.vi.greeting, { name: 'Nguyễn Thị Hường' })).first().isVisible()).toBe(true);
    const center = await kiosk.api.get<{ priorityCategories: { id: string; name: string; minAge: number | null }[] }>('/api/v1/center');
    const elderly = center.body.priorityCategories.find((c) => c.minAge === 60);
    expect(elderly).toBeDefined();
    await expect.poll(() => page.getByText(interpolate(dict.vi.priorityAuto, { name: elderly!.name })).isVisible()).toBe(true);
    await checkScreen(page, 'take-chip-elder-vi-portrait');

    await page.locator('[data-service="ho-tich"]').click();
    await page.waitForURL(/\/kiosk\/ticket\//);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const ticket = await kiosk.api.get<{ priority: boolean }>(`/api/v1/tickets/${id}`);
    expect(ticket.body).toMatchObject({ priority: true });
    const desk = new ApiClient(kiosk.server.url);
    await desk.login('quay2', 'quay-2');
    const queued = await desk.get<{ waiting: { id: string; priorityCategoryId: string | null }[] }>('/api/v1/counters/quay-2/queue');
    expect(queued.body.waiting.find((t) => t.id === id)?.priorityCategoryId).toBe(elderly!.id);
    expect(await page.getByTestId('ticket-priority').textContent()).toBe(interpolate(dict.vi.ticketPriority, { name: elderly!.name }));
    expect(errors).toEqual([]);
  });

  it('a chip that refuses the key is explained in Vietnamese, then in English; no priority is given', async () => {
    const { page, errors } = await kiosk.open('/kiosk/take');
    expect((await sim('/sim/chip', { mode: 'wrong-key' })).status).toBe(202);
    const shown = page.getByTestId('chip-error');
    await expect.poll(() => shown.textContent()).toBe(dict.vi.chipErrorWrongKey);
    expect(await shown.getAttribute('data-code')).toBe('wrong_key');
    expect(await page.getByRole('button', { name: dict.vi.priorityNone, exact: true }).getAttribute('aria-pressed')).toBe('true');
    await checkScreen(page, 'take-chip-wrong-key-vi-portrait');
    await page.getByRole('button', { name: dict.vi.langToggle, exact: true }).click();
    await expect.poll(() => shown.textContent()).toBe(dict.en.chipErrorWrongKey);
    expect(await page.getByTestId('chip-prompt').textContent()).toBe(dict.en.chipPrompt);

    // the torn read and the tampered chip each have their own explanation
    expect((await sim('/sim/chip', { mode: 'torn-read' })).status).toBe(202);
    await expect.poll(() => shown.textContent()).toBe(dict.en.chipErrorTornRead);
    expect((await sim('/sim/chip', { mode: 'tampered-dg13' })).status).toBe(202);
    await expect.poll(() => shown.textContent()).toBe(dict.en.chipErrorTampered);
    expect(errors).toEqual([]);
  });

  it('on the home screen, a card laid on the reader before any MRZ was scanned leads to the fields screen with what to do', async () => {
    const { page, errors } = await kiosk.open('/kiosk');
    expect((await sim('/sim/chip', { key: 'none' })).status).toBe(202);
    await page.waitForURL(/\/kiosk\/take/);
    const shown = page.getByTestId('chip-error');
    await expect.poll(() => shown.textContent()).toBe(dict.vi.chipErrorNoKey);
    expect(await shown.getAttribute('data-code')).toBe('no_key');
    expect(errors).toEqual([]);
  });
});
