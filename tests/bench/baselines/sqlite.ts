// Baseline: one durable single-row insert per operation into SQLite with the
// queue-server's settings (WAL, synchronous=FULL): the floor under any ticket
// that must survive a power cut once acknowledged.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SqliteTarget {
  insert(i: number): Promise<void>;
  close(): void;
}

export function sqliteTarget(): SqliteTarget {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-sqlite-'));
  const db = new Database(path.join(dir, 'bench.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE tickets (id TEXT PRIMARY KEY, number TEXT NOT NULL, service_id TEXT NOT NULL, status TEXT NOT NULL, issued_at INTEGER NOT NULL, body TEXT NOT NULL)');
  const stmt = db.prepare('INSERT INTO tickets (id, number, service_id, status, issued_at, body) VALUES (?, ?, ?, ?, ?, ?)');
  const body = JSON.stringify({ serviceId: 'ho-tich', channel: 'kiosk', kioskId: 'kiosk-1' });
  return {
    // Autocommit: each insert is its own durable transaction, as each issued ticket is.
    insert: async (i) => void stmt.run(`t${i}`, String(1000 + i), 'ho-tich', 'waiting', Date.now(), body),
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
