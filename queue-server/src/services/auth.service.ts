// Sign-in with argon2 hashes, server-side sessions, device tokens, demo accounts.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';
import type { CenterConfig } from '@mot-cua/config';
import type { StorePort, StoreReads, User, Session, Device, AuditEntry } from '../store/index.ts';
import type { Actor } from './actor.ts';
import { fail } from '../domain/messages.ts';

const SESSION_MS = 12 * 3600_000;
const LOCK_AFTER = 5;
const LOCK_MS = 15 * 60_000;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface PublicUser {
  username: string;
  fullName: string;
  title: string;
  role: User['role'];
  counterId: string | null;
}

export class AuthService {
  // A real hash to verify against when the user does not exist, so timing does not tell.
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly config: CenterConfig,
    private readonly store: StorePort,
    private readonly now: () => number,
  ) {
    this.reads = store.reads;
  }

  private readonly reads: StoreReads;

  async login(username: string, password: string, counterId: string | null): Promise<{ user: PublicUser; sessionId: string; csrf: string }> {
    const now = this.now();
    const user = await this.reads.user(username);
    const hash = user?.passwordHash ?? (await (this.dummyHash ??= argon2.hash(randomBytes(16).toString('hex'))));
    if (user?.lockedUntil && user.lockedUntil > now) {
      throw fail('account_locked', { minutes: Math.ceil((user.lockedUntil - now) / 60_000) });
    }
    let ok = false;
    try {
      ok = await argon2.verify(hash, password);
    } catch {
      ok = false;
    }
    if (!user || !ok || user.disabled) {
      if (user) await this.store.commit({ logins: [{ username, ok: false, lockAfter: LOCK_AFTER, lockMs: LOCK_MS, at: now }] });
      throw fail('bad_credentials');
    }
    let counter: string | null = null;
    if (user.role === 'staff') {
      counter = counterId ?? user.counterId;
      if (!counter) throw fail('counter_required:choose');
    } else if (counterId) {
      counter = counterId;
    }
    if (counter !== null && !this.config.counters.some((c) => c.id === counter)) {
      throw fail('unknown_counter', { counter });
    }
    const sessionId = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    await this.store.commit({
      logins: [{ username, ok: true, lockAfter: LOCK_AFTER, lockMs: LOCK_MS, at: now }],
      expireSessionsAt: now,
      sessions: [{ idHash: sha256(sessionId), username, counterId: counter, csrf, createdAt: now, expiresAt: now + SESSION_MS }],
      audit: [{ actor: username, action: 'login', target: counter, detail: { role: user.role }, at: now }],
    });
    return { user: this.publicUser(user, counter), sessionId, csrf };
  }

  async logout(sessionId: string): Promise<void> {
    const s = await this.session(sessionId);
    await this.store.commit({
      endSessions: [sha256(sessionId)],
      audit: s ? [{ actor: s.session.username, action: 'logout', target: s.session.counterId, detail: {}, at: this.now() }] : [],
    });
  }

  async session(sessionId: string): Promise<{ session: Session; user: User } | null> {
    const session = await this.reads.session(sha256(sessionId), this.now());
    if (!session) return null;
    const user = await this.reads.user(session.username);
    if (!user || user.disabled) return null;
    return { session, user };
  }

  /**
   * A user by username, or null, as the counters show them (name, title,
   * phone): kept in memory from loadUsers(), since only this service writes
   * accounts. Sign-ins go to the store (login, session).
   */
  user(username: string): User | null {
    return this.users.get(username) ?? null;
  }

  private readonly users = new Map<string, User>();

  /** Reads the accounts the counters show; once at start-up, after seedDemo. */
  async loadUsers(): Promise<void> {
    this.users.clear();
    for (const u of await this.reads.users()) this.users.set(u.username, u);
  }

  /** The latest entries of the audit log, newest first. */
  auditLog(): Promise<AuditEntry[]> {
    return this.reads.audit();
  }

  publicUser(u: User, counterId: string | null): PublicUser {
    return { username: u.username, fullName: u.fullName, title: u.title, role: u.role, counterId };
  }

  actorFromSession(s: { session: Session; user: User }): Actor {
    return { kind: 'user', username: s.user.username, role: s.user.role, counterId: s.session.counterId };
  }

  async device(token: string): Promise<Device | null> {
    if (token.length < 8 || token.length > 200) return null;
    return this.reads.deviceByTokenHash(sha256(token));
  }

  /** A new token for a device (shown once); the old one stops working. */
  async issueDeviceToken(deviceId: string, actor: string): Promise<string> {
    const d = this.config.devices.list.find((x) => x.id === deviceId) ?? (await this.reads.device(deviceId));
    if (!d) throw fail('not_found:device', { deviceId });
    const token = randomBytes(24).toString('base64url');
    const at = this.now();
    await this.store.commit({
      devices: [{ id: deviceId, kind: d.kind, name: d.name, counterId: d.counterId ?? null, tokenHash: sha256(token) }],
      audit: [{ actor, action: 'device.token', target: deviceId, detail: {}, at }],
    });
    return token;
  }

  async revokeDevice(deviceId: string, actor: string): Promise<void> {
    const d = await this.reads.device(deviceId);
    if (!d || d.revokedAt !== null) throw fail('not_found:device', { deviceId });
    const at = this.now();
    await this.store.commit({ revokeDevices: [{ id: deviceId, at }], audit: [{ actor, action: 'device.revoke', target: deviceId, detail: {}, at }] });
  }

  /** Registers the configured devices (without tokens) so their health can be shown. */
  async registerDevices(): Promise<void> {
    await this.store.commit({ devices: this.config.devices.list.map((d) => ({ id: d.id, kind: d.kind, name: d.name, counterId: d.counterId ?? null, tokenHash: null })) });
  }

  /** Demo mode only: the documented accounts (password "demo") and device tokens "demo-<device id>". */
  async seedDemo(): Promise<void> {
    // argon2 takes about half a second: hash only when some account is missing, once.
    const existing = new Set((await this.reads.users()).map((u) => u.username));
    const missing = this.config.staff.filter((s) => !existing.has(s.username));
    const hash = missing.length > 0 ? await argon2.hash('demo') : '';
    await this.store.commit({
      users: missing.map((s) => ({
        username: s.username,
        fullName: s.fullName,
        title: s.title,
        role: s.role,
        passwordHash: hash,
        phone: s.phone ?? null,
        counterId: s.counterId ?? null,
      })),
      devices: this.config.devices.list.map((d) => ({ id: d.id, kind: d.kind, name: d.name, counterId: d.counterId ?? null, tokenHash: sha256(`demo-${d.id}`) })),
    });
  }
}

/** Constant-time string comparison for CSRF tokens. */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
