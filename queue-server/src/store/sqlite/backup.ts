// Online backup of the SQLite file (safe while the server runs and writes),
// and restore into a data folder whose server is stopped.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Copies a consistent snapshot of `dbFile` to `dest` using SQLite's backup API. */
export async function backupDatabase(dbFile: string, dest: string): Promise<{ pages: number }> {
  if (!existsSync(dbFile)) throw new Error(`Không có cơ sở dữ liệu ${dbFile} / no database at ${dbFile}`);
  mkdirSync(path.dirname(path.resolve(dest)), { recursive: true });
  // A backup holds the same personal data as the database: 0600 from its first byte.
  closeSync(openSync(dest, 'a', 0o600));
  chmodSync(dest, 0o600);
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const r = await db.backup(dest);
    chmodSync(dest, 0o600);
    return { pages: r.totalPages };
  } finally {
    db.close();
  }
}

/**
 * Replaces the data folder's database with a backup; its server must be stopped
 * (the restore command holds the folder's lock, store/data-lock.ts). The backup
 * is copied to a temporary file beside the database and renamed over it, so the
 * folder holds the old database or the new one, never half of one; the replaced
 * database is kept beside it as `queue.db.replaced-<time>` (its WAL folded in).
 */
export function restoreDatabase(backupFile: string, dbFile: string, now = Date.now()): { replaced: string | null } {
  if (!existsSync(backupFile)) throw new Error(`Không có bản sao lưu ${backupFile} / no backup at ${backupFile}`);
  const check = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    const ok = check.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`Bản sao lưu hỏng: ${String(ok)} / backup failed its integrity check`);
  } finally {
    check.close();
  }
  const dir = path.dirname(dbFile);
  mkdirSync(dir, { recursive: true });
  const tmp = `${dbFile}.restoring-${process.pid}`;
  copyFileSync(backupFile, tmp);
  chmodSync(tmp, 0o600);
  syncFile(tmp);
  let replaced: string | null = null;
  if (existsSync(dbFile)) {
    try {
      // The kept copy is whole on its own: what its WAL still holds goes into it first.
      const old = new Database(dbFile, { fileMustExist: true });
      try {
        old.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        old.close();
      }
    } catch {
      // A damaged database is kept as it is, with its WAL beside it.
    }
    const stamp = new Date(now).toISOString().slice(0, 19).replaceAll(':', '').replace('T', '-');
    replaced = `${dbFile}.replaced-${stamp}`;
    for (let n = 2; existsSync(replaced); n++) replaced = `${dbFile}.replaced-${stamp}-${n}`;
    renameSync(dbFile, replaced);
    if (existsSync(dbFile + '-wal')) renameSync(dbFile + '-wal', replaced + '-wal');
  }
  rmSync(dbFile + '-wal', { force: true });
  rmSync(dbFile + '-shm', { force: true });
  renameSync(tmp, dbFile);
  chmodSync(dbFile, 0o600);
  syncFile(dir);
  return { replaced };
}

/** fsync a file or a folder (the folder: so the renames survive a power cut). */
function syncFile(p: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(p, 'r');
    fsyncSync(fd);
  } catch {
    // Folders cannot be opened for fsync on every system.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
