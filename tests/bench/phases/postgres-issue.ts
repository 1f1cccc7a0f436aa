// Ticket issue on PostgreSQL (issue 15.6): the real queue-server process (its bundle) with
// DATABASE_URL and a fresh CENTER_ID — each event-loop turn's tickets one transaction — at
// N concurrent clients, against raw single-row PostgreSQL inserts with the same durability
// (each its own autocommit transaction, synchronous_commit on, fsync on: the bench's own
// cluster, scripts/pg.mjs) over a pool of the server's size (4 connections), driven by the
// same generator after the same unmeasured warm-up.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { closedLoop, type LoadResult, type Op } from '../load.ts';
import { poster, expectStatus } from '../http.ts';
import { launch, repoRoot } from '../process.ts';
import { issueBody, KIOSK_AUTH } from '../queue-server.ts';

export interface PgIssueSettings {
  warmup: number;
  concurrency: number;
  total: number;
  maxSeconds: number;
}

export interface PgIssueFigures {
  queueServer: LoadResult;
  pgInserts: LoadResult;
  /** Connections of the baseline's pool (the server's pool size). */
  poolSize: number;
}

const POOL = 4;

async function measured(op: Op, s: PgIssueSettings): Promise<LoadResult> {
  await closedLoop(op, { concurrency: s.concurrency, total: s.warmup, maxSeconds: s.maxSeconds });
  return closedLoop((i) => op(s.warmup + i), { concurrency: s.concurrency, total: s.total, maxSeconds: s.maxSeconds });
}

export async function postgresIssuePhase(s: PgIssueSettings, databaseUrl: string, log: (m: string) => void): Promise<PgIssueFigures> {
  log(`  ${s.concurrency} concurrent clients, ${s.warmup} to warm up, then up to ${s.total} each; PostgreSQL with fsync and synchronous_commit on`);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL });
  const table = `bench_tickets_${randomBytes(4).toString('hex')}`;
  await pool.query(`CREATE TABLE ${table} (id TEXT PRIMARY KEY, center_id TEXT NOT NULL, number TEXT NOT NULL, service_id TEXT NOT NULL, status TEXT NOT NULL, issued_at BIGINT NOT NULL, body TEXT NOT NULL)`);
  const body = JSON.stringify({ serviceId: 'ho-tich', channel: 'kiosk', kioskId: 'kiosk-1' });
  const insert: Op = async (i) =>
    void (await pool.query({ name: `ins-${table}`, text: `INSERT INTO ${table} VALUES ($1, $2, $3, $4, $5, $6, $7)`, values: [`t${i}`, 'bench', String(1000 + i), 'ho-tich', 'waiting', Date.now(), body] }));
  const pgInserts = await measured(insert, s);
  await pool.query(`DROP TABLE ${table}`);
  await pool.end();
  log(`    raw PostgreSQL inserts: ${pgInserts.perSecond}/s`);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-pg-'));
  const server = await launch(path.join(repoRoot, 'queue-server/dist/server/main.js'), {
    key: 'QUEUE_SERVER_URL',
    env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, CENTER_ID: `bench-${randomBytes(4).toString('hex')}` },
  });
  const http = poster(server.url, s.concurrency);
  const run = `${process.pid}-${Date.now()}`;
  try {
    const queueServer = await measured(async (i) => expectStatus([201], await http.post('/api/v1/tickets', issueBody(i), { ...KIOSK_AUTH, 'idempotency-key': `bench-pg-${run}-${i}` })), s);
    log(`    queue-server on PostgreSQL: ${queueServer.perSecond}/s`);
    return { queueServer, pgInserts, poolSize: POOL };
  } finally {
    http.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
