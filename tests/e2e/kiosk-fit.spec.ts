// The kiosk at large text and in landscape: nothing a citizen needs is off-screen without a
// visible cue, and what a search finds shows beside the on-screen keyboard while typing.
// Screenshots in tests/artifacts/kiosk/fit-*.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import { axeCheck } from '../support/browser.ts';
import { repoRoot } from '../support/server.ts';
import { browserSuite } from '../support/suite.ts';

const ART = path.join(repoRoot, 'tests/artifacts/kiosk');
mkdirSync(ART, { recursive: true });
const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };
const t = dict.vi;

const suite = browserSuite();

async function open(route: string, viewport: { width: number; height: number }, largeText: boolean): Promise<Page> {
  const ctx = await suite.context({ viewport, bypassCSP: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await ctx.newPage();
  await page.goto(`${suite.server.url}/kiosk${route}${route.includes('?') ? '&' : '?'}token=demo-kiosk-1`);
  await page.locator('main').waitFor();
  if (largeText) {
    await page.getByRole('button', { name: t.largeText }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(true);
  }
  return page;
}

/** The texts of these elements that end below the visible part of the screen. */
async function belowFold(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll(sel)]
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.height > 0 && r.bottom > window.innerHeight;
        })
        .map((e) => (e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50)),
    selector,
  );
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => {});
  const violations = await axeCheck(page);
  expect(violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), name).toEqual([]);
  await page.screenshot({ path: path.join(ART, `fit-${name}.png`) });
}

describe('kiosk at large text and in landscape', () => {
  it('portrait, large text: the home screen shows all five actions and the hotline', async () => {
    const page = await open('/', PORTRAIT, true);
    await page.getByRole('button', { name: new RegExp(t.homeBooking) }).waitFor();
    expect(await belowFold(page, 'nav.grid button, .home > p')).toEqual([]);
    expect(await page.getByTestId('more-below').count()).toBe(0);
    await shot(page, 'home-large-portrait');
  });

  it('landscape, large text: what does not fit has a visible "more below" cue, and one tap on it brings it up', async () => {
    const page = await open('/', LANDSCAPE, true);
    await page.getByRole('button', { name: new RegExp(t.homeBooking) }).waitFor();
    const hidden = await belowFold(page, 'nav.grid button, .home > p');
    if (hidden.length > 0) {
      const cue = page.getByTestId('more-below');
      await cue.waitFor();
      expect(await cue.textContent()).toContain(t.moreBelow);
      await shot(page, 'home-large-landscape');
      await cue.click();
      await expect.poll(() => belowFold(page, 'nav.grid button, .home > p')).toEqual([]);
      await expect.poll(() => page.getByTestId('more-below').count()).toBe(0);
    } else {
      expect(await page.getByTestId('more-below').count()).toBe(0);
      await shot(page, 'home-large-landscape');
    }
  });

  it('a screen too small for its content always says there is more below', async () => {
    const page = await open('/take', { width: 768, height: 1024 }, true);
    await page.locator('[data-service]').first().waitFor();
    expect((await belowFold(page, '[data-service]')).length).toBeGreaterThan(0);
    await page.getByTestId('more-below').waitFor();
    await shot(page, 'take-large-small-screen');
    // scrolled to the end, the cue goes: nothing is left below
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.getByTestId('more-below').count()).toBe(0);
    expect(await belowFold(page, '[data-service]')).toEqual([]);
  });

  it('portrait, large text: every field tile of the take-a-number screen is on screen or behind the cue', async () => {
    const page = await open('/take', PORTRAIT, true);
    await page.locator('[data-service]').first().waitFor();
    const hidden = await belowFold(page, '[data-service]');
    if (hidden.length > 0) await page.getByTestId('more-below').waitFor();
    await shot(page, 'take-large-portrait');
  });

  it('landscape: results show beside the on-screen keyboard while the citizen types', async () => {
    const page = await open('/procedures', LANDSCAPE, false);
    const input = page.getByLabel(t.searchLabel);
    await input.click();
    // typed on the kiosk's own keyboard, key by key, as a citizen would
    const keys = page.getByRole('group', { name: t.keyboardLabel });
    for (const key of 'KHAI SINH') await keys.getByRole('button', { name: key === ' ' ? t.keySpace : key, exact: true }).click();
    await expect.poll(() => input.inputValue()).toMatch(/khai sinh/i);
    const first = page.locator('ul.list li button').first();
    await first.waitFor();
    const box = await first.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height, 'the first result is on screen').toBeLessThanOrEqual(LANDSCAPE.height);
    // and the keyboard is still there, on screen too
    const keyboard = await keys.getByRole('button', { name: 'Q', exact: true }).boundingBox();
    expect(keyboard!.y + keyboard!.height).toBeLessThanOrEqual(LANDSCAPE.height);
    expect(await page.getByRole('status').filter({ hasText: /thủ tục/ }).isVisible()).toBe(true);
    await shot(page, 'procedures-typing-landscape');
  });
});
