// The whole benchmark: every figure with its baseline, measured in one run.
import os from 'node:os';
import { issuePhase, type IssueFigures, type IssueSettings } from './phases/issue.ts';
import { realtimePhase, type RealtimeFigures, type RealtimeSettings } from './phases/realtime.ts';
import { busyDayPhase, type MemoryFigures } from './phases/memory.ts';
import { restartPhase, type RestartFigures } from './phases/restart.ts';
import { startSwarm } from './swarm.ts';
import { postgresIssuePhase, type PgIssueFigures, type PgIssueSettings } from './phases/postgres-issue.ts';
import { provincePhase, type ProvinceFigures, type ProvinceSettings } from './phases/province.ts';
import { startPostgres } from '../../scripts/pg.mjs';

export interface BenchSettings {
  issue: IssueSettings;
  realtime: RealtimeSettings;
  dayTickets: number;
  /** Restarts measured per start command (the median is kept). */
  restarts: number;
  /** Issue 15.6: the queue-server on PostgreSQL, and the province server (on the bench's own PostgreSQL). */
  postgres: PgIssueSettings;
  province: ProvinceSettings;
}

export const FULL: BenchSettings = {
  issue: { warmup: 1000, concurrency: 100, total: 2000, maxSeconds: 30, rate: 50, rateSeconds: 20 },
  realtime: { sockets: 1000, calls: 30, gapMs: 200 },
  dayTickets: 1500,
  restarts: 5,
  postgres: { warmup: 1000, concurrency: 100, total: 2000, maxSeconds: 30 },
  province: { centres: 20, batch: 300, warmupBatches: 20, batches: 400, maxSeconds: 30, boardCentres: 500, visitsPerCentre: 100, boardRounds: 5 },
};

/** A run of seconds that only proves the harness works (the smoke spec). */
export const QUICK: BenchSettings = {
  issue: { warmup: 20, concurrency: 10, total: 100, maxSeconds: 10, rate: 50, rateSeconds: 1 },
  realtime: { sockets: 20, calls: 3, gapMs: 50 },
  dayTickets: 24,
  restarts: 1,
  postgres: { warmup: 20, concurrency: 10, total: 100, maxSeconds: 10 },
  province: { centres: 4, batch: 30, warmupBatches: 4, batches: 20, maxSeconds: 10, boardCentres: 20, visitsPerCentre: 5, boardRounds: 1 },
};

export interface BenchResult {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string };
  settings: BenchSettings;
  issue: IssueFigures;
  realtime: RealtimeFigures;
  memory: MemoryFigures & { bareSocketIoRssBytes: number };
  restart: RestartFigures;
  postgres: PgIssueFigures;
  province: ProvinceFigures;
  seconds: number;
}

export async function runBench(s: BenchSettings, log: (m: string) => void = () => {}): Promise<BenchResult> {
  const t0 = Date.now();
  log('Restart: spawn to healthy');
  const restart = await restartPhase(s.restarts, log);
  log('Issue over HTTP');
  const issue = await issuePhase(s.issue, log);
  const { postgres, province } = await postgresPhases(s, log);
  log(`Call to board with ${s.realtime.sockets} socket.io clients`);
  const swarm = await startSwarm();
  try {
    const rt = await realtimePhase(s.realtime, swarm, log);
    try {
      log(`Busy day: ${s.dayTickets} tickets issued and served with the clients connected`);
      const memory = await busyDayPhase(rt.server, { tickets: s.dayTickets, sockets: s.realtime.sockets, rssIdleBytes: rt.rssIdleBytes }, log);
      return {
        generatedAt: new Date().toISOString(),
        machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${os.platform()} ${os.release()}` },
        settings: s,
        issue,
        realtime: rt.figures,
        memory: { ...memory, bareSocketIoRssBytes: rt.figures.bareRssBytes },
        restart,
        postgres,
        province,
        seconds: Math.round((Date.now() - t0) / 1000),
      };
    } finally {
      await swarm.disconnect().catch(() => {});
      await rt.server.stop();
    }
  } finally {
    await swarm.stop();
  }
}

/** The PostgreSQL rows (issue 15.6) on a cluster of their own, stopped after. */
export async function postgresPhases(s: Pick<BenchSettings, 'postgres' | 'province'>, log: (m: string) => void): Promise<{ postgres: PgIssueFigures; province: ProvinceFigures }> {
  const cluster = startPostgres();
  try {
    log('Issue on PostgreSQL');
    const postgres = await postgresIssuePhase(s.postgres, cluster.url, log);
    log('Province server on PostgreSQL');
    const province = await provincePhase(s.province, cluster.url, log);
    return { postgres, province };
  } finally {
    cluster.stop();
  }
}
