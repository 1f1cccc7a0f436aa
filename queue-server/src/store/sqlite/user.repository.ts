// Staff, managers and admins, their sessions (only a hash of the session id is kept), and the
// data folder's own settings (the meta table: once in demo mode).
import type { Db } from './db.ts';
import type { Role, Session, User } from '../records.ts';

interface UserRow {
  username: string;
  full_name: string;
  title: string;
  role: Role;
  password_hash: string;
  phone: string | null;
  counter_id: string | null;
  counter_ids: string | null;
  failed_logins: number;
  locked_until: number | null;
  disabled: number;
}

const userFromRow = (r: UserRow): User => ({
  username: r.username,
  fullName: r.full_name,
  title: r.title,
  role: r.role,
  passwordHash: r.password_hash,
  phone: r.phone,
  counterId: r.counter_id,
  // Absent, not null, when there is no limit: the record keeps its shape for accounts made before the limit existed.
  ...(r.counter_ids === null ? {} : { counterIds: JSON.parse(r.counter_ids) as string[] }),
  failedLogins: r.failed_logins,
  lockedUntil: r.locked_until,
  disabled: r.disabled === 1,
});

interface SessionRow {
  id_hash: string;
  username: string;
  counter_id: string | null;
  csrf: string;
  created_at: number;
  expires_at: number;
}
const sessionFromRow = (r: SessionRow): Session => ({ idHash: r.id_hash, username: r.username, counterId: r.counter_id, csrf: r.csrf, createdAt: r.created_at, expiresAt: r.expires_at });

export class UserRepository {
  constructor(private readonly db: Db) {}

  get(username: string): User | null {
    const r = this.db.prepare('SELECT * FROM users WHERE center_id = this_center() AND username = ?').get(username) as UserRow | undefined;
    return r ? userFromRow(r) : null;
  }

  all(): User[] {
    return (this.db.prepare('SELECT * FROM users WHERE center_id = this_center() ORDER BY username').all() as UserRow[]).map(userFromRow);
  }

  upsert(u: Omit<User, 'failedLogins' | 'lockedUntil' | 'disabled'>): void {
    this.db
      .prepare(
        `INSERT INTO users (username, full_name, title, role, password_hash, phone, counter_id, counter_ids)
         VALUES (@username, @fullName, @title, @role, @passwordHash, @phone, @counterId, @counterIds)
         ON CONFLICT (username) DO UPDATE SET full_name = excluded.full_name, title = excluded.title, role = excluded.role,
           password_hash = excluded.password_hash, phone = excluded.phone, counter_id = excluded.counter_id, counter_ids = excluded.counter_ids`,
      )
      .run({
        username: u.username,
        fullName: u.fullName,
        title: u.title,
        role: u.role,
        passwordHash: u.passwordHash,
        phone: u.phone,
        counterId: u.counterId,
        counterIds: u.counterIds ? JSON.stringify(u.counterIds) : null,
      });
  }

  setDisabled(username: string, disabled: boolean): void {
    this.db.prepare('UPDATE users SET disabled = ? WHERE username = ?').run(disabled ? 1 : 0, username);
  }

  deleteSessionsOf(username: string): void {
    this.db.prepare('DELETE FROM sessions WHERE username = ?').run(username);
  }

  moveSessions(username: string, from: string, to: string): void {
    this.db.prepare('UPDATE sessions SET counter_id = ? WHERE username = ? AND counter_id = ?').run(to, username, from);
  }

  /** Settings of the data folder (the meta table): whether it once ran in demo mode. */
  meta(key: string): string | null {
    const r = this.db.prepare('SELECT value FROM meta WHERE center_id = this_center() AND key = ?').get(key) as { value: string } | undefined;
    return r?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  recordLogin(username: string, ok: boolean, lockAfter: number, lockMs: number, now: number): void {
    if (ok) {
      this.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE username = ?').run(username);
      return;
    }
    this.db
      .prepare(
        `UPDATE users SET failed_logins = failed_logins + 1,
           locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END
         WHERE username = ?`,
      )
      .run(lockAfter, now + lockMs, username);
  }

  createSession(s: Session): void {
    this.db
      .prepare('INSERT INTO sessions (id_hash, username, counter_id, csrf, created_at, expires_at) VALUES (@idHash, @username, @counterId, @csrf, @createdAt, @expiresAt)')
      .run(s);
  }

  session(idHash: string, now: number): Session | null {
    const r = this.db.prepare('SELECT * FROM sessions WHERE center_id = this_center() AND id_hash = ? AND expires_at > ?').get(idHash, now) as SessionRow | undefined;
    return r ? sessionFromRow(r) : null;
  }

  /** The unexpired sessions bound to a counter, oldest first (who is signed in there). */
  sessionsAt(counterId: string, now: number): Session[] {
    return (this.db.prepare('SELECT * FROM sessions WHERE center_id = this_center() AND counter_id = ? AND expires_at > ? ORDER BY created_at, id_hash').all(counterId, now) as SessionRow[]).map(sessionFromRow);
  }

  deleteSession(idHash: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  purgeSessions(now: number): void {
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
  }
}
