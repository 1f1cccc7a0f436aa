// The set-up most browser tests share: one real server and one Chromium for the file, the
// contexts opened on them closed after it, in that order.
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

export interface BrowserSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A new context, closed with the suite. */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/** Registers the file's beforeAll/afterAll; `start` makes the server (default: the demo centre). */
export function browserSuite(start: () => Promise<RunningServer> = () => startServer()): BrowserSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });
  const ready = <T>(x: T | undefined, what: string): T => {
    if (x === undefined) throw new Error(`${what} is not started yet: use it inside a test or a hook`);
    return x;
  };
  return {
    get server() {
      return ready(server, 'the server');
    },
    get browser() {
      return ready(browser, 'the browser');
    },
    async context(options) {
      const c = await ready(browser, 'the browser').newContext(options);
      contexts.push(c);
      return c;
    },
  };
}
