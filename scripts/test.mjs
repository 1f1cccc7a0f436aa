// `npm test`: install, type-check, lint, build the UIs and the kiosk agent, run every test,
// then the suites that touch dates again under faked clocks (scripts/clock.mjs).
import { existsSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root, install, pnpm, pnpmCommand, buildUis, buildAgent, buildServer, ensureSystemPackages, run } from './lib.mjs';
import { runUnderClocks, clockResults } from './clock.mjs';
import { startPostgres } from './pg.mjs';
import { startRedis } from './redis.mjs';

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
step('PostgreSQL');
// Our own, on a Unix socket in a temporary folder, stopped and removed at the end (also on failure and Ctrl-C).
const postgres = startPostgres({ log: (l) => console.log(l) });
// TEST_DATABASE_URL, not DATABASE_URL: the servers tests start as processes inherit the environment and stay on SQLite.
process.env.TEST_DATABASE_URL = postgres.url;
step('Redis');
// Likewise our own Redis (scripts/redis.mjs: a Unix socket in a temporary folder, no persistence), as TEST_REDIS_URL.
const redis = startRedis({ log: (l) => console.log(l) });
process.env.TEST_REDIS_URL = redis.url;
step('tests');
const resultsDir = path.join(root, 'tests', 'results');
mkdirSync(resultsDir, { recursive: true });
const out = path.join(resultsDir, 'vitest.json');
const [cmd, ...pre] = pnpmCommand();
const status = run(cmd, [...pre, 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
const main = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null;

step('API suites on PostgreSQL');
// The store contract and the PostgreSQL-only suites ran above; these server suites run again on PostgreSQL (TEST_STORE).
// Those that reach into the SQLite file (server.sqlite) or run a command-line tool on the data folder stay on SQLite.
const PG_SUITES = [
  ...['accounts', 'bookings', 'counter', 'counter-seat', 'reports', 'outcomes', 'estimate', 'admin-config', 'work-profile', 'move-official'].map((n) => `queue-server/test/${n}.api.spec.ts`),
  ...['access', 'fuzz', 'login', 'rating-proof', 'socket-access', 'headers', 'transport', 'issue-limits'].map((n) => `tests/security/${n}.spec.ts`),
];
const pgOut = path.join(resultsDir, 'vitest-postgres.json');
rmSync(pgOut, { force: true });
const pgStatus = run(cmd, [...pre, 'exec', 'vitest', 'run', ...PG_SUITES, '--reporter=default', '--reporter=json', `--outputFile.json=${pgOut}`], { env: { TEST_STORE: 'postgres' } });
const onPostgres = existsSync(pgOut) ? JSON.parse(readFileSync(pgOut, 'utf8')) : null;

step('tests under a faked clock');
const clockStatus = runUnderClocks();
const clocked = clockResults();
postgres.stop();
redis.stop();

if (main) printSlowest(main, 10);
printFailures([['main run', main], ['on PostgreSQL', onPostgres], ...clocked.map((r, i) => [`clock instant ${i}`, r])]);
const count = (rs, key) => rs.reduce((n, r) => n + (r?.[key] ?? 0), 0);
const all = [main, onPostgres, ...clocked];
if (main) console.log(`\nmain run: ${main.numPassedTests} passed, ${main.numFailedTests} failed; on PostgreSQL: ${onPostgres?.numPassedTests ?? 0} passed, ${onPostgres?.numFailedTests ?? 0} failed; under the faked clocks: ${count(clocked, 'numPassedTests')} passed, ${count(clocked, 'numFailedTests')} failed`);
// The plain closing line CI reads.
const skipped = count(all, 'numPendingTests');
console.log(`\n${count(all, 'numPassedTests')} passed, ${count(all, 'numFailedTests')} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(status || pgStatus || clockStatus || (onPostgres ? 0 : 1));

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
