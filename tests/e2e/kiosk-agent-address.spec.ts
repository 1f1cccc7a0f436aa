// Issue 13.8: each copy talks to its own kiosk agent. The queue-server is started saying its
// agent is on a port that is not the default (KIOSK_AGENT_URL, what `npm start` sets); a kiosk in
// Chromium installed without `?agent=` learns it from GET /api/v1/center and prints there; an
// install URL's `?agent=` (the agent's http address) wins over the server's. Real queue-server,
// real kiosk agents with simulated devices, Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import type { RunningAgent } from '../../kiosk-agent/src/agent.ts';
import { startKioskAgent } from '../support/agent.ts';
import { launchBrowser } from '../support/browser.ts';
import { freePort, startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let own: RunningAgent;
let other: RunningAgent;
let browser: Browser;

const wsOf = (agent: RunningAgent) => `${agent.url.replace(/^http/, 'ws')}/ws`;

async function printedNumbers(agent: RunningAgent): Promise<string[]> {
  const { printed } = (await (await fetch(`${agent.url}/sim/printed`)).json()) as { printed: { text: string }[] };
  return printed.map((p) => p.text);
}

/** Takes a number for Hộ tịch at a fresh kiosk opened with `query` after its token; returns it once the kiosk says it printed. */
async function takeNumber(query: string): Promise<string> {
  const ctx = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page: Page = await ctx.newPage();
  try {
    // the kiosk channel takes a kiosk's device token
    await page.goto(`${server.url}/kiosk/take?token=demo-kiosk-1${query}`);
    await expect.poll(() => page.locator('.kiosk').getAttribute('data-agent'), { timeout: 15_000 }).toBe('connected');
    await page.locator('[data-service="ho-tich"]').click();
    await page.waitForURL(/\/kiosk\/ticket\//);
    const number = (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
    await expect.poll(() => page.getByText(dict.vi.printed).isVisible(), { timeout: 15_000 }).toBe(true);
    return number;
  } finally {
    await ctx.close();
  }
}

beforeAll(async () => {
  const port = await freePort();
  const serverUrl = `http://127.0.0.1:${port}`;
  // The agents start first (the server's address is all they need); they find the server when it is up.
  own = await startKioskAgent(serverUrl);
  other = await startKioskAgent(serverUrl);
  expect(new URL(own.url).port).not.toBe('8181');
  server = await startServer({ port, env: { KIOSK_AGENT_URL: wsOf(own) } });
  browser = await launchBrowser();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await own?.close();
  await other?.close();
  await server?.stop();
});

describe('each copy talks to its own kiosk agent', () => {
  it('the server names its agent in GET /api/v1/center', async () => {
    const center = (await (await fetch(`${server.url}/api/v1/center`)).json()) as { kioskAgentUrl: string | null };
    expect(center.kioskAgentUrl).toBe(wsOf(own));
  });

  it('a kiosk installed without ?agent= prints through the agent the server names, on its non-default port', async () => {
    const number = await takeNumber('');
    expect(number).toMatch(/^\S+$/);
    expect((await printedNumbers(own)).filter((t) => t.includes(number))).toHaveLength(1);
    expect((await printedNumbers(other)).some((t) => t.includes(number))).toBe(false);
  });

  it('the install URL’s ?agent= (the agent’s http address) wins over the server’s', async () => {
    const number = await takeNumber(`&agent=${encodeURIComponent(other.url)}`);
    expect((await printedNumbers(other)).filter((t) => t.includes(number))).toHaveLength(1);
    expect((await printedNumbers(own)).some((t) => t.includes(number))).toBe(false);
  });
});
