// The data folder is one server's: `server.lock` in it names the process that
// holds it (pid, start time, host). It is created with O_EXCL, so of two servers
// started together one wins; a lock whose process is gone (a crash, kill -9) is
// taken over, with a log line; it is removed on a normal stop. Restores take it
// too, so no server starts on a database being replaced.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'server.lock';

export interface LockHolder {
  pid: number;
  /** ISO 8601, when the holder took the lock. */
  startedAt: string;
  host: string;
  /** What holds it: the server, or a restore. */
  role: string;
}

export class DataDirLocked extends Error {
  readonly code = 'data_dir_locked';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được dùng bởi tiến trình ${holder.pid} (${holder.role}, máy ${holder.host}, từ ${holder.startedAt}); ` +
        `dừng tiến trình đó hoặc chọn DATA_DIR khác / the data folder ${dataDir} is held by process ${holder.pid} (${holder.role} on ${holder.host}, since ${holder.startedAt}); stop it or set another DATA_DIR`,
    );
  }
}

export interface DataLock {
  file: string;
  /** The stale lock this one replaced, if any. */
  tookOver: LockHolder | null;
  /** Removes the lock if it is still this process's (idempotent). */
  release(): void;
}

/** A lock file being written this recently may still be empty: it is not stale yet. */
const FRESH_MS = 10_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function read(file: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof h.pid === 'number' && Number.isInteger(h.pid) && h.pid > 0
      ? { pid: h.pid, startedAt: String(h.startedAt ?? '?'), host: String(h.host ?? '?'), role: String(h.role ?? 'server') }
      : null;
  } catch {
    return null;
  }
}

/**
 * Who holds the data folder now: a live process named in its lock, or null
 * (no lock, or a stale one). A lock from another machine (a shared folder)
 * cannot be checked and counts as held.
 */
export function lockHolder(dataDir: string): LockHolder | null {
  const file = path.join(dataDir, LOCK_FILE);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return null;
  }
  const h = read(file);
  if (!h) {
    // Unreadable: being written right now, or left half-written by a crash long ago.
    return Date.now() - mtimeMs < FRESH_MS ? { pid: 0, startedAt: new Date(mtimeMs).toISOString(), host: os.hostname(), role: 'starting' } : null;
  }
  if (h.host !== os.hostname()) return h;
  return h.pid === process.pid || alive(h.pid) ? h : null;
}

/**
 * Takes the data folder for this process, or throws DataDirLocked naming the
 * live holder. `log` gets one line when a stale lock is taken over.
 */
export function acquireDataLock(dataDir: string, o: { role?: string; log?: (line: string) => void } = {}): DataLock {
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, startedAt: new Date().toISOString(), host: os.hostname(), role: o.role ?? 'server' };
  let tookOver: LockHolder | null = null;
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw e;
      const holder = lockHolder(dataDir);
      if (holder) throw new DataDirLocked(dataDir, holder);
      // Stale: its process is gone. Removed and taken again with O_EXCL, so of two servers taking it over one wins.
      tookOver = read(file) ?? { pid: 0, startedAt: '?', host: os.hostname(), role: '?' };
      try {
        unlinkSync(file);
      } catch (u) {
        if ((u as NodeJS.ErrnoException).code !== 'ENOENT') throw u;
      }
      o.log?.(
        `Tiếp quản khoá cũ ${file} của tiến trình ${tookOver.pid} (đã dừng, từ ${tookOver.startedAt}) / took over the stale lock of process ${tookOver.pid} (no longer running, since ${tookOver.startedAt})`,
      );
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(me)}\n`);
    } finally {
      closeSync(fd);
    }
    break;
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only our own lock: never one a later process took over.
    if (read(file)?.pid !== process.pid) return;
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
  };
  process.on('exit', release);
  return { file, tookOver, release };
}
