/**
 * Benchmark, not a test: render + encode one ticket on each path, N times, and the kiosk agent's
 * resident memory after start. Prints a table and writes tests/results/bench-hardware.json.
 *
 *   pnpm exec tsx hardware/bench/render.ts [iterations]
 *
 * Aims (issue 3): code-page path under 20 ms, raster under 60 ms, agent RSS under 80 MB.
 * The "layout only" row is the baseline measured in the same run. The agent's RSS is that of
 * the built bundle on plain node, as `npm start` runs it (built here first if stale), with an
 * idle plain node script as its baseline; the source under the tsx loader is a second row.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_TICKET } from '../src/printer/fixtures.ts';
import { renderTicket } from '../src/printer/render.ts';
import { ticketLayout, type PaperWidth } from '../src/printer/ticket.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const N = Number(process.argv[2] ?? 200);

type Row = { name: string; iterations: number; meanMs: number; p50Ms: number; p99Ms: number; bytes: number };

function measure(name: string, fn: () => Uint8Array | unknown): Row {
  let bytes = 0;
  for (let i = 0; i < 5; i++) fn(); // warm-up: font parsing, JIT
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    const out = fn();
    times.push(performance.now() - t0);
    if (out instanceof Uint8Array) bytes = out.length;
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return { name, iterations: N, meanMs: mean, p50Ms: q(0.5), p99Ms: q(0.99), bytes };
}

/** RSS of `node <args>` one second after it prints `ready`. */
async function rssMb(args: string[], ready: string): Promise<number | null> {
  const script = args.at(-1)!;
  const child = spawn(process.execPath, args, {
    cwd: join(root, 'kiosk-agent'),
    env: { ...process.env, AGENT_PORT: '0', AGENT_SIMULATE: '1', DATA_DIR: join(root, 'data', 'bench-agent'), LOG_LEVEL: 'warn', QUEUE_SERVER_URL: 'http://127.0.0.1:9' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${script} did not start in 30 s`)), 30_000);
      child.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes(ready)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`agent exited with ${code}`)));
    });
    await new Promise((r) => setTimeout(r, 1000));
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch (e) {
    console.error(`RSS not measured: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  } finally {
    child.kill('SIGTERM');
  }
}

const rows: Row[] = [measure('layout only (baseline)', () => ticketLayout(SAMPLE_TICKET))];
for (const paperWidth of [80, 58] as PaperWidth[]) {
  rows.push(measure(`cp1258 ${paperWidth} mm`, () => renderTicket(SAMPLE_TICKET, { paperWidth, textMode: 'cp1258' })));
  rows.push(measure(`raster ${paperWidth} mm`, () => renderTicket(SAMPLE_TICKET, { paperWidth, textMode: 'raster' })));
}
execFileSync(process.execPath, [join(root, 'kiosk-agent/build/build.mjs'), '--if-stale'], { stdio: 'inherit' });
const rss = await rssMb([join(root, 'kiosk-agent/dist/main.js')], 'kiosk-agent:');
// Baselines in the same run: an idle script on plain node, and under the tsx loader.
const idleScript = join(root, 'data', 'bench-agent', 'idle.mjs');
await mkdir(dirname(idleScript), { recursive: true });
await writeFile(idleScript, "console.log('ready'); setInterval(() => {}, 1000);\n");
const nodeRss = await rssMb([idleScript], 'ready');
const tsxRss = await rssMb(['--import', 'tsx', join(root, 'kiosk-agent/src/main.ts')], 'kiosk-agent:');
const loaderRss = await rssMb(['--import', 'tsx', idleScript], 'ready');

const f = (n: number) => n.toFixed(2).padStart(8);
console.log(`\nticket render + encode, ${N} iterations (${process.version}, ${process.platform})`);
console.log(`${'path'.padEnd(24)}${'mean ms'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'bytes'.padStart(8)}`);
for (const r of rows) console.log(`${r.name.padEnd(24)}${f(r.meanMs)}${f(r.p50Ms)}${f(r.p99Ms)}${String(r.bytes).padStart(8)}`);
const mb = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(1)} MB`).padStart(9);
const share = (a: number | null, b: number | null) => mb(a !== null && b !== null ? a - b : null);
console.log(`\nkiosk-agent RSS 1 s after start, all simulators`);
console.log(`${'runs as'.padEnd(32)}${'agent'.padStart(9)}${'idle'.padStart(9)}${'share'.padStart(9)}`);
console.log(`${'node dist/main.js (npm start)'.padEnd(32)}${mb(rss)}${mb(nodeRss)}${share(rss, nodeRss)}`);
console.log(`${'node --import tsx src/main.ts'.padEnd(32)}${mb(tsxRss)}${mb(loaderRss)}${share(tsxRss, loaderRss)}`);
console.log('idle: an idle script under the same runner (baseline); share: agent − idle');
console.log('aims: cp1258 < 20 ms, raster < 60 ms, agent RSS < 80 MB');

const out = join(root, 'tests', 'results', 'bench-hardware.json');
await mkdir(dirname(out), { recursive: true });
await writeFile(
  out,
  JSON.stringify({ at: new Date().toISOString(), node: process.version, iterations: N, rows, agentRssMb: rss, agentRunsAs: 'node kiosk-agent/dist/main.js', nodeIdleRssMb: nodeRss, agentTsxRssMb: tsxRss, tsxLoaderRssMb: loaderRss, aims: { cp1258Ms: 20, rasterMs: 60, agentRssMb: 80 } }, null, 2) + '\n',
);
console.log(`written ${out}`);
