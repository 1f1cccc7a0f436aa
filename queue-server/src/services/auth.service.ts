// Sign-in with argon2 hashes, server-side sessions, device tokens, demo accounts.
// Wrong passwords slow down one (username, source address) pair, never the
// account (login-throttle.ts); every refused sign-in gets the same answer.
// Outside demo mode the demo password and the demo device tokens never work.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';
import type { CenterConfig } from '@mot-cua/config';
import { liveConfig, type ConfigSource } from './centre.ts';
import type { StorePort, StoreReads, User, Session, Device, AuditEntry } from '../store/index.ts';
import type { Actor } from './actor.ts';
import { fail, text } from '../domain/messages.ts';
import { LoginThrottle } from './login-throttle.ts';
import { allowedCounters, allowedFields, checkFields, counterTaken, officialsAt, takeOverAudit } from './counter-seat.ts';

const SESSION_MS = 12 * 3600_000;
export const DEMO_PASSWORD = 'demo';
/** The meta key that marks a data folder that once ran in demo mode (its value: when it was first seeded). */
export const DEMO_META = 'demo_seeded_at';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface PublicUser {
  username: string;
  fullName: string;
  title: string;
  role: User['role'];
  counterId: string | null;
  /** The fields the official may pick for their work profile (issue 13.3). */
  allowedServiceIds: string[];
}

/** The shortest password an account may get (demo accounts aside). */
export const MIN_PASSWORD = 10;

/** A sign-in: the user, the session's id and CSRF token, and the fields picked (null: the counter's own). */
export type LoginResult = { user: PublicUser; sessionId: string; csrf: string; serviceIds: string[] | null };

/** Which sessions ended: one (by the hash of its id) or all of an account's. */
export type SessionEnded = { sessionHash?: string; username?: string };

export class AuthService {
  private dummyHash: Promise<string> | null = null; // verified against for an unknown user, so timing does not tell
  /** Demo mode: the demo password and tokens work. Off after start({ demo: false }). */
  private demo = true;
  readonly throttle = new LoginThrottle();

  /** The live configuration, read at each use (issue 13.2). */
  private readonly liveConfig: () => CenterConfig;
  private get config(): CenterConfig {
    return this.liveConfig();
  }

  constructor(
    config: ConfigSource,
    private readonly store: StorePort,
    private readonly now: () => number,
  ) {
    this.liveConfig = liveConfig(config);
    this.reads = store.reads;
  }
  private readonly reads: StoreReads;

  /**
   * At start-up: registers the configured devices, seeds the demo accounts in
   * demo mode, loads the accounts. Answers the lines to log: outside demo mode,
   * how to make the first admin on an empty folder, and that a folder which
   * once ran in demo mode now refuses the demo password and tokens.
   */
  async start(demo: boolean): Promise<string[]> {
    this.demo = demo;
    await this.registerDevices();
    const notes: string[] = [];
    if (demo) await this.seedDemo();
    else if ((await this.reads.meta(DEMO_META)) !== null || (await this.hasDemoTokens())) notes.push(text('demo_refused'));
    await this.loadUsers();
    if (!demo && this.users.size === 0) notes.push(text('first_admin'));
    return notes;
  }

  /** A folder seeded before the meta mark existed still has the demo tokens' hashes. */
  private async hasDemoTokens(): Promise<boolean> {
    for (const d of await this.reads.devices()) if (await this.reads.deviceByTokenHash(sha256(`demo-${d.id}`))) return true;
    return false;
  }

  /** Hashes a new password after checking its length (CLI, admin and one's own change alike). */
  async hashPassword(password: string): Promise<string> {
    if ([...password].length < MIN_PASSWORD) throw fail('password_too_short', { min: MIN_PASSWORD });
    return argon2.hash(password);
  }

  /** Whether a password matches a hash; false, never a throw, for a malformed hash. */
  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /**
   * Signs in. Unknown user, wrong password, disabled account, the demo password
   * outside demo mode and a throttled pair all get the same 401 bad_credentials;
   * a throttled pair is refused without checking the password at all. An
   * official at a counter where another official is signed in gets 409
   * counter_taken naming them, unless `takeOver` signs that one out of it.
   * `serviceIds`: the fields an official serves today there (their work
   * profile, issue 13.3), checked against the fields they are allowed; the
   * answer's `serviceIds` is what the counter is to serve (null: its own fields).
   */
  async login(username: string, password: string, counterId: string | null, address = 'unknown', takeOver = false, serviceIds?: readonly string[]): Promise<LoginResult> {
    const now = this.now();
    if (this.throttle.wait(username, address, now) > 0) {
      if (this.throttle.firstRefusal(username, address)) {
        await this.store.commit({ audit: [{ actor: username, action: 'login.throttled', target: null, detail: { address }, at: now }] });
      }
      throw fail('bad_credentials');
    }
    const user = await this.reads.user(username);
    const hash = user?.passwordHash ?? (await (this.dummyHash ??= argon2.hash(randomBytes(16).toString('hex'))));
    const ok = await this.verify(hash, password);
    const demoRefused = ok && !this.demo && password === DEMO_PASSWORD;
    if (!user || !ok || user.disabled || demoRefused) {
      const waitMs = this.throttle.failed(username, address, now);
      const reason = !user ? 'unknown' : !ok ? 'wrong' : user.disabled ? 'disabled' : 'demo_password';
      await this.store.commit({ audit: [{ actor: username, action: 'login.failed', target: null, detail: { address, reason, ...(waitMs > 0 ? { waitMs } : {}) }, at: now }] });
      throw fail('bad_credentials');
    }
    this.throttle.succeeded(username, address);
    let counter: string | null = null;
    if (user.role === 'staff') {
      counter = counterId ?? user.counterId ?? (user.counterIds?.length === 1 ? user.counterIds[0]! : null);
      if (!counter) throw fail('counter_required:choose');
    } else if (counterId) {
      counter = counterId;
    }
    if (counter !== null && !this.config.counters.some((c) => c.id === counter)) {
      throw fail('unknown_counter', { counter });
    }
    const allowed = allowedCounters(this.config, user);
    if (counter !== null && allowed && !allowed.includes(counter)) {
      throw fail('counter_not_allowed', { counter });
    }
    const fields = serviceIds && counter !== null && user.role === 'staff' ? checkFields(this.config, serviceIds, allowedFields(this.config, user)) : null;
    const taken = counter !== null && user.role === 'staff' ? await officialsAt(this.reads, counter, username, now) : [];
    if (taken.length > 0 && !takeOver) throw counterTaken(this.config, counter!, taken[0]!.user);
    const sessionId = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    await this.store.commit({
      expireSessionsAt: now,
      sessions: [{ idHash: sha256(sessionId), username, counterId: counter, csrf, createdAt: now, expiresAt: now + SESSION_MS }],
      endSessions: taken.map((t) => t.session.idHash),
      audit: [{ actor: username, action: 'login', target: counter, detail: { role: user.role, address, ...(fields ? { serviceIds: fields } : {}) }, at: now }, ...taken.map((t) => takeOverAudit(username, counter!, t, address, now))],
    });
    for (const t of taken) this.sessionsEnded({ sessionHash: t.session.idHash });
    return { user: this.publicUser(user, counter), sessionId, csrf, serviceIds: fields };
  }

