// Keeps the centre's backups to a retention: every backup of the newest KEEP_DAYS days that have
// one, and the newest backup of each of the KEEP_WEEKS newest ISO weeks before them; removes
// the rest. Only files named as `npm run backup` names them (queue-YYYY-MM-DDTHHMMSS.db) are
// touched. Run by deploy/systemd/mot-cua-backup.service after each backup.
//
//   DATA_DIR=/var/lib/mot-cua KEEP_DAYS=14 KEEP_WEEKS=8 node scripts/prune-backups.mjs [--dry-run]
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const NAME = /^queue-(\d{4}-\d{2}-\d{2})T(\d{6})\.db$/;

/** ISO week key (YYYY-Www) of a YYYY-MM-DD day. */
export function isoWeek(day) {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - dow + 3); // the week's Thursday decides its year
  const year = d.getUTCFullYear();
  // week 1 holds the year's first Thursday, so a Thursday's week counts whole weeks from 1 January
  const week = 1 + Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Which of these backup file names to keep and which to remove. */
export function plan(names, keepDays, keepWeeks) {
  const backups = names
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((b) => b.m)
    .map((b) => ({ name: b.name, day: b.m[1], key: `${b.m[1]}T${b.m[2]}` }))
    .sort((a, b) => (a.key < b.key ? 1 : -1)); // newest first
  const days = [...new Set(backups.map((b) => b.day))].slice(0, keepDays);
  const keep = new Set(backups.filter((b) => days.includes(b.day)).map((b) => b.name));
  const weeks = new Set();
  for (const b of backups) {
    if (keep.has(b.name) || days.includes(b.day)) continue;
    const w = isoWeek(b.day);
    if (weeks.has(w) || weeks.size >= keepWeeks) continue;
    weeks.add(w);
    keep.add(b.name);
  }
  return { keep: backups.filter((b) => keep.has(b.name)).map((b) => b.name), remove: backups.filter((b) => !keep.has(b.name)).map((b) => b.name) };
}

function count(name, fallback) {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`${name}="${v}": cần một số nguyên không âm / must be a whole number ≥ 0`);
    process.exit(2);
  }
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.join(path.resolve(process.env.DATA_DIR ?? './data'), 'backups');
  const { keep, remove } = plan(readdirSync(dir), count('KEEP_DAYS', 14), count('KEEP_WEEKS', 8));
  const dry = process.argv.includes('--dry-run');
  for (const name of remove) if (!dry) rmSync(path.join(dir, name));
  console.log(`${dry ? 'Sẽ xoá / would remove' : 'Đã xoá / removed'} ${remove.length} bản sao lưu cũ; giữ / kept ${keep.length} (${dir})`);
}
