// The backup timer's retention (scripts/prune-backups.mjs), run as the timer runs it: a real
// process on a real folder of backups.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/server.ts';
// @ts-expect-error a plain ES module script without types
import { isoWeek, plan } from '../../scripts/prune-backups.mjs';

const script = path.join(repoRoot, 'scripts/prune-backups.mjs');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const day = (n: number) => new Date(Date.UTC(2026, 11, 31) - n * 86_400_000).toISOString().slice(0, 10);
const name = (d: string, hhmmss = '223000') => `queue-${d}T${hhmmss}.db`;

describe('backup retention', () => {
  it('ISO weeks: the week of 1 January can belong to the year before', () => {
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2026-06-15')).toBe('2026-W25');
  });

  it('keeps every backup of the newest days, then the newest of each older week, and removes the rest', () => {
    // one backup a day for 70 days, and a second one on the newest day
    const names = [...Array.from({ length: 70 }, (_, i) => name(day(i))), name(day(0), '120000')];
    const { keep, remove } = plan(names, 3, 2);
    expect(keep.slice(0, 4)).toEqual([name(day(0)), name(day(0), '120000'), name(day(1)), name(day(2))]);
    // two weekly ones before the three days: the newest backup of each of the two weeks before
    const weekly = keep.slice(4);
    expect(weekly).toHaveLength(2);
    expect(new Set(weekly.map((n: string) => isoWeek(n.slice(6, 16)))).size).toBe(2);
    expect(keep.length + remove.length).toBe(names.length);
    expect(remove).not.toContain(name(day(0)));
  });

  it('the script removes only what the plan says, and only backups', () => {
    const data = mkdtempSync(path.join(tmpdir(), 'prune-'));
    dirs.push(data);
    const backups = path.join(data, 'backups');
    execFileSync('mkdir', ['-p', backups]);
    for (let i = 0; i < 40; i++) writeFileSync(path.join(backups, name(day(i))), 'x');
    writeFileSync(path.join(backups, 'notes.txt'), 'kept: not a backup');
    const out = execFileSync(process.execPath, [script], { env: { ...process.env, DATA_DIR: data, KEEP_DAYS: '7', KEEP_WEEKS: '2' } }).toString();
    const left = readdirSync(backups).sort();
    expect(left).toContain('notes.txt');
    expect(left.filter((n) => n.endsWith('.db'))).toHaveLength(9);
    expect(out).toMatch(/Đã xoá \/ removed 31 bản sao lưu cũ; giữ \/ kept 9/);
  });

  it('a bad count is refused with a clear message, and nothing is removed', () => {
    const data = mkdtempSync(path.join(tmpdir(), 'prune-'));
    dirs.push(data);
    execFileSync('mkdir', ['-p', path.join(data, 'backups')]);
    writeFileSync(path.join(data, 'backups', name(day(30))), 'x');
    let err = '';
    try {
      execFileSync(process.execPath, [script], { env: { ...process.env, DATA_DIR: data, KEEP_DAYS: 'mười' }, stdio: 'pipe' });
    } catch (e) {
      err = String((e as { stderr: Buffer }).stderr);
    }
    expect(err).toContain('KEEP_DAYS="mười": cần một số nguyên không âm');
    expect(readdirSync(path.join(data, 'backups'))).toHaveLength(1);
  });
});