  async logout(sessionId: string): Promise<void> {
    const s = await this.session(sessionId);
    this.sessionsEnded({ sessionHash: sha256(sessionId) });
    await this.store.commit({
      endSessions: [sha256(sessionId)],
      audit: s ? [{ actor: s.session.username, action: 'logout', target: s.session.counterId, detail: {}, at: this.now() }] : [],
    });
  }

  private readonly endedListeners = new Set<(ended: SessionEnded) => void>();

  /** Told when a session ends (logout) or an account's sessions do (disable: call sessionsEnded({ username })); realtime drops their sockets. */
  onSessionEnded(listener: (ended: SessionEnded) => void): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  sessionsEnded(ended: SessionEnded): void {
    for (const l of this.endedListeners) l(ended);
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
   * phone): kept in memory from loadUsers(); the account service writes
   * accounts and hands each change to remember(). `npm run user` writes the
   * file directly, seen at the next start. Sign-ins go to the store.
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

  /** Every account, as loaded and changed since. */
  allUsers(): User[] {
    return [...this.users.values()].sort((a, b) => a.username.localeCompare(b.username));
  }

  /** Takes an account's stored state into the copy in memory (after a change was committed). */
  async remember(username: string): Promise<User | null> {
    const u = await this.reads.user(username);
    if (u) this.users.set(username, u);
    else this.users.delete(username);
    return u;
  }

  /** The latest entries of the audit log, newest first. */
  auditLog(): Promise<AuditEntry[]> {
    return this.reads.audit();
  }

  publicUser(u: User, counterId: string | null): PublicUser {
    return { username: u.username, fullName: u.fullName, title: u.title, role: u.role, counterId, allowedServiceIds: allowedFields(this.config, u) };
  }

  actorFromSession(s: { session: Session; user: User }): Actor {
    return { kind: 'user', username: s.user.username, role: s.user.role, counterId: s.session.counterId };
  }

  async device(token: string): Promise<Device | null> {
    if (token.length < 8 || token.length > 200) return null;
    const d = await this.reads.deviceByTokenHash(sha256(token));
    if (d && !this.demo && token === `demo-${d.id}`) return null;
    return d;
  }

  /**
   * A new token for a device (shown once); the old one stops working. A device
   * not known yet is registered with `register` (its kind and name), else 404.
   */
  async issueDeviceToken(deviceId: string, actor: string, register?: { kind: string; name: string; counterId?: string | null }): Promise<string> {
    const known = this.config.devices.list.find((x) => x.id === deviceId) ?? (await this.reads.device(deviceId));
    if (register?.counterId && !this.config.counters.some((c) => c.id === register.counterId)) throw fail('unknown_counter', { counter: register.counterId });
    const d = known ?? (register ? { kind: register.kind, name: register.name, counterId: register.counterId ?? null } : null);
    if (!d) throw fail('not_found:device', { deviceId });
    const token = randomBytes(24).toString('base64url');
    const at = this.now();
    await this.store.commit({
      devices: [{ id: deviceId, kind: d.kind, name: d.name, counterId: d.counterId ?? null, tokenHash: sha256(token) }],
      audit: [{ actor, action: 'device.token', target: deviceId, detail: known ? {} : { registered: true, kind: d.kind, name: d.name }, at }],
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
  private async registerDevices(): Promise<void> {
    await this.store.commit({ devices: this.config.devices.list.map((d) => ({ id: d.id, kind: d.kind, name: d.name, counterId: d.counterId ?? null, tokenHash: null })) });
  }

  /** Demo mode only: the documented accounts (password "demo") and device tokens "demo-<device id>". */
  private async seedDemo(): Promise<void> {
    // argon2 takes about half a second: hash only when some account is missing, once.
    const existing = new Set((await this.reads.users()).map((u) => u.username));
    const missing = this.config.staff.filter((s) => !existing.has(s.username));
    const hash = missing.length > 0 ? await argon2.hash(DEMO_PASSWORD) : '';
    const marked = (await this.reads.meta(DEMO_META)) !== null;
    await this.store.commit({
      meta: marked ? [] : [{ key: DEMO_META, value: new Date(this.now()).toISOString() }],
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
