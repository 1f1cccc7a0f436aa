// Online backup of the SQLite file (safe while the server runs and writes),
// and restore into a data folder whose server is stopped.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Copies a consistent snapshot of `dbFile` to `dest` using SQLite's backup API. */
export async function backupDatabase(dbFile: string, dest: string): Promise<{ pages: number }> {
  if (!existsSync(dbFile)) throw new Error(`Không có cơ sở dữ liệu ${dbFile} / no database at ${dbFile}`);
  mkdirSync(path.dirname(path.resolve(dest)), { recursive: true });
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const r = await db.backup(dest);
    return { pages: r.totalPages };
  } finally {
    db.close();
  }
}

/** Replaces the data folder's database with a backup (the server must be stopped). */
export function restoreDatabase(backupFile: string, dbFile: string): void {
  if (!existsSync(backupFile)) throw new Error(`Không có bản sao lưu ${backupFile} / no backup at ${backupFile}`);
  const check = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    const ok = check.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`Bản sao lưu hỏng: ${String(ok)} / backup failed its integrity check`);
  } finally {
    check.close();
  }
  mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const ext of ['-wal', '-shm']) rmSync(dbFile + ext, { force: true });
  copyFileSync(backupFile, dbFile);
}
