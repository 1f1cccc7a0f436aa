// Issue 13.2: `npm run config -- export > centre.yaml` writes the live configuration —
// what the admin console changed, not the YAML seed — as YAML the config package
// loads back to the same configuration.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, loadDemoConfig, type CenterConfig } from '@mot-cua/config';
import { repoRoot } from '../../tests/support/server.ts';
import { startTestServer } from './harness.ts';

/** `npm run config -- <args>` on a data folder: its standard output and exit code. */
function configCli(dataDir: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const c = spawn('npm', ['run', '-s', 'config', '--', ...args], { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir, DEMO: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr.on('data', (d: Buffer) => (err += d.toString()));
    c.on('error', reject);
    c.on('exit', (code) => resolve({ code, out, err }));
  });
}

const loadBack = (dir: string, text: string) => {
  const file = path.join(dir, 'centre.yaml');
  writeFileSync(file, text);
  return loadConfig({ file, env: {} });
};

describe('npm run config -- export', () => {
  it('writes the live configuration the admin changed as YAML that loads back identically', async () => {
    const s = await startTestServer();
    const admin = s.client();
    await admin.login('admin');
    const live = (await admin.get<CenterConfig>('/api/v1/admin/config')).body;
    const next = structuredClone(live);
    next.center.name = 'Trung tâm Phục vụ hành chính công phường Hoà Khánh';
    next.services.push({ ...next.services[0]!, id: 'tu-phap', name: 'Tư pháp – chứng thực chữ ký', prefix: 'TP' });
    next.counters[1]!.serviceIds.push('tu-phap');
    expect((await admin.req('PUT', '/api/v1/admin/config', next)).status).toBe(200);
    const expected = s.ctx.centerConfig.current();
    await s.close();

    const r = await configCli(s.dataDir, ['export']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^# Cấu hình trung tâm Trung tâm Phục vụ hành chính công phường Hoà Khánh, xuất từ thư mục dữ liệu/);
    expect(loadBack(s.dataDir, r.out)).toEqual({ ok: true, config: expected });
  });

  it('a data folder that never started exports its YAML seed; an unknown command prints the usage', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-export-'));
    const r = await configCli(dir, ['export']);
    expect(r.code, r.err).toBe(0);
    expect(loadBack(dir, r.out)).toEqual({ ok: true, config: loadDemoConfig() });
    const bad = await configCli(dir, ['nhap']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('npm run config -- export');
  });
});
