// The set-up the kiosk's browser tests share: one real server and one Chromium for the file and,
// for the tests that scan, read a chip or print, the real kiosk agent with simulated devices; the
// kiosk opened as installed (the demo kiosk's token and its agent's address), each screen checked
// with axe-core and photographed. Closed after the file: contexts, browser, agent, server.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import type { Lang } from '@mot-cua/config/strings/index.ts';
import type { RunningAgent } from '../../kiosk-agent/src/agent.ts';
import { startKioskAgent } from './agent.ts';
import { ApiClient } from './api.ts';
import { axeCheck, launchBrowser } from './browser.ts';
import { freePort, repoRoot, startServer, type RunningServer } from './server.ts';

export const KIOSK_ART = path.join(repoRoot, 'tests/artifacts/kiosk');
mkdirSync(KIOSK_ART, { recursive: true });
export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };
type Viewport = { width: number; height: number };

export interface KioskSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** An anonymous client of the server. */
  readonly api: ApiClient;
  /** The kiosk agent (simulated devices); only with `agent: true`. */
  readonly agent: RunningAgent;
  /** A new context, closed with the suite. */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a new context (Vietnamese unless `locale` says otherwise, the centre's time zone), closed with the suite. */
  page(viewport?: Viewport, locale?: string): Promise<Page>;
  /**
   * The kiosk at `route` as installed: the demo kiosk's token and the agent's address (without an
   * agent, one where none listens). Back once the agent is connected, when there is one, and the
   * centre loaded — a card read before the centre (its priority groups) has loaded gets no group
   * from its age, and the centre's name and notice move the home tiles down when they land.
   */
  open(route: string, viewport?: Viewport): Promise<{ page: Page; errors: string[] }>;
  /** A call to the agent's controls: GET without a body, else POST it as JSON. */
  sim(pathname: string, body?: unknown): Promise<Response>;
}

export interface KioskSuiteOptions {
  /** Run the kiosk agent with simulated devices beside the server. */
  agent?: boolean;
  /** Makes the server (default: the demo centre). */
  start?: () => Promise<RunningServer>;
}

/** Registers the file's beforeAll/afterAll for a kiosk test. */
export function kioskSuite(opts: KioskSuiteOptions = {}): KioskSuite {
  let server: RunningServer | undefined;
  let agent: RunningAgent | undefined;
  let browser: Browser | undefined;
  let api: ApiClient | undefined;
  let agentWs = '';
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await (opts.start ?? (() => startServer()))();
    if (opts.agent) agent = await startKioskAgent(server.url);
    agentWs = agent ? agent.url.replace(/^http/, 'ws') + '/ws' : `ws://127.0.0.1:${await freePort()}/ws`;
    browser = await launchBrowser();
    api = new ApiClient(server.url);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await agent?.close();
    await server?.stop();
  });
  const ready = <T>(x: T | undefined, what: string): T => {
    if (x === undefined) throw new Error(`${what} is not started: use it inside a test or a hook${what === 'the agent' ? ', with kioskSuite({ agent: true })' : ''}`);
    return x;
  };
  const context = async (options?: BrowserContextOptions): Promise<BrowserContext> => {
    const ctx = await ready(browser, 'the browser').newContext(options);
    contexts.push(ctx);
    return ctx;
  };
  const page = async (viewport: Viewport = PORTRAIT, locale = 'vi-VN'): Promise<Page> =>
    (await context({ viewport, bypassCSP: true, locale, timezoneId: 'Asia/Ho_Chi_Minh' })).newPage();
  return {
    get server() {
      return ready(server, 'the server');
    },
    get browser() {
      return ready(browser, 'the browser');
    },
    get api() {
      return ready(api, 'the server');
    },
    get agent() {
      return ready(agent, 'the agent');
    },
    context,
    page,
    async open(route, viewport = PORTRAIT) {
      const p = await page(viewport);
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(e.message));
      await p.goto(`${ready(server, 'the server').url}${route}${route.includes('?') ? '&' : '?'}agent=${encodeURIComponent(agentWs)}&token=demo-kiosk-1`);
      if (agent) await expect.poll(() => p.locator('.kiosk').getAttribute('data-agent'), { timeout: 15_000 }).toBe('connected');
      await p.locator('.kiosk[data-center="loaded"]').waitFor();
      return { page: p, errors };
    },
    sim(pathname, body) {
      const url = ready(agent, 'the agent').url + pathname;
      return fetch(url, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    },
  };
}

/**
 * The check every kiosk screen passes: no axe-core violation, then a screenshot `name`.png in `dir` (default
 * tests/artifacts/kiosk). `settle`: first wait (briefly) for the page's requests to end, as a phone page still
 * loading its QR or estimate would be photographed half-drawn.
 */
export async function checkScreen(page: Page, name: string, opts: { dir?: string; fullPage?: boolean; settle?: boolean } = {}): Promise<void> {
  if (opts.settle) await page.waitForLoadState('networkidle').catch(() => {});
  const violations = await axeCheck(page);
  expect(violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), name).toEqual([]);
  await page.screenshot({ path: path.join(opts.dir ?? KIOSK_ART, `${name}.png`), ...(opts.fullPage ? { fullPage: true } : {}) });
}

/** Switches the kiosk to `lang` with its toggle (a kiosk starts in Vietnamese) and waits for the page to say so. */
export async function switchTo(page: Page, lang: Lang): Promise<void> {
  if (lang === 'en') await page.getByRole('button', { name: dict.vi.langToggle, exact: true }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}
