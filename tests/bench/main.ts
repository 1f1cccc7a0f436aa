// `npm run bench [-- --quick]`: prints the table and writes tests/results/bench.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FULL, QUICK, postgresPhases, runBench } from './run.ts';
import { markdown, postgresRows } from './table.ts';

const quick = process.argv.includes('--quick');
// `--only postgres`: just the PostgreSQL and province rows (issue 15.6), on their own cluster.
if (process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'postgres') {
  const settings = quick ? QUICK : FULL;
  const r = await postgresPhases(settings, (m) => console.log(m));
  const rows = postgresRows({ ...r, settings });
  console.log(`\n| measure | server | baseline (same run) | ratio |\n|---|---|---|---|\n${rows.map((w) => `| ${w.measure} | ${w.queueServer} | ${w.baseline} | ${w.ratio} |`).join('\n')}`);
  process.exit(0);
}
const result = await runBench(quick ? QUICK : FULL, (m) => console.log(m));
const m = result.machine;
console.log(`\n${m.cpus} × ${m.cpuModel}, Node ${m.node}, ${m.platform}; ${result.seconds} s${quick ? ' (quick mode: figures prove the harness, not the server)' : ''}\n`);
console.log(markdown(result));
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results/bench.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\n→ ${path.relative(process.cwd(), out)}`);
// Sockets and agents of the generator may linger; the run is over.
process.exit(0);
