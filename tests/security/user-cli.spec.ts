// Issue 13.1: a production install makes its first admin with `npm run user`, the
// password piped in, on the data folder of a server started with DEMO=0.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, repoRoot, type RunningServer } from '../support/server.ts';
import { ApiClient } from '../support/api.ts';

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

/** `npm run user -- <args>` on a data folder, with `input` on standard input (a pipe). */
function user(dataDir: string, args: string[], input: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const c = spawn('npm', ['run', '-s', 'user', '--', ...args], { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir, DEMO: '0' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr.on('data', (d: Buffer) => (out += d.toString()));
    c.on('error', reject);
    c.on('exit', (code) => resolve({ code, out }));
    c.stdin.end(input);
  });
}

const PASSWORD = 'Quản-trị-viên 2026';

describe('npm run user', () => {
  it('makes the first admin of an empty production folder, who then signs in; a short password is refused', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-prod-'));
    const first = await startServer({ dataDir, env: { DEMO: '0' } });
    servers.push(first);
    // No account, and one line saying how to make the first one.
    expect(first.output().split('\n').filter((l) => l.includes('npm run user -- add admin --role admin'))).toHaveLength(1);
    expect((await new ApiClient(first.url).post('/api/v1/auth/login', { username: 'admin', password: 'demo' })).status).toBe(401);
    await first.stop();

    const short = await user(dataDir, ['add', 'admin', '--role', 'admin'], 'ngan\n');
    expect(short.code).toBe(1);
    expect(short.out).toContain('Mật khẩu phải có ít nhất 10 ký tự');
    const noRole = await user(dataDir, ['add', 'admin'], `${PASSWORD}\n`);
    expect(noRole.code).toBe(2);

    const made = await user(dataDir, ['add', 'admin', '--role', 'admin', '--name', 'Trần Văn Quản'], `${PASSWORD}\n`);
    expect(made.code, made.out).toBe(0);
    const staff = await user(dataDir, ['add', 'lan', '--role', 'staff', '--name', 'Nguyễn Thị Lan', '--counters', 'quay-2,quay-3'], `${PASSWORD}\n`);
    expect(staff.code, staff.out).toBe(0);
    const listed = await user(dataDir, ['list'], '');
    expect(listed.out).toMatch(/admin\tadmin\tTrần Văn Quản/);
    expect(listed.out).toMatch(/lan\tstaff\tNguyễn Thị Lan \[quay-2,quay-3\]/);
    expect(listed.out).not.toContain(PASSWORD);

    const s = await startServer({ dataDir, env: { DEMO: '0' } });
    servers.push(s);
    expect(s.output()).not.toContain('npm run user -- add admin');
    const admin = new ApiClient(s.url);
    const signedIn = await admin.post<{ user: { username: string; fullName: string; role: string } }>('/api/v1/auth/login', { username: 'admin', password: PASSWORD });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ username: 'admin', fullName: 'Trần Văn Quản', role: 'admin' });
    expect((await new ApiClient(s.url).post('/api/v1/auth/login', { username: 'lan', password: PASSWORD, counterId: 'quay-3' })).status).toBe(200);
    expect((await new ApiClient(s.url).post('/api/v1/auth/login', { username: 'lan', password: PASSWORD, counterId: 'quay-1' })).status).toBe(403);
    const audit = await admin.get<{ entries: { actor: string; action: string; target: string }[] }>('/api/v1/audit');
    expect(audit.body.entries.filter((e) => e.action === 'user.create').map((e) => [e.actor, e.target])).toEqual(expect.arrayContaining([['cli', 'admin'], ['cli', 'lan']]));
    expect(JSON.stringify(audit.body)).not.toContain(PASSWORD);
    await s.stop();

    // passwd and disable on the stopped server's folder, seen at the next start.
    expect((await user(dataDir, ['passwd', 'lan'], 'mật-khẩu-mới-của-Lan\n')).code).toBe(0);
    expect((await user(dataDir, ['disable', 'admin'], '')).code).toBe(0);
    const again = await startServer({ dataDir, env: { DEMO: '0' } });
    servers.push(again);
    expect((await new ApiClient(again.url).post('/api/v1/auth/login', { username: 'lan', password: 'mật-khẩu-mới-của-Lan', counterId: 'quay-2' })).status).toBe(200);
    expect((await new ApiClient(again.url).post('/api/v1/auth/login', { username: 'lan', password: PASSWORD, counterId: 'quay-2' })).status).toBe(401);
    expect((await new ApiClient(again.url).post('/api/v1/auth/login', { username: 'admin', password: PASSWORD })).status).toBe(401);
  });
});
