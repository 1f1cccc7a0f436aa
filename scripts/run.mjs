// `npm run bench|sim|soak -- [args]`: runs one of the measuring scripts under
// node with the tsx loader, installing the workspace first on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { root, install, buildServer } from './lib.mjs';

const SCRIPTS = {
  bench: 'tests/bench/main.ts',
  sim: 'tests/sim/main.ts',
};

const [what, ...args] = process.argv.slice(2);
if (what === 'soak') {
  console.log('Chưa có bài chạy dài (soak) / no soak test is defined yet.');
  process.exit(0);
}
const script = SCRIPTS[what];
if (!script) {
  console.error(`Dùng / usage: node scripts/run.mjs <${[...Object.keys(SCRIPTS), 'soak'].join('|')}> [args]`);
  process.exit(2);
}
if (!existsSync(path.join(root, 'node_modules', 'tsx'))) install();
// The benchmark measures the server as a centre runs it (`npm start`, `npm run serve`): the bundle.
if (what === 'bench') buildServer();
// Arguments after `npm run bench --` arrive here as they were typed.
const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], { cwd: path.join(root, 'tests'), stdio: 'inherit' });
if (r.error) throw r.error;
process.exit(r.status ?? 1);
