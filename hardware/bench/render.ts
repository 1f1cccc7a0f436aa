/**
 * Benchmark, not a test: render + encode one ticket on each path, N times, and the kiosk agent's
 * resident memory after start. Prints a table and writes tests/results/bench-hardware.json.
 *
 *   pnpm exec tsx hardware/bench/render.ts [iterations]
 *
 * Aims (issue 3): code-page path under 20 ms, raster under 60 ms, agent RSS under 80 MB.
 * The "layout only" row is the baseline measured in the same run.
 */
import { spawn } from 'node:child_process';
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

/** RSS of a process started with the tsx loader, once it prints `ready`. */
async function rssMb(script: string, ready: string): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
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
const rss = await rssMb(join(root, 'kiosk-agent/src/main.ts'), 'kiosk-agent:');
// Baseline in the same run: an idle script under the same tsx loader the agent runs with.
const idleScript = join(root, 'data', 'bench-agent', 'idle.mjs');
await mkdir(dirname(idleScript), { recursive: true });
await writeFile(idleScript, "console.log('ready'); setInterval(() => {}, 1000);\n");
const loaderRss = await rssMb(idleScript, 'ready');

const f = (n: number) => n.toFixed(2).padStart(8);
console.log(`\nticket render + encode, ${N} iterations (${process.version}, ${process.platform})`);
console.log(`${'path'.padEnd(24)}${'mean ms'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'bytes'.padStart(8)}`);
for (const r of rows) console.log(`${r.name.padEnd(24)}${f(r.meanMs)}${f(r.p50Ms)}${f(r.p99Ms)}${String(r.bytes).padStart(8)}`);
const mb = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(1)} MB`);
console.log(`kiosk-agent RSS after start (all simulators, under tsx): ${mb(rss)}`);
console.log(`idle node + tsx loader (baseline): ${mb(loaderRss)}; agent's own share: ${mb(rss !== null && loaderRss !== null ? rss - loaderRss : null)}`);
console.log('aims: cp1258 < 20 ms, raster < 60 ms, agent RSS < 80 MB');

const out = join(root, 'tests', 'results', 'bench-hardware.json');
await mkdir(dirname(out), { recursive: true });
await writeFile(
  out,
  JSON.stringify({ at: new Date().toISOString(), node: process.version, iterations: N, rows, agentRssMb: rss, tsxLoaderRssMb: loaderRss, aims: { cp1258Ms: 20, rasterMs: 60, agentRssMb: 80 } }, null, 2) + '\n',
);
console.log(`written ${out}`);
