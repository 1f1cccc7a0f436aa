// Opens the SQLite file the way the queue needs it: WAL for readers beside the
// writer, synchronous=FULL so an acknowledged ticket survives a crash or power cut.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from './migrations.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** `:memory:` for throwaway stores. */
  file: string;
  synchronous?: 'FULL' | 'NORMAL';
  /** The centre a file made or migrated now is stamped with (every row carries it); a file keeps the one it got. Default `default`. */
  centerId?: string;
}

/** The database and its WAL and shared-memory files hold personal data: only the server's user reads them. */
export const DB_FILE_MODE = 0o600;

export function openDb({ file, synchronous = 'FULL', centerId = 'default' }: OpenOptions): Db {
  if (file !== ':memory:') {
    mkdirSync(path.dirname(file), { recursive: true });
    // Made 0600 before SQLite opens it: SQLite gives the -wal and -shm files the database's mode.
    closeSync(openSync(file, 'a', DB_FILE_MODE));
    chmodSync(file, DB_FILE_MODE);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A purge overwrites what it deletes, so no name or phone number stays behind in free pages.
  db.pragma('secure_delete = ON');
  migrate(db, centerId);
  // Reads are of the file's centre (the one it was stamped with, see migrations.ts): `this_center()` in their SQL,
  // deterministic, so SQLite evaluates it once per statement.
  const own = (db.prepare("SELECT value FROM meta WHERE key = 'center_id'").get() as { value: string } | undefined)?.value ?? centerId;
  db.function('this_center', { deterministic: true }, () => own);
  // Files a server before this one left with the umask's mode.
  if (file !== ':memory:') for (const ext of ['-wal', '-shm']) if (existsSync(file + ext)) chmodSync(file + ext, DB_FILE_MODE);
  return db;
}

export function migrate(db: Db, centerId = 'default'): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    const m = MIGRATIONS[v]!;
    db.transaction(() => {
      db.exec(typeof m === 'string' ? m : m({ centerId }));
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
