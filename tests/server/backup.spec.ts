// Online backup while the server runs and issues; restore into a fresh data folder, and never
// under a running server (the folder's lock), through a temporary file, keeping the replaced database.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import { startServer, repoRoot, type RunningServer } from '../support/server.ts';

const cli = path.join(repoRoot, 'queue-server/src/backup.ts');
const run = (args: string[], dataDir: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 60_000 });

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

// Issued at the demo kiosk (its device token): dozens of numbers, past the per-address limit of numbers taken without one.
const issue = async (url: string, serviceId: string) =>
  (await (await fetch(`${url}/api/v1/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer demo-kiosk-1' }, body: JSON.stringify({ serviceId }) })).json()) as { id: string; number: string };

describe('backup and restore', () => {
  it('a backup taken while tickets are issued restores to a server that has them', async () => {
    const a = await startServer();
    servers.push(a);
    const before = [];
    for (let i = 0; i < 20; i++) before.push(await issue(a.url, 'ho-tich'));
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'motcua-bak-')), 'queue.db');
    // Keep writing while the backup runs.
    let writing = true;
    const writer = (async () => {
      while (writing) await issue(a.url, 'chung-thuc');
    })();
    const r = run(['backup', file], a.dataDir);
    writing = false;
    await writer;
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(file);

    const freshDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-restore-'));
    const restored = run(['restore', file], freshDir);
    expect(restored.status, restored.stderr).toBe(0);
    const b = await startServer({ dataDir: freshDir });
    servers.push(b);
    for (const t of before) {
      const res = await fetch(`${b.url}/api/v1/tickets/${t.id}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { number: string }).number).toBe(t.number);
    }
    // Numbering continues after the restored ones.
    const next = await issue(b.url, 'ho-tich');
    expect(Number(next.number)).toBeGreaterThan(Number(before.at(-1)!.number));
  });

  it('restore refuses while a server runs on the folder, works once it stops, and keeps the replaced database beside it', async () => {
    const a = await startServer();
    servers.push(a);
    const kept = await issue(a.url, 'ho-tich');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'motcua-bak-')), 'queue.db');
    expect(run(['backup', file], a.dataDir).status).toBe(0);
    // Written after the backup: only the replaced database has it.
    const later = await issue(a.url, 'ho-tich');
    const pid = (JSON.parse(readFileSync(path.join(a.dataDir, 'server.lock'), 'utf8')) as { pid: number }).pid;

    const refused = run(['restore', file], a.dataDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`process ${pid}`);
    expect(refused.stderr).toContain('not restoring while a server runs');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(a.dataDir).filter((f) => f.includes('.replaced-') || f.includes('.restoring-'))).toEqual([]);
    expect((await fetch(`${a.url}/api/v1/tickets/${later.id}`)).status).toBe(200);

    await a.stop();
    const restored = run(['restore', file], a.dataDir);
    expect(restored.status, restored.stderr).toBe(0);
    const files = readdirSync(a.dataDir);
    const replaced = files.filter((f) => /^queue\.db\.replaced-\d{4}-\d{2}-\d{2}-\d{6}$/.test(f));
    expect(replaced).toHaveLength(1);
    expect(restored.stdout).toContain(replaced[0]);
    // No temporary file left, and the restore released the folder.
    expect(files.filter((f) => f.includes('.restoring-') || f === 'server.lock')).toEqual([]);
    // The replaced database is whole on its own: it has the ticket written after the backup.
    const old = new Database(path.join(a.dataDir, replaced[0]!), { readonly: true, fileMustExist: true });
    try {
      expect(old.prepare('SELECT number FROM tickets WHERE id = ?').get(later.id)).toEqual({ number: later.number });
    } finally {
      old.close();
    }

    const b = await startServer({ dataDir: a.dataDir });
    servers.push(b);
    expect((await fetch(`${b.url}/api/v1/tickets/${kept.id}`)).status).toBe(200);
    expect((await fetch(`${b.url}/api/v1/tickets/${later.id}`)).status).toBe(404);
  });

  it('restore refuses a file that is not a database, and says how to use the command', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bad-'));
    const bad = run(['restore', path.join(repoRoot, 'README.md')], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const usage = run([], dir);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('restore <file>');
  });
});
