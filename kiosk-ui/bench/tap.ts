// Tap-to-ticket latency in headless Chromium against a local queue-server: from
// the tap on a field tile to the ticket number in the page and painted (next
// animation frame). The baseline, measured in the same run, is the bare
// POST /api/v1/tickets from Node, so the table shows what the UI adds.
// Build first: pnpm --filter @mot-cua/kiosk-ui run build && pnpm exec tsx kiosk-ui/bench/tap.ts [rounds]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../tests/support/browser.ts';
import { freePort, startServer } from '../../tests/support/server.ts';

const ROUNDS = Number(process.argv[2] ?? 40);
const SERVICES = ['ho-tich', 'chung-thuc', 'dat-dai', 'xay-dung', 'lao-dong-xa-hoi', 'ho-kinh-doanh'];

function stats(xs: number[]): { n: number; p50: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN };
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const noAgent = `ws://127.0.0.1:${await freePort()}/ws`;
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await page.goto(`${server.url}/kiosk/take?agent=${encodeURIComponent(noAgent)}`);
  await page.waitForSelector('[data-service]:not([disabled])');

  const ui: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const service = SERVICES[i % SERVICES.length]!;
    const ms = await page.evaluate(
      (id) =>
        new Promise<number>((resolve) => {
          const tile = document.querySelector<HTMLButtonElement>(`[data-service="${id}"]`)!;
          const t0 = performance.now();
          const obs = new MutationObserver(() => {
            if (!document.querySelector('[data-testid="ticket-number"]')) return;
            obs.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - t0));
          });
          obs.observe(document.body, { childList: true, subtree: true });
          tile.click();
        }),
      service,
    );
    ui.push(ms);
    // back to the fields the way a citizen would: Xong → Lấy số thứ tự
    await page.getByRole('button', { name: 'Xong', exact: true }).click();
    await page.getByRole('button', { name: 'Lấy số thứ tự' }).click();
    await page.waitForSelector('[data-service]:not([disabled])');
  }

  const api: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${Date.now()}-${i}` },
      body: JSON.stringify({ serviceId: SERVICES[i % SERVICES.length] }),
    });
    await res.text();
    api.push(performance.now() - t0);
  }

  const rows = [
    { what: 'tap → ticket painted (Chromium)', ...stats(ui) },
    { what: 'POST /tickets from Node (baseline)', ...stats(api) },
  ];
  const f = (n: number) => n.toFixed(1).padStart(8);
  console.log(`${'measure'.padEnd(36)} ${'n'.padStart(4)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
  for (const r of rows) console.log(`${r.what.padEnd(36)} ${String(r.n).padStart(4)} ${f(r.p50)} ${f(r.p95)} ${f(r.max)}`);
  console.log('target: tap → ticket p95 under 300 ms');

  const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'results', 'kiosk-tap.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), rounds: ROUNDS, rows }, null, 2));
  console.log(`written ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
