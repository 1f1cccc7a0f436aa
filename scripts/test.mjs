// `npm test`: install, type-check, lint, build the UIs and the kiosk agent, run every test,
// then the suites that touch dates again under faked clocks (scripts/clock.mjs).
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { root, install, pnpm, pnpmCommand, buildUis, buildAgent, buildServer, ensureSystemPackages, run } from './lib.mjs';
import { runUnderClocks, clockResults } from './clock.mjs';

const step = (name) => console.log(`\n── ${name} ${'─'.repeat(Math.max(0, 60 - name.length))}`);

step('system packages');
ensureSystemPackages();
step('install');
install();
step('type-check');
pnpm(['-r', '--workspace-concurrency=1', 'run', 'typecheck']);
step('lint');
pnpm(['exec', 'eslint', '--max-warnings=0', '.']);
step('build UIs');
buildUis();
step('build kiosk-agent');
buildAgent();
step('build queue-server bundle');
buildServer();
step('tests');
const resultsDir = path.join(root, 'tests', 'results');
mkdirSync(resultsDir, { recursive: true });
const out = path.join(resultsDir, 'vitest.json');
const [cmd, ...pre] = pnpmCommand();
const status = run(cmd, [...pre, 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
const main = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null;

step('tests under a faked clock');
const clockStatus = runUnderClocks();
const clocked = clockResults();

if (main) printSlowest(main, 10);
printFailures([['main run', main], ...clocked.map((r, i) => [`clock instant ${i}`, r])]);
const count = (rs, key) => rs.reduce((n, r) => n + (r?.[key] ?? 0), 0);
const all = [main, ...clocked];
if (main) console.log(`\nmain run: ${main.numPassedTests} passed, ${main.numFailedTests} failed; under the faked clocks: ${count(clocked, 'numPassedTests')} passed, ${count(clocked, 'numFailedTests')} failed`);
// The plain closing line CI reads.
const skipped = count(all, 'numPendingTests');
console.log(`\n${count(all, 'numPassedTests')} passed, ${count(all, 'numFailedTests')} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(status || clockStatus);

/** The ten slowest test files of a vitest JSON report, slowest first. */
function printSlowest(report, n) {
  const rows = report.testResults
    .map((f) => ({ file: path.relative(root, f.name), ms: (f.endTime ?? 0) - (f.startTime ?? 0) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, n);
  console.log(`\nThe ${rows.length} slowest test files:`);
  for (const r of rows) console.log(`  ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${r.file}`);
}

/** Every failed test, by run, with the first lines of its message: the tail CI keeps shows them. */
function printFailures(runs) {
  const lines = [];
  for (const [label, report] of runs) {
    for (const f of report?.testResults ?? []) {
      const failed = (f.assertionResults ?? []).filter((t) => t.status === 'failed');
      if (failed.length === 0 && f.status === 'failed') lines.push(`  ${label}: ${path.relative(root, f.name)}: ${firstLines(f.message)}`);
      for (const t of failed) lines.push(`  ${label}: ${path.relative(root, f.name)} > ${t.fullName}: ${firstLines(t.failureMessages?.join(' '))}`);
    }
  }
  if (lines.length === 0) return;
  console.log(`\nFailed (${lines.length}):`);
  for (const l of lines) console.log(l);
}

function firstLines(text = '') {
  // eslint-disable-next-line no-control-regex -- terminal colour codes are what this removes
  return String(text).replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter(Boolean).slice(0, 3).join(' ⏎ ').slice(0, 400);
}
