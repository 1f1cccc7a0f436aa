// A throwaway PostgreSQL for the tests and for a developer: the machine's
// PostgreSQL server binaries (Debian's postgresql-15, or PG_BIN), a cluster
// made by initdb in a temporary folder, listening on a Unix socket in that
// folder only (no TCP port, so nothing clashes with another server), stopped
// and removed after. initdb refuses root: as root the cluster is the
// `postgres` user's (created when missing).
//
//   const pg = startPostgres();   // { url, dir, stop() }
//   process.env.DATABASE_URL = pg.url;
//   …
//   pg.stop();                    // also on exit, Ctrl-C and SIGTERM
//
// `node scripts/pg.mjs` starts one, prints its DATABASE_URL and keeps it until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of initdb, pg_ctl and postgres: PG_BIN, else the newest /usr/lib/postgresql/<n>/bin, else pg_config's. */
export function findBinaries() {
  const has = (dir) => dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'));
  if (process.env.PG_BIN) {
    if (has(process.env.PG_BIN)) return process.env.PG_BIN;
    throw new Error(`PG_BIN=${process.env.PG_BIN} has no initdb and pg_ctl`);
  }
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (has(path.join(base, v, 'bin'))) return path.join(base, v, 'bin');
  }
  const r = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (r.status === 0 && has(r.stdout.trim())) return r.stdout.trim();
  throw new Error(
    'PostgreSQL server binaries not found (initdb, pg_ctl): install them (Debian: apt-get install postgresql) or set PG_BIN / ' +
      'không tìm thấy PostgreSQL: cài gói postgresql hoặc đặt PG_BIN',
  );
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL program as the cluster's user; throws with its output when it fails. */
function pgRun(bin, prog, args, asUser) {
  const cmd = path.join(bin, prog);
  const r = asUser ? spawnSync('runuser', ['-u', asUser, '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${prog} failed (${r.status ?? r.signal}): ${(r.stderr || r.stdout || r.error?.message || '').trim()}`);
  return r.stdout;
}

function ensureUser(name) {
  if (spawnSync('id', ['-u', name]).status === 0) return;
  const r = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`could not create the user ${name}: ${r.stderr.trim()}`);
}

/**
 * Starts a fresh cluster and a database `motcua` owned by the role `motcua`
 * (not a superuser; it may create databases). Returns its DATABASE_URL (a
 * socket in the cluster's folder), the folder, and stop(), which is also run
 * when the process ends.
 */
export function startPostgres({ log = () => undefined } = {}) {
  const bin = findBinaries();
  const asUser = isRoot() ? 'postgres' : null;
  if (asUser) ensureUser(asUser);
  // Short: a Unix socket's path may not be longer than 107 bytes.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-pg-'));
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  if (asUser) {
    spawnSync('chown', [asUser, dir]);
    chmodSync(dir, 0o700);
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      pgRun(bin, 'pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w'], asUser);
    } catch {
      // Not running (it failed to start, or was stopped already): only the folder is left.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // When the process ends (a test worker, Ctrl-C), it may be killed before a stop finishes: a detached
  // shell stops the cluster and removes the folder whatever happens to us.
  const stopDetached = () => {
    if (stopped) return;
    stopped = true;
    const pgCtl = `${path.join(bin, 'pg_ctl')} stop -D '${data}' -m fast -w`;
    const script = `${asUser ? `runuser -u ${asUser} -- ${pgCtl}` : pgCtl} >/dev/null 2>&1; rm -rf '${dir}'`;
    spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
  };
  const onExit = () => stopDetached();
  const onSignal = (sig) => {
    stopDetached();
    process.kill(process.pid, sig);
  };
  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    log(`initdb ${data}`);
    pgRun(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'], asUser);
    const opts = `-c listen_addresses='' -k ${dir} -c max_connections=200 -c fsync=on -c synchronous_commit=on`;
    pgRun(bin, 'pg_ctl', ['start', '-D', data, '-l', logFile, '-w', '-t', '60', '-o', opts], asUser);
    const psql = (sql, db = 'postgres') => pgRun(bin, 'psql', ['-h', dir, '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], asUser);
    psql('CREATE ROLE motcua LOGIN CREATEDB');
    psql('CREATE DATABASE motcua OWNER motcua');
  } catch (e) {
    stop();
    throw e;
  }
  const url = `postgres://motcua@${encodeURIComponent(dir)}/motcua`;
  log(`PostgreSQL on ${dir} (${url})`);
  return {
    url,
    dir,
    stop: () => {
      process.off('exit', onExit);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      stop();
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pg = startPostgres({ log: (l) => console.error(l) });
  console.log(`DATABASE_URL=${pg.url}`);
  console.error('Ctrl-C dừng và xoá / stops and removes it');
  setInterval(() => undefined, 1 << 30);
}
