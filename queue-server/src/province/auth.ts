// Signing in to the province server: its own accounts (registry.users), argon2 hashes, or
// in demo mode `demo:<password>` (the manager `tinh` / `demo`). Sessions live in memory
// (a restart signs everybody out), by the SHA-256 of a random cookie value.
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { fail } from '../domain/messages.ts';
import type { ProvinceUser, Registry } from './registry.ts';

export const SESSION_COOKIE = 'province_session';
const SESSION_MS = 12 * 3600_000;

export interface ProvinceSession {
  username: string;
  role: ProvinceUser['role'];
  displayName: string;
  expiresAt: number;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export class ProvinceAuth {
  private readonly sessions = new Map<string, ProvinceSession>();
  private dummy: Promise<string> | null = null;

  constructor(
    private readonly registry: Registry,
    private readonly demo: boolean,
    private readonly now: () => number,
  ) {}

  private async verify(user: ProvinceUser | undefined, password: string): Promise<boolean> {
    if (user?.passwordHash.startsWith('demo:')) return this.demo && user.passwordHash.slice(5) === password;
    // An unknown name costs as much as a known one.
    const hash = user?.passwordHash ?? (await (this.dummy ??= argon2.hash(randomBytes(16).toString('hex'))));
    try {
      return (await argon2.verify(hash, password)) && user !== undefined;
    } catch {
      return false;
    }
  }

  /** A new session's cookie value, or a refusal (401 bad_credentials). */
  async login(username: string, password: string): Promise<{ token: string; session: ProvinceSession }> {
    const user = this.registry.users.find((u) => u.username === username);
    if (!(await this.verify(user, password)) || !user) throw fail('bad_credentials');
    const token = randomBytes(32).toString('base64url');
    const session = { username: user.username, role: user.role, displayName: user.displayName ?? user.username, expiresAt: this.now() + SESSION_MS };
    this.sessions.set(hashOf(token), session);
    return { token, session };
  }

  session(token: string | undefined): ProvinceSession | null {
    if (!token) return null;
    const key = hashOf(token);
    const s = this.sessions.get(key);
    if (!s) return null;
    if (s.expiresAt <= this.now()) {
      this.sessions.delete(key);
      return null;
    }
    return s;
  }

  logout(token: string | undefined): void {
    if (token) this.sessions.delete(hashOf(token));
  }
}
