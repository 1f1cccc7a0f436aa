// The hall board for centres of 3, 14 and 40 counters on a 1366×768, a
// 1920×1080 and a 3840×2160 screen: every counter row (its number, official,
// fields and current number), the number being called, and every field name is
// shown whole — inside its panel and the screen, no text cut — on one page or on
// pages the board turns itself, which this test reads one after another. Real queue-server with a
// generated centre, Chromium; screenshots in tests/artifacts/board/.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadDemoConfig } from '@mot-cua/config';
import { ApiClient } from '../support/api.ts';
import { axeCheck, launchBrowser } from '../support/browser.ts';
import { repoRoot, startServer, type RunningServer } from '../support/server.ts';

const ART = path.join(repoRoot, 'tests/artifacts/board');
mkdirSync(ART, { recursive: true });
const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];

let browser: Browser;
const servers: RunningServer[] = [];

/** The demo centre with `n` counters (the demo's six over and over, the longest field names included) and an official at the last one. */
function centreFile(n: number): string {
  const config = loadDemoConfig();
  const allDay = [{ open: '00:00', close: '23:59' }];
  config.hours = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay, closedDates: [] };
  const demo = config.counters;
  config.counters = Array.from({ length: n }, (_, i) => ({ ...demo[i % demo.length]!, id: `quay-${i + 1}`, number: i + 1 }));
  const ids = new Set(config.counters.map((c) => c.id));
  config.staff = config.staff.filter((s) => !s.counterId || ids.has(s.counterId));
  if (!config.staff.some((s) => s.counterId === `quay-${n}`)) {
    config.staff.push({ ...config.staff.find((s) => s.role === 'staff')!, username: `quay${n}`, fullName: 'Nguyễn Hoàng Bảo Khánh', counterId: `quay-${n}` });
  }
  config.devices.list = config.devices.list.filter((d) => !d.counterId || ids.has(d.counterId));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'board-fit-'));
  const file = path.join(dir, 'center.yaml');
  writeFileSync(file, JSON.stringify(config)); // JSON is YAML
  return file;
}

/** What on the board is not shown whole: rows outside the panel or the screen, and text cut short. */
function cutOff(page: Page): Promise<{ seen: number[]; cut: string[] }> {
  return page.evaluate(() => {
    const cut: string[] = [];
    const screen = { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
    const inside = (r: DOMRect, box: { top: number; left: number; bottom: number; right: number }) =>
      r.top >= box.top - 1 && r.left >= box.left - 1 && r.bottom <= box.bottom + 1 && r.right <= box.right + 1;
    const whole = (el: Element, what: string, box: DOMRect) => {
      const r = el.getBoundingClientRect();
      if (!inside(r, box) || !inside(r, screen)) cut.push(`${what} outside its panel or the screen`);
      const h = el as HTMLElement;
      if (h.scrollWidth > h.clientWidth + 1) cut.push(`${what} text cut: ${h.textContent}`);
    };
    const panel = document.querySelector('[data-testid="counters"]')!.getBoundingClientRect();
    const seen: number[] = [];
    for (const li of document.querySelectorAll<HTMLElement>('[data-testid="counters"] li')) {
      if (li.offsetParent === null) continue;
      const n = Number(li.dataset.counter);
      for (const part of li.querySelectorAll('.no, .who > span, .cur')) whole(part, `counter ${n} ${part.className}`, panel);
      seen.push(n);
    }
    const newest = document.querySelector('[data-testid="newest-call"]');
    if (newest) for (const num of newest.querySelectorAll('.num')) whole(num, `called number ${num.textContent}`, newest.getBoundingClientRect());
    const fields = document.querySelector('[data-testid="fields"]')!.getBoundingClientRect();
    for (const th of document.querySelectorAll('[data-testid="fields"] tbody th')) whole(th, `field ${th.textContent}`, fields);
    return { seen, cut };
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.stop();
});

describe.each([3, 14, 40])('a centre of %i counters', (n) => {
  let server: RunningServer;
  let current = '';

  beforeAll(async () => {
    server = await startServer({ env: { CENTER_CONFIG: centreFile(n) } });
    servers.push(server);
    const api = new ApiClient(server.url);
    const last = (await api.get<{ counters: { id: string; serviceIds: string[] }[] }>('/api/v1/center')).body.counters.at(-1)!;
    const issued = await api.post<{ number: string }>('/api/v1/tickets', { serviceId: last.serviceIds[0] }, { authorization: 'Bearer demo-kiosk-1', 'Idempotency-Key': `board-fit-${n}` });
    expect(issued.status).toBe(201);
    current = issued.body.number;
    const staff = new ApiClient(server.url);
    await staff.login(`quay${n}`, last.id);
    expect((await staff.post(`/api/v1/counters/${last.id}/call-next`)).status).toBe(200);
  });

  it.each(SCREENS)('shows every counter and field name whole at $width×$height', async (viewport) => {
    const ctx = await browser.newContext({ viewport, bypassCSP: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/board?pageSeconds=1`);
    await page.getByTestId('sound-on').click();
    await expect.poll(() => page.locator('[data-testid="counters"] li').count(), { timeout: 15_000 }).toBe(n);
    const lastRow = page.locator(`[data-testid="counters"] li[data-counter="${n}"] .cur`);
    await expect.poll(() => lastRow.textContent(), { timeout: 15_000 }).toBe(current);

    const seen = new Set<number>();
    const pagesSeen = new Set<string>();
    let shots = 0;
    // every page the board turns to, until each counter has been seen whole
    const deadline = Date.now() + 30_000;
    while (seen.size < n && Date.now() < deadline) {
      const { seen: now, cut } = await cutOff(page);
      expect(cut, `${n} counters at ${viewport.width}×${viewport.height}`).toEqual([]);
      for (const c of now) seen.add(c);
      const label = (await page.getByTestId('counters-page').textContent()) ?? '';
      if (!pagesSeen.has(label)) {
        pagesSeen.add(label);
        if (shots++ < 4) await page.screenshot({ path: path.join(ART, `fit-${n}-counters-${viewport.width}x${viewport.height}-${shots}.png`) });
      }
      await page.waitForTimeout(250);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    // more than one page is said on screen
    if (pagesSeen.size > 1) for (const label of pagesSeen) expect(label).toMatch(/^Trang \d+\/\d+$/);
    const violations = await axeCheck(page);
    expect(violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`)).toEqual([]);
    await ctx.close();
  });
});
