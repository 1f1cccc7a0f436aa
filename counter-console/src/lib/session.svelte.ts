// Who is signed in, and the centre they work in.
import { api } from '@mot-cua/ui-shared/api.ts';
import type { Center, User } from './types.ts';

class Session {
  user = $state<User | null>(null);
  center = $state<Center | null>(null);
  checked = $state(false);

  async loadCenter(): Promise<Center> {
    const c = await api<Center>('/center');
    this.center = c;
    return c;
  }

  async restore(): Promise<void> {
    try {
      const me = await api<{ user: User }>('/auth/me');
      this.user = me.user.counterId ? me.user : null;
    } catch {
      this.user = null;
    } finally {
      this.checked = true;
    }
  }

  /**
   * `takeOver`: sign in even where another official is (they are signed out of that counter; issue 20.10).
   * `serviceIds`: the fields served there today, when not all of the counter's (the work profile, issue 13.3).
   */
  async login(username: string, password: string, counterId: string, takeOver = false, serviceIds?: string[]): Promise<void> {
    await api('/auth/login', { method: 'POST', body: { username, password, counterId, ...(takeOver ? { takeOver: true } : {}), ...(serviceIds ? { serviceIds } : {}) } });
    const me = await api<{ user: User }>('/auth/me');
    this.user = me.user;
  }

  async logout(): Promise<void> {
    try {
      await api('/auth/logout', { method: 'POST' });
    } finally {
      this.user = null;
    }
  }
}

export const session = new Session();
