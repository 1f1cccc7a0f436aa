// Ticket issue over real HTTP: throughput and latency at 100 concurrent
// clients, and p99 at a steady 50 tickets a second — the queue-server against
// a bare Fastify echo of the same body and raw durable SQLite inserts, all
// driven by the same generator.
import path from 'node:path';
import { closedLoop, openLoop, type LoadResult, type Op } from '../load.ts';
import { poster, expectStatus } from '../http.ts';
import { launch, repoRoot } from '../process.ts';
import { sqliteTarget } from '../baselines/sqlite.ts';
import { startQueueServer, issueBody } from '../queue-server.ts';

export interface IssueSettings {
  concurrency: number;
  total: number;
  maxSeconds: number;
  rate: number;
  rateSeconds: number;
}

export interface IssueFigures {
  concurrent: { queueServer: LoadResult; bareFastify: LoadResult; sqlite: LoadResult };
  steady: { queueServer: LoadResult; bareFastify: LoadResult; sqlite: LoadResult };
}

type Mode = (op: Op) => Promise<LoadResult>;

/** Runs `mode` against each target, each on a fresh process or file. */
async function eachTarget(mode: Mode, s: IssueSettings, log: (m: string) => void) {
  const sqlite = sqliteTarget();
  const sqliteResult = await mode(sqlite.insert);
  sqlite.close();
  log(`    sqlite inserts: ${sqliteResult.perSecond}/s`);

  const bare = await launch(path.join(repoRoot, 'tests/bench/baselines/bare-fastify.ts'), { key: 'BARE_URL' });
  const bareHttp = poster(bare.url, s.concurrency);
  const bareResult = await mode(async (i) => expectStatus([201], await bareHttp.post('/api/v1/tickets', issueBody(i))));
  bareHttp.close();
  await bare.stop();
  log(`    bare Fastify: ${bareResult.perSecond}/s`);

  const server = await startQueueServer();
  const http = poster(server.url, s.concurrency);
  const run = `${process.pid}-${Date.now()}`;
  const serverResult = await mode(async (i) => expectStatus([201], await http.post('/api/v1/tickets', issueBody(i), { 'idempotency-key': `bench-${run}-${i}` })));
  http.close();
  await server.stop();
  log(`    queue-server: ${serverResult.perSecond}/s`);
  return { queueServer: serverResult, bareFastify: bareResult, sqlite: sqliteResult };
}

export async function issuePhase(s: IssueSettings, log: (m: string) => void): Promise<IssueFigures> {
  log(`  ${s.concurrency} concurrent clients, up to ${s.total} tickets or ${s.maxSeconds} s each`);
  const concurrent = await eachTarget((op) => closedLoop(op, { concurrency: s.concurrency, total: s.total, maxSeconds: s.maxSeconds }), s, log);
  log(`  steady ${s.rate} tickets/s for ${s.rateSeconds} s`);
  const steady = await eachTarget((op) => openLoop(op, { rate: s.rate, seconds: s.rateSeconds }), s, log);
  return { concurrent, steady };
}
