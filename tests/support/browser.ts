// Debian's Chromium driven by playwright-core (no browser download works here).
import { chromium, type Browser, type Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Under a faked system clock (scripts/clock.mjs), Chromium does not start with libfaketime
 * preloaded, so it runs on the real clock and each new context's pages are given this
 * process's (faked) time instead, flowing from there.
 */
const FAKED_CLOCK = Boolean(process.env.FAKETIME && process.env.LD_PRELOAD?.includes('faketime'));

/** `extraArgs`: Chromium flags on top of the test ones (say, a deployment launcher's). */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync', ...extraArgs],
    ...(FAKED_CLOCK ? { env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'LD_PRELOAD' && !k.startsWith('FAKETIME'))) as Record<string, string> } : {}),
  });
  if (FAKED_CLOCK) {
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (options) => {
      const context = await newContext(options);
      await context.clock.install({ time: Date.now() });
      return context;
    };
    browser.newPage = async (options) => {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      page.on('close', () => void context.close());
      return page;
    };
  }
  return browser;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page; returns the violations (empty when clean). */
export async function axeCheck(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })) }));
  });
}
