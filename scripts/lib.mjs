// Helpers shared by the two set-up commands. Only Node built-ins here: these
// run before anything is installed.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isFresh, unlessFresh, workspaceClosure, workspacePackages } from './fresh.mjs';
import { fileURLToPath } from 'node:url';
import { findBinaries } from './pg.mjs';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.8';

function have(cmd, args = ['--version']) {
  try {
    return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return null;
  }
}

/** The pnpm command line: the one on PATH when it is the pinned version, else npx fetches it. */
export function pnpmCommand() {
  if (have('pnpm') === PNPM_VERSION) return ['pnpm'];
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

export function run(cmd, args, opts = {}) {
  const env = { ...process.env, ...(opts.env ?? {}) };
  // better-sqlite3 compiles from source here; point node-gyp at the installed headers
  // so it never tries to download them.
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  const r = spawnSync(cmd, args, { cwd: opts.cwd ?? root, stdio: 'inherit', env });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

export function must(cmd, args, opts) {
  const status = run(cmd, args, opts);
  if (status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} → exit ${status}`);
    process.exit(status);
  }
}

export function pnpm(args, opts) {
  const [cmd, ...pre] = pnpmCommand();
  must(cmd, [...pre, ...args], opts);
}

const STAMPS = 'node_modules/.motcua';

/** pnpm install, unless the lockfile and every package.json are what the last install saw. */
export function install() {
  const frozen = existsSync(path.join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
  const inputs = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', ...workspacePackages(root).map((d) => `${d}/package.json`)];
  const ran = unlessFresh(root, { stamp: `${STAMPS}/install`, inputs, outputs: ['node_modules/.modules.yaml'] }, () => pnpm(['install', ...frozen, '--reporter=append-only']));
  if (!ran) console.log('install: up to date');
}

/** What a package's build reads and writes: its sources and those of the workspace packages it uses. */
const buildOf = (dir, output) => ({ stamp: `${STAMPS}/build-${dir}`, inputs: [...workspaceClosure(root, dir), 'pnpm-lock.yaml'], outputs: [output] });

/** Builds a package unless its sources, and those of the workspace packages it uses, are unchanged since its last build. */
function buildIfChanged(dir, output) {
  const ran = unlessFresh(root, buildOf(dir, output), () => pnpm(['--filter', `@mot-cua/${dir}`, 'run', 'build']));
  if (!ran) console.log(`${dir}: build up to date`);
}

const SERVER_BUNDLE = 'queue-server/dist/server/main.js';

/** The queue-server as plain JS (queue-server/build/build.mjs): a restart skips the tsx loader. */
export function buildServer() {
  buildIfChanged('queue-server', SERVER_BUNDLE);
}

/** The server's bundle when it was built from the sources as they are now, else null (run the sources under tsx). */
export function freshServerBundle() {
  return isFresh(root, buildOf('queue-server', SERVER_BUNDLE)) ? path.join(root, SERVER_BUNDLE) : null;
}

export function buildUis() {
  for (const ui of ['kiosk-ui', 'display-board', 'counter-console']) {
    if (existsSync(path.join(root, ui, 'vite.config.ts'))) buildIfChanged(ui, `${ui}/dist/index.html`);
  }
}

/** The kiosk agent as plain JS (kiosk-agent/dist/main.js): `node` runs it without the tsx loader. */
export function buildAgent() {
  if (existsSync(path.join(root, 'kiosk-agent', 'build', 'build.mjs'))) buildIfChanged('kiosk-agent', 'kiosk-agent/dist/main.js');
}

/** Debian packages the tests need (browser, pty pairs, faked clocks, libusb for node-hid, PostgreSQL's server for the store's tests). Installed only when missing. */
export function ensureSystemPackages() {
  const wanted = [
    ['/usr/bin/chromium', 'chromium'],
    ['/usr/bin/socat', 'socat'],
    // libfaketime: the date-touching suites run again under faked clocks (scripts/clock.mjs)
    ['/usr/bin/faketime', 'faketime'],
    // PC/SC for the CCCD chip reader: pcsclite builds against the headers; pcscd is the daemon a real reader needs
    ['/usr/include/PCSC/winscard.h', 'libpcsclite-dev'],
    ['/usr/sbin/pcscd', 'pcscd'],
    // The test command starts its own Redis (scripts/redis.mjs) for the several-servers tests.
    ['/usr/bin/redis-server', 'redis-server'],
  ];
  const missing = wanted.filter(([file]) => !existsSync(file)).map(([, pkg]) => pkg);
  const libusb = have('sh', ['-c', 'ldconfig -p | grep -q libusb-1.0 && echo yes']);
  if (!libusb) missing.push('libusb-1.0-0');
  // The test command starts its own PostgreSQL from these binaries (scripts/pg.mjs).
  if (!hasPostgresBinaries()) missing.push('postgresql');
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  console.log(`Installing system packages: ${missing.join(', ')}`);
  const aptEnv = { DEBIAN_FRONTEND: 'noninteractive' };
  const [c0, ...a0] = [...sudo, 'apt-get', 'update', '-q'];
  run(c0, a0, { env: aptEnv });
  const [c1, ...a1] = [...sudo, 'apt-get', 'install', '-y', '-q', '--no-install-recommends', ...missing];
  if (run(c1, a1, { env: aptEnv }) !== 0) {
    console.error(`Could not install ${missing.join(', ')}; install them with apt-get and run again.`);
    process.exit(1);
  }
}

function hasPostgresBinaries() {
  try {
    return Boolean(findBinaries());
  } catch {
    return false;
  }
}
