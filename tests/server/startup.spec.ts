// A bad configuration stops the server at start with one readable message that
// names the bad field's path — never a stack trace.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { repoRoot } from '../support/server.ts';

const main = path.join(repoRoot, 'queue-server/src/main.ts');
const demoYaml = readFileSync(path.join(repoRoot, 'config/demo/center.yaml'), 'utf8');

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', main], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'motcua-cfg-')), LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('start-up with a bad configuration', () => {
  it('names the path of an unknown service in a counter and exits non-zero', () => {
    const cfg = parse(demoYaml) as { counters: { serviceIds: string[] }[] };
    cfg.counters[3]!.serviceIds[0] = 'X';
    const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-yaml-'));
    const file = path.join(dir, 'center.yaml');
    writeFileSync(file, stringify(cfg));
    const r = start({ CENTER_CONFIG: file, DEMO: '0' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('counters[3].serviceIds[0]: unknown service "X"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a bad environment override and a missing file the same way', () => {
    const bad = start({ TARGET_WAIT_MINUTES: 'mười lăm', DEMO: '1' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('targets.waitMinutes');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const missing = start({ CENTER_CONFIG: '/nonexistent/center.yaml', DEMO: '0' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('/nonexistent/center.yaml');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
