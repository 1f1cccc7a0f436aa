// A graceful server restart with every kind of live screen open: the staff
// console, the hall board, a citizen's phone page and the manager board. On
// SIGTERM the server drops every realtime client ("io server disconnect"), which
// socket.io clients do not answer by reconnecting on their own; each page must
// come back by itself, take the fresh snapshot and follow the next change — no
// reload, no stale number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { kiosk as kioskText } from '@mot-cua/config/strings/kiosk.ts';
import { interpolate } from '@mot-cua/config/strings/index.ts';
import { ApiClient } from '../support/api.ts';
import { launchBrowser } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';

/** Patience for steps that are not about speed (page loads, sign-ins). */
const POLL_MS = 10_000;
/** What the issue asks of every screen after the server is back. */
const BACK_MS = 5_000;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  // closing the browser closes every page's context
  await browser?.close();
  await server?.stop();
});

async function openPage(path: string): Promise<Page> {
  const c = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });
  const p = await c.newPage();
  await p.goto(`${server.url}${path}`);
  return p;
}

/** A mark in the page's memory: still there later means the page was never reloaded. */
const markLoaded = (p: Page) => p.evaluate(() => ((window as unknown as { __sameLoad: boolean }).__sameLoad = true));
const sameLoad = (p: Page) => p.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad === true);

describe('a graceful server restart', () => {
  it('leaves no screen offline or stale: each follows the first change after it within 5 seconds', async () => {
    const kiosk = new ApiClient(server.url);
    const issued: { id: string; number: string }[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await kiosk.post<{ id: string; number: string }>('/api/v1/tickets', { serviceId: 'ho-tich' }, { authorization: 'Bearer demo-kiosk-1', 'idempotency-key': `restart-${i}` });
      expect(r.status).toBe(201);
      issued.push(r.body);
    }
    const first = issued[0]!;

    const staff = await openPage('/counter');
    await staff.fill('input[name=username]', 'quay3');
    await staff.fill('input[name=password]', 'demo');
    await staff.locator('select[name=counter] option').first().waitFor({ state: 'attached' });
    await staff.selectOption('select[name=counter]', 'quay-3');
    await staff.click('button[type=submit]');
    const waitingRows = staff.locator('[data-testid=waiting-list] tbody tr');
    await expect.poll(() => waitingRows.count(), { timeout: POLL_MS }).toBe(2);

    const hall = await openPage('/board');
    const hallWaiting = hall.locator('[data-testid=fields] tr[data-service=ho-tich] td').first();
    await expect.poll(() => hallWaiting.textContent(), { timeout: POLL_MS }).toBe('2');

    const phone = await openPage(`/t/${first.id}`);
    const phoneStatus = phone.getByTestId('phone-status');
    await expect.poll(() => phoneStatus.textContent(), { timeout: POLL_MS }).toContain(kioskText.vi.phoneNext);

    const mgr = await openPage('/manager');
    await mgr.fill('input[name=username]', 'quanly');
    await mgr.fill('input[name=password]', 'demo');
    await mgr.click('button[type=submit]');
    const mgrWaiting = mgr.locator('[data-kpi=waiting]');
    await expect.poll(() => mgrWaiting.textContent(), { timeout: POLL_MS }).toBe('2');

    const pages = { staff, hall, phone, mgr };
    for (const p of Object.values(pages)) await markLoaded(p);
    // Each page's own socket.io connections from here on: a page that is right again
    // only because it polled (the phone page also polls every 15 s) would open none.
    const reopened = new Map<Page, number>();
    for (const p of Object.values(pages)) {
      reopened.set(p, 0);
      p.on('websocket', (ws) => ws.url().includes('/socket.io/') && reopened.set(p, reopened.get(p)! + 1));
    }

    await server.restart();

    // A change none of the pages made: counter 3's keypad calls the first number.
    const keypad = new ApiClient(server.url, { authorization: 'Bearer demo-keypad-3' });
    const called = await keypad.post<{ ticket: { number: string } }>('/api/v1/counters/quay-3/call-next');
    expect(called.status).toBe(200);
    expect(called.body.ticket.number).toBe(first.number);

    // Every screen is checked, so a failure names all that stayed behind, not only the first.
    const checks: Record<string, Promise<unknown>> = {
      'console current number': expect.poll(() => staff.getByTestId('current-number').textContent(), { timeout: BACK_MS }).toBe(first.number),
      'console waiting list': expect.poll(() => waitingRows.count(), { timeout: BACK_MS }).toBe(1),
      'hall newest call': expect.poll(() => hall.getByTestId('newest-call').textContent(), { timeout: BACK_MS }).toContain(first.number),
      'hall waiting count': expect.poll(() => hallWaiting.textContent(), { timeout: BACK_MS }).toBe('1'),
      'phone status': expect.poll(() => phoneStatus.textContent(), { timeout: BACK_MS }).toContain(interpolate(kioskText.vi.phoneCalled, { counter: 3 })),
      'manager waiting count': expect.poll(() => mgrWaiting.textContent(), { timeout: BACK_MS }).toBe('1'),
    };
    const results = await Promise.allSettled(Object.values(checks));
    const behind = Object.keys(checks).filter((_, i) => results[i]!.status === 'rejected');
    expect(behind, 'screens still showing the state from before the restart').toEqual([]);
    for (const [name, p] of Object.entries(pages)) {
      expect(await sameLoad(p), `${name} was not reloaded`).toBe(true);
      expect(reopened.get(p), `${name} connected again by itself`).toBeGreaterThan(0);
    }
  });
});
