// Issue 15.3: the province office's accounts outside demo mode, made with
// `npm run province -- user add`, the password piped in, kept as an argon2 hash in the
// registry file; the real province server (DEMO=0) then signs the account in.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api.ts';
import { startProvince, type RunningProvince } from '../support/province.ts';
import { repoRoot } from '../support/server.ts';

const running: RunningProvince[] = [];
afterAll(async () => {
  for (const p of running) await p.stop();
});

function cli(file: string, args: string[], input: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const c = spawn('npm', ['run', '-s', 'province', '--', 'user', ...args], { cwd: repoRoot, env: { ...process.env, PROVINCE_CENTRES: file, DEMO: '0' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr.on('data', (d: Buffer) => (out += d.toString()));
    c.on('error', reject);
    c.on('exit', (code) => resolve({ code, out }));
    c.stdin.end(input);
  });
}

const PASSWORD = 'Văn-phòng tỉnh 2026';

describe('npm run province -- user', () => {
  it('adds a manager whose password is a hash in the registry, who then signs in; refuses a short password, a bad role and a second add', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-prov-users-'));
    const file = path.join(dir, 'province.json');
    writeFileSync(file, JSON.stringify({ name: 'Tỉnh An Giang', centres: [{ id: 'xa-a', name: 'Bộ phận Một cửa xã A', district: 'Huyện B' }] }));
    expect(await cli(file, ['add', 'vanphong', '--role', 'manager', '--name', 'Văn phòng tỉnh'], 'ngan\n')).toMatchObject({ code: 1, out: expect.stringContaining('ít nhất 10 ký tự') });
    expect(await cli(file, ['add', 'vanphong', '--role', 'staff'], `${PASSWORD}\n`)).toMatchObject({ code: 1, out: expect.stringContaining('--role phải là manager hoặc admin') });
    expect((await cli(file, ['add', 'vanphong', '--role', 'manager', '--name', 'Văn phòng tỉnh'], `${PASSWORD}\n`)).code).toBe(0);
    expect(await cli(file, ['add', 'vanphong', '--role', 'admin'], `${PASSWORD}\n`)).toMatchObject({ code: 1, out: expect.stringContaining('Đã có tài khoản') });
    const saved = readFileSync(file, 'utf8');
    expect(saved).not.toContain(PASSWORD);
    expect(JSON.parse(saved).users).toEqual([{ username: 'vanphong', role: 'manager', displayName: 'Văn phòng tỉnh', passwordHash: expect.stringMatching(/^\$argon2/) }]);
    expect(JSON.parse(saved).centres).toHaveLength(1);
    expect((await cli(file, ['list'], '')).out).toContain('vanphong\tmanager\tVăn phòng tỉnh');

    const province = await startProvince({ env: { PROVINCE_CENTRES: file, DEMO: '0' } });
    running.push(province);
    const office = new ApiClient(province.url);
    expect((await office.post('/api/v1/province/login', { username: 'vanphong', password: 'sai mật khẩu rồi' })).status).toBe(401);
    expect((await office.post('/api/v1/province/login', { username: 'vanphong', password: PASSWORD })).status).toBe(200);
    expect((await office.get<{ centres: unknown[] }>('/api/v1/province/centres')).body.centres).toHaveLength(1);
  });
});
