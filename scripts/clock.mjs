// The tests under a faked system clock (libfaketime), at the instants where a test that
// leans on "today" breaks: a Sunday late at night, either side of the reporting month's
// boundary (the 20th → the 21st), New Year's Eve a minute to midnight, a minute before
// opening, a public holiday of the demo centre — each the next one after today. The clock starts at the instant and runs
// on (monotonic time is left alone, so timers behave), and every process the tests start —
// servers, Chromium — inherits it.
//
//   node scripts/clock.mjs            the short form `npm test` runs: the suites that touch
//                                     dates, bookings, hours, reports and numbering
//   node scripts/clock.mjs --full     the whole vitest run under each instant
//   node scripts/clock.mjs --at "2026-12-06 23:30"   one instant (centre time), short form
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root, run } from './lib.mjs';

/**
 * Centre (Asia/Ho_Chi_Minh) wall-clock instants, and the TZ the test processes run in. Each is
 * the next such instant after the real clock, so the runs never fall behind it (a clock months
 * behind once hung the kiosk's dossier e2e) and never name a day that has passed.
 */
export const INSTANTS = instantsAfter(new Date());

export function instantsAfter(now) {
  const today = vnDate(now);
  const next = (ok, from = today) => {
    for (let d = addDays(from, 1), i = 0; i < 800; d = addDays(d, 1), i++) if (ok(d)) return d;
    throw new Error('no such day within 800 days');
  };
  const weekday = (d) => new Date(`${d}T00:00:00Z`).getUTCDay();
  const closed = closedDates();
  const holiday = closed.find((d) => d > today);
  return [
    { name: 'Sunday 23:30', at: `${next((d) => weekday(d) === 0)} 23:30:00`, tz: 'UTC' },
    { name: 'the 20th 23:50, into the 21st', at: `${next((d) => d.endsWith('-20'))} 23:50:00`, tz: 'Asia/Ho_Chi_Minh' },
    { name: 'the 21st 07:00', at: `${next((d) => d.endsWith('-21'))} 07:00:00`, tz: 'UTC' },
    { name: '31 December 23:59', at: `${next((d) => d.endsWith('-12-31'))} 23:59:00`, tz: 'UTC' },
    { name: 'a weekday 06:59, before opening', at: `${next((d) => weekday(d) >= 1 && weekday(d) <= 5 && !closed.includes(d))} 06:59:00`, tz: 'Asia/Ho_Chi_Minh' },
    // The demo centre's next public holiday; its list is renewed each year (config/demo/center.yaml).
    ...(holiday ? [{ name: `a holiday (${holiday})`, at: `${holiday} 10:00:00`, tz: 'UTC' }] : []),
  ];
}

function vnDate(d) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

function addDays(day, n) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The demo centre's closed dates, read from its YAML without a parser (one quoted date per line). */
function closedDates() {
  const text = readFileSync(path.join(root, 'config', 'demo', 'center.yaml'), 'utf8');
  const block = text.slice(text.indexOf('closedDates:'));
  const dates = [];
  for (const line of block.split('\n').slice(1)) {
    if (/^\s*#/.test(line)) continue;
    const m = /^\s*-\s*"?(\d{4}-\d{2}-\d{2})"?/.exec(line);
    if (!m) break;
    dates.push(m[1]);
  }
  return dates.sort();
}

/**
 * The suites that read the clock against days: run by the short form. The pure domain core
 * takes every instant as an argument (it never reads the clock), so a faked clock cannot
 * change its results; what reads the clock is the server around it, the stores, the screens.
 * Suites that inject their own clock (login, the bookings and reports API) are here only where
 * they share a folder with ones that do not.
 */
export const DATED_SUITES = [
  'queue-server/test/',
  'queue-server/src/services/',
  'queue-server/src/store/',
  'queue-server/src/reports/',
  'tests/security/access.spec.ts',
  'tests/security/fuzz.spec.ts',
  'tests/server/realtime.spec.ts',
  'tests/e2e/kiosk-booking.spec.ts',
  'tests/e2e/manager-board.spec.ts',
];

const LIB = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1', '/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1', '/usr/lib/faketime/libfaketimeMT.so.1'].find(existsSync);

/** libfaketime reads its start instant in the process's own time zone. */
function faketimeStart(vnWallClock, tz) {
  if (tz === 'Asia/Ho_Chi_Minh') return vnWallClock;
  const utc = new Date(Date.parse(`${vnWallClock.replace(' ', 'T')}+07:00`)).toISOString();
  return `${utc.slice(0, 10)} ${utc.slice(11, 19)}`;
}

const outDir = path.join(root, 'tests', 'results', 'clock');

/** The vitest JSON reports of the last run under the clocks, one per instant (null where none was written). */
export function clockResults() {
  return INSTANTS.map((_, i) => path.join(outDir, `${i}.json`)).map((f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null));
}

export function runUnderClocks({ full = false, only = null } = {}) {
  if (!LIB) {
    console.error('libfaketime is not installed (Debian package faketime).');
    return 1;
  }
  if (!only && !INSTANTS.some((i) => i.name.startsWith('a holiday'))) console.log('clock: the demo centre lists no public holiday after today (config/demo/center.yaml closedDates): renew it; the holiday instant is left out');
  const instants = only ? [{ name: `centre time ${only}`, at: only.length === 16 ? `${only}:00` : only, tz: 'UTC' }] : INSTANTS;
  // vitest straight from node_modules: nothing under the faked clock may reach the network
  // (a TLS certificate is not valid on a day before it was issued).
  const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const failed = [];
  for (const [i, inst] of instants.entries()) {
    console.log(`\n── under the clock: ${inst.name} (${inst.at}, centre time; TZ=${inst.tz}) ──`);
    const env = {
      LD_PRELOAD: LIB,
      FAKETIME: `@${faketimeStart(inst.at, inst.tz)}`,
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
      NO_FAKE_STAT: '1',
      TZ: inst.tz,
      // the fuzz's own run count is for the main run; here a short one reaches every route
      FUZZ_RUNS: process.env.CLOCK_FUZZ_RUNS ?? '8',
      MOTCUA_CLOCK_RUN: inst.name,
    };
    const args = [vitest, 'run', '--reporter=dot', `--outputFile.json=${path.join(outDir, `${i}.json`)}`, '--reporter=json', ...(full ? [] : DATED_SUITES)];
    const status = run(process.execPath, args, { env });
    if (status !== 0) failed.push(inst.name);
  }
  console.log(failed.length ? `\nclock: failed at ${failed.join('; ')}` : `\nclock: green at every instant (${instants.length})`);
  return failed.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--at');
  process.exit(runUnderClocks({ full: argv.includes('--full'), only: at >= 0 ? argv[at + 1] : null }));
}
