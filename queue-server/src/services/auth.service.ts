// Sign-in with argon2 hashes, server-side sessions, device tokens, demo accounts.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';
import type { CenterConfig } from '@mot-cua/config';
import type { Store, StoreReads, User, Session, Device, AuditEntry } from '../store/index.ts';
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
    private readonly store: Store,
    private readonly reads: StoreReads,
    private readonly now: () => number,
  ) {}

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
      if (user) this.store.users.recordLogin(username, false, LOCK_AFTER, LOCK_MS, now);
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
    this.store.users.recordLogin(username, true, LOCK_AFTER, LOCK_MS, now);
    const sessionId = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    this.store.users.purgeSessions(now);
    this.store.users.createSession({ idHash: sha256(sessionId), username, counterId: counter, csrf, createdAt: now, expiresAt: now + SESSION_MS });
    this.store.audit.append(username, 'login', counter, { role: user.role }, now);
    return { user: this.publicUser(user, counter), sessionId, csrf };
  }

  async logout(sessionId: string): Promise<void> {
    const s = await this.session(sessionId);
    this.store.users.deleteSession(sha256(sessionId));
    if (s) this.store.audit.append(s.session.username, 'logout', s.session.counterId, {}, this.now());
  }

  async session(sessionId: string): Promise<{ session: Session; user: User } | null> {
    const session = await this.reads.session(sha256(sessionId), this.now());
    if (!session) return null;
    const user = await this.reads.user(session.username);
    if (!user || user.disabled) return null;
    return { session, user };
  }

  /** A user by username, or null. */
  user(username: string): User | null {
    return this.store.users.get(username);
  }

  /** The latest entries of the audit log, newest first. */
  auditLog(): AuditEntry[] {
    return this.store.audit.recent();
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
  issueDeviceToken(deviceId: string, actor: string): string {
    const d = this.config.devices.list.find((x) => x.id === deviceId) ?? this.store.devices.get(deviceId);
    if (!d) throw fail('not_found:device', { deviceId });
    const token = randomBytes(24).toString('base64url');
    this.store.devices.upsert({ id: deviceId, kind: d.kind, name: d.name, counterId: d.counterId ?? null, tokenHash: sha256(token) });
    this.store.audit.append(actor, 'device.token', deviceId, {}, this.now());
    return token;
  }

  revokeDevice(deviceId: string, actor: string): void {
    if (!this.store.devices.revoke(deviceId, this.now())) throw fail('not_found:device', { deviceId });
    this.store.audit.append(actor, 'device.revoke', deviceId, {}, this.now());
  }

  /** Registers the configured devices (without tokens) so their health can be shown. */
  registerDevices(): void {
    for (const d of this.config.devices.list) {
      this.store.devices.upsert({ id: d.id, kind: d.kind, name: d.name, counterId: d.counterId ?? null, tokenHash: null });
    }
  }

  /** Demo mode only: the documented accounts (password "demo") and device tokens "demo-<device id>". */
  async seedDemo(): Promise<void> {
    const hash = await argon2.hash('demo');
    for (const s of this.config.staff) {
      const existing = this.store.users.get(s.username);
      if (existing) continue;
      this.store.users.upsert({
        username: s.username,
        fullName: s.fullName,
        title: s.title,
        role: s.role,
        passwordHash: hash,
        phone: s.phone ?? null,
        counterId: s.counterId ?? null,
      });
    }
    for (const d of this.config.devices.list) {
      this.store.devices.upsert({ id: d.id, kind: d.kind, name: d.name, counterId: d.counterId ?? null, tokenHash: sha256(`demo-${d.id}`) });
    }
  }
}

/** Constant-time string comparison for CSRF tokens. */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
