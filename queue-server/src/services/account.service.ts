// Accounts outside demo mode: an admin (over the API, or `npm run user` on the
// data folder) adds them, resets and disables them and clears a sign-in
// back-off; everyone changes their own password. Each change is one commit
// with its audit line (who, what; never a password) and goes into the sign-in
// service's copy in memory at once.
import type { CenterConfig } from '@mot-cua/config';
import { liveConfig, type ConfigSource } from './centre.ts';
import type { Role, StorePort, User } from '../store/index.ts';
import { fail } from '../domain/messages.ts';
import type { AuthService } from './auth.service.ts';

export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const ROLES: readonly Role[] = ['staff', 'manager', 'admin'];

export interface NewAccount {
  username: string;
  password: string;
  role: Role;
  fullName: string;
  /** The counters a staff member may sign in at; the first is where they sign in by default. */
  counterIds?: string[];
}

/** An account as an admin sees it: never its hash. */
export interface AccountView {
  username: string;
  fullName: string;
  title: string;
  role: Role;
  counterId: string | null;
  counterIds: string[] | null;
  disabled: boolean;
}

export const accountView = (u: User): AccountView => ({
  username: u.username,
  fullName: u.fullName,
  title: u.title,
  role: u.role,
  counterId: u.counterId,
  counterIds: u.counterIds ?? null,
  disabled: u.disabled,
});

/** What goes back into the store when only some fields of an account change. */
const record = (u: User): Omit<User, 'failedLogins' | 'lockedUntil' | 'disabled'> => ({
  username: u.username,
  fullName: u.fullName,
  title: u.title,
  role: u.role,
  passwordHash: u.passwordHash,
  phone: u.phone,
  counterId: u.counterId,
  ...(u.counterIds ? { counterIds: u.counterIds } : {}),
});

export class AccountService {
  /** The live configuration, read at each use (issue 13.2). */
  private readonly liveConfig: () => CenterConfig;
  private get config(): CenterConfig {
    return this.liveConfig();
  }

  constructor(
    config: ConfigSource,
    private readonly store: StorePort,
    private readonly auth: AuthService,
    private readonly now: () => number,
  ) {
    this.liveConfig = liveConfig(config);
  }

  list(): AccountView[] {
    return this.auth.allUsers().map(accountView);
  }

  async create(actor: string, a: NewAccount): Promise<AccountView> {
    const username = a.username.trim().toLowerCase();
    if (!USERNAME.test(username)) throw fail('bad_username');
    const counterIds = a.counterIds && a.counterIds.length > 0 ? [...new Set(a.counterIds)] : undefined;
    for (const counter of counterIds ?? []) {
      if (!this.config.counters.some((c) => c.id === counter)) throw fail('unknown_counter', { counter });
    }
    if (await this.store.reads.user(username)) throw fail('user_exists', { username });
    const passwordHash = await this.auth.hashPassword(a.password);
    // argon2 yields the loop: someone may have taken the name meanwhile.
    if (await this.store.reads.user(username)) throw fail('user_exists', { username });
    const at = this.now();
    await this.store.commit({
      users: [{ username, fullName: a.fullName.trim(), title: '', role: a.role, passwordHash, phone: null, counterId: counterIds?.[0] ?? null, ...(counterIds ? { counterIds } : {}) }],
      audit: [{ actor, action: 'user.create', target: username, detail: { role: a.role, ...(counterIds ? { counterIds } : {}) }, at }],
    });
    return accountView((await this.auth.remember(username))!);
  }

  /** An admin sets someone's password: that account's sessions end. */
  async resetPassword(actor: string, username: string, password: string): Promise<void> {
    const u = await this.existing(username);
    const passwordHash = await this.auth.hashPassword(password);
    await this.store.commit({
      users: [record({ ...u, passwordHash })],
      endSessionsOf: [u.username],
      audit: [{ actor, action: 'user.password', target: u.username, detail: {}, at: this.now() }],
    });
    await this.auth.remember(u.username);
    // its open sockets go now, not at their next request
    this.auth.sessionsEnded({ username: u.username });
  }

  /** One's own password, given the current one. */
  async changeOwnPassword(username: string, currentPassword: string, newPassword: string): Promise<void> {
    const u = await this.existing(username);
    if (!(await this.auth.verify(u.passwordHash, currentPassword))) throw fail('wrong_password');
    const passwordHash = await this.auth.hashPassword(newPassword);
    await this.store.commit({
      users: [record({ ...u, passwordHash })],
      audit: [{ actor: u.username, action: 'user.password.own', target: u.username, detail: {}, at: this.now() }],
    });
    await this.auth.remember(u.username);
  }

  /** Disabled: no sign-in, and its sessions end at once. Enabling again is for `npm run user -- enable`. */
  async setDisabled(actor: string, username: string, disabled: boolean): Promise<void> {
    const u = await this.existing(username);
    if (disabled && u.username === actor) throw fail('disable_self');
    await this.store.commit({
      userDisabled: [{ username: u.username, disabled }],
      ...(disabled ? { endSessionsOf: [u.username] } : {}),
      audit: [{ actor, action: disabled ? 'user.disable' : 'user.enable', target: u.username, detail: {}, at: this.now() }],
    });
    await this.auth.remember(u.username);
    if (disabled) this.auth.sessionsEnded({ username: u.username });
  }

  /** Clears the sign-in back-off of every address for this account. */
  async unlock(actor: string, username: string): Promise<number> {
    const u = await this.existing(username);
    const pairs = this.auth.throttle.clear(u.username);
    await this.store.commit({ audit: [{ actor, action: 'user.unlock', target: u.username, detail: { pairs }, at: this.now() }] });
    return pairs;
  }

  private async existing(username: string): Promise<User> {
    const u = await this.store.reads.user(username.trim().toLowerCase());
    if (!u) throw fail('not_found:user', { username });
    return u;
  }
}
