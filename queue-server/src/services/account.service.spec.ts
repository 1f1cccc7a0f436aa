// Accounts over a real SQLite file, outside demo mode: made by an admin with a hashed
// password and an audit line, refused when the name is taken or malformed; a reset ends the
// account's sessions and tells its sockets; a disabled account cannot sign in.
import { afterEach, describe, expect, it } from 'vitest';
import { SqlitePort } from '../store/index.ts';
import { AccountService } from './account.service.ts';
import { AuthService } from './auth.service.ts';
import { openQueue, type QueueFixture } from './queue.fixture.ts';

let f: QueueFixture;
afterEach(() => f?.close());

async function services() {
  f = await openQueue();
  const port = new SqlitePort(f.store);
  const auth = new AuthService(f.queue.centre.config, port, () => f.clock.now);
  await auth.start(false);
  return { port, auth, accounts: new AccountService(f.queue.centre.config, port, auth, () => f.clock.now) };
}

describe('AccountService', () => {
  it('makes an account with its counters, never keeping the password, and audits who made it', async () => {
    const { port, auth, accounts } = await services();
    const view = await accounts.create('quantri', { username: ' Thu.Ha ', password: 'mat-khau-du-dai', role: 'staff', fullName: 'Nguyễn Thị Thu Hà', counterIds: ['quay-2', 'quay-3'] });
    expect(view).toMatchObject({ username: 'thu.ha', role: 'staff', counterIds: ['quay-2', 'quay-3'], counterId: 'quay-2', disabled: false });
    expect(JSON.stringify(view)).not.toContain('mat-khau');
    const stored = await port.reads.user('thu.ha');
    expect(stored?.passwordHash).toMatch(/^\$argon2/);
    expect((await port.reads.audit()).find((a) => a.action === 'user.create')).toMatchObject({ actor: 'quantri', target: 'thu.ha' });
    expect((await auth.login('thu.ha', 'mat-khau-du-dai', 'quay-2')).user.username).toBe('thu.ha');
  });

  it('refuses a taken name, a malformed one and an unknown counter', async () => {
    const { accounts } = await services();
    await accounts.create('quantri', { username: 'minh', password: 'mat-khau-du-dai', role: 'staff', fullName: 'Trần Văn Minh' });
    await expect(accounts.create('quantri', { username: 'MINH', password: 'mat-khau-du-dai', role: 'staff', fullName: 'X' })).rejects.toThrow(expect.objectContaining({ code: 'user_exists' }));
    await expect(accounts.create('quantri', { username: 'có dấu', password: 'mat-khau-du-dai', role: 'staff', fullName: 'X' })).rejects.toThrow(expect.objectContaining({ code: 'bad_username' }));
    await expect(accounts.create('quantri', { username: 'lan', password: 'mat-khau-du-dai', role: 'staff', fullName: 'X', counterIds: ['quay-99'] })).rejects.toThrow(expect.objectContaining({ code: 'unknown_counter' }));
  });

  it('a reset ends the sessions and tells the sockets; a disabled account cannot sign in; nobody disables themself', async () => {
    const { auth, accounts } = await services();
    await accounts.create('quantri', { username: 'minh', password: 'mat-khau-du-dai', role: 'manager', fullName: 'Trần Văn Minh' });
    const { sessionId } = await auth.login('minh', 'mat-khau-du-dai', null);
    const ended: string[] = [];
    auth.onSessionEnded((e) => ended.push(e.username ?? ''));
    await accounts.resetPassword('quantri', 'minh', 'mat-khau-moi-dai');
    expect(await auth.session(sessionId)).toBeNull();
    expect(ended).toEqual(['minh']);
    await expect(auth.login('minh', 'mat-khau-du-dai', null)).rejects.toThrow(expect.objectContaining({ code: 'bad_credentials' }));
    await accounts.setDisabled('quantri', 'minh', true);
    await expect(auth.login('minh', 'mat-khau-moi-dai', null)).rejects.toThrow(expect.objectContaining({ code: 'bad_credentials' }));
    await expect(accounts.setDisabled('minh', 'minh', true)).rejects.toThrow(expect.objectContaining({ code: 'disable_self' }));
  });
});
