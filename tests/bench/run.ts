// The whole benchmark: every figure with its baseline, measured in one run.
import os from 'node:os';
import { issuePhase, type IssueFigures, type IssueSettings } from './phases/issue.ts';
import { realtimePhase, type RealtimeFigures, type RealtimeSettings } from './phases/realtime.ts';
import { busyDayPhase, type MemoryFigures } from './phases/memory.ts';
import { restartPhase, type RestartFigures } from './phases/restart.ts';
import { startSwarm } from './swarm.ts';

export interface BenchSettings {
  issue: IssueSettings;
  realtime: RealtimeSettings;
  dayTickets: number;
  /** Restarts measured per start command (the median is kept). */
  restarts: number;
}

export const FULL: BenchSettings = {
  issue: { warmup: 1000, concurrency: 100, total: 2000, maxSeconds: 30, rate: 50, rateSeconds: 20 },
  realtime: { sockets: 1000, calls: 30, gapMs: 200 },
  dayTickets: 1500,
  restarts: 5,
};

/** A run of seconds that only proves the harness works (the smoke spec). */
export const QUICK: BenchSettings = {
  issue: { warmup: 20, concurrency: 10, total: 100, maxSeconds: 10, rate: 50, rateSeconds: 1 },
  realtime: { sockets: 20, calls: 3, gapMs: 50 },
  dayTickets: 24,
  restarts: 1,
};

export interface BenchResult {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string };
  settings: BenchSettings;
  issue: IssueFigures;
  realtime: RealtimeFigures;
  memory: MemoryFigures & { bareSocketIoRssBytes: number };
  restart: RestartFigures;
  seconds: number;
}

export async function runBench(s: BenchSettings, log: (m: string) => void = () => {}): Promise<BenchResult> {
  const t0 = Date.now();
  log('Restart: spawn to healthy');
  const restart = await restartPhase(s.restarts, log);
  log('Issue over HTTP');
  const issue = await issuePhase(s.issue, log);
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
