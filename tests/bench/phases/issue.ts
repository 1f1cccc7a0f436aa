// Ticket issue over real HTTP: throughput and latency at 100 concurrent
// clients, and p99 at a steady 50 tickets a second — the queue-server against
// a bare Fastify echo of the same body and raw durable SQLite inserts, all
// driven by the same generator. Every target, on its fresh process or file,
// first takes `warmup` operations at full concurrency that are not measured:
// the figures are of a warm process, as a centre's server is all day (the
// first second of a process is mostly the JIT compiling it). The warm-up's own
// throughput is kept and shown too, as the cold start.
import path from 'node:path';
import { closedLoop, openLoop, type LoadResult, type Op } from '../load.ts';
import { poster, expectStatus } from '../http.ts';
import { launch, repoRoot } from '../process.ts';
import { sqliteTarget } from '../baselines/sqlite.ts';
import { startQueueServer, issueBody, KIOSK_AUTH } from '../queue-server.ts';

export interface IssueSettings {
  /** Operations each target takes, unmeasured, before it is measured. */
  warmup: number;
  concurrency: number;
  total: number;
  maxSeconds: number;
  rate: number;
  rateSeconds: number;
}

interface Targets {
  queueServer: LoadResult;
  bareFastify: LoadResult;
  sqlite: LoadResult;
}

export interface IssueFigures {
  /** The warm-up of the concurrent phase: the first operations of a fresh process. */
  cold: Targets;
  concurrent: Targets;
  steady: Targets;
}

type Mode = (op: Op) => Promise<LoadResult>;

/** Runs `mode` against each target, each on a fresh process or file, after the same warm-up. */
async function eachTarget(mode: Mode, s: IssueSettings, log: (m: string) => void): Promise<{ warm: Targets; measured: Targets }> {
  const warmup = (op: Op) => closedLoop(op, { concurrency: s.concurrency, total: s.warmup, maxSeconds: s.maxSeconds });
  // Operation numbers go on after the warm-up's, so no idempotency key is used twice.
  const both = async (op: Op) => {
    const warm = await warmup(op);
    return { warm, measured: await mode((i) => op(s.warmup + i)) };
  };

  const sqlite = sqliteTarget();
  const sq = await both(sqlite.insert);
  sqlite.close();
  log(`    sqlite inserts: ${sq.measured.perSecond}/s (cold ${sq.warm.perSecond}/s)`);

  const bare = await launch(path.join(repoRoot, 'tests/bench/baselines/bare-fastify.ts'), { key: 'BARE_URL' });
  const bareHttp = poster(bare.url, s.concurrency);
  const bf = await both(async (i) => expectStatus([201], await bareHttp.post('/api/v1/tickets', issueBody(i))));
  bareHttp.close();
  await bare.stop();
  log(`    bare Fastify: ${bf.measured.perSecond}/s (cold ${bf.warm.perSecond}/s)`);

  const server = await startQueueServer();
  const http = poster(server.url, s.concurrency);
  const run = `${process.pid}-${Date.now()}`;
  const qs = await both(async (i) => expectStatus([201], await http.post('/api/v1/tickets', issueBody(i), { ...KIOSK_AUTH, 'idempotency-key': `bench-${run}-${i}` })));
  http.close();
  await server.stop();
  log(`    queue-server: ${qs.measured.perSecond}/s (cold ${qs.warm.perSecond}/s)`);
  return {
    warm: { queueServer: qs.warm, bareFastify: bf.warm, sqlite: sq.warm },
    measured: { queueServer: qs.measured, bareFastify: bf.measured, sqlite: sq.measured },
  };
}

export async function issuePhase(s: IssueSettings, log: (m: string) => void): Promise<IssueFigures> {
  log(`  ${s.concurrency} concurrent clients, ${s.warmup} to warm up, then up to ${s.total} tickets or ${s.maxSeconds} s each`);
  const concurrent = await eachTarget((op) => closedLoop(op, { concurrency: s.concurrency, total: s.total, maxSeconds: s.maxSeconds }), s, log);
  log(`  steady ${s.rate} tickets/s for ${s.rateSeconds} s, after the same warm-up`);
  const steady = await eachTarget((op) => openLoop(op, { rate: s.rate, seconds: s.rateSeconds }), s, log);
  return { cold: concurrent.warm, concurrent: concurrent.measured, steady: steady.measured };
}
