// `npm test`: install, type-check, lint, build the UIs and the kiosk agent, run every test.
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { root, install, pnpm, pnpmCommand, buildUis, buildAgent, ensureSystemPackages, run } from './lib.mjs';

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
step('tests');
const resultsDir = path.join(root, 'tests', 'results');
mkdirSync(resultsDir, { recursive: true });
const out = path.join(resultsDir, 'vitest.json');
const [cmd, ...pre] = pnpmCommand();
const status = run(cmd, [...pre, 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
if (existsSync(out)) {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  // The plain closing line CI reads.
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ''));
}
process.exit(status);
