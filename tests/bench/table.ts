// The benchmark as a table: each figure beside its baseline, the ratio the
// issue's aim is stated in, and whether the aim is met.
import type { BenchResult } from './run.ts';

export interface Row {
  measure: string;
  queueServer: string;
  baseline: string;
  ratio: string;
  aim: string;
  /** null where the issue sets no aim. */
  met: boolean | null;
}

const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const x = (r: number) => `${r.toFixed(2)}×`;

/** The lower of an issue run's two baselines, and its name. */
function lowerBaseline(t: BenchResult['issue']['concurrent']): { perSecond: number; name: string } {
  return t.bareFastify.perSecond <= t.sqlite.perSecond ? { perSecond: t.bareFastify.perSecond, name: 'Fastify' } : { perSecond: t.sqlite.perSecond, name: 'SQLite' };
}

export function rows(r: BenchResult): Row[] {
  const c = r.issue.concurrent;
  const st = r.issue.steady;
  const lower = lowerBaseline(c);
  const rt = r.realtime;
  const n = r.settings.issue.concurrency;
  const cold = r.issue.cold;
  const coldLower = lowerBaseline(cold);
  return [
    {
      measure: `issue throughput, ${n} concurrent clients`,
      queueServer: `${c.queueServer.perSecond}/s`,
      baseline: `bare Fastify ${c.bareFastify.perSecond}/s; SQLite inserts ${c.sqlite.perSecond}/s`,
      ratio: `${x(c.queueServer.perSecond / lower.perSecond)} of ${lower.name}`,
      aim: '≥ 0.5× the lower baseline',
      met: c.queueServer.perSecond >= 0.5 * lower.perSecond,
    },
    {
      measure: `cold start: the first ${r.settings.issue.warmup} issued by a fresh process (the warm-up, not measured above)`,
      queueServer: `${cold.queueServer.perSecond}/s, p99 ${ms(cold.queueServer.p99Ms)}`,
      baseline: `bare Fastify ${cold.bareFastify.perSecond}/s; SQLite inserts ${cold.sqlite.perSecond}/s`,
      ratio: `${x(cold.queueServer.perSecond / coldLower.perSecond)} of ${coldLower.name}`,
      aim: '—',
      met: null,
    },
    {
      measure: `issue latency p50 / p99, ${n} concurrent`,
      queueServer: `${ms(c.queueServer.p50Ms)} / ${ms(c.queueServer.p99Ms)}`,
      baseline: `Fastify ${ms(c.bareFastify.p50Ms)} / ${ms(c.bareFastify.p99Ms)}; SQLite ${ms(c.sqlite.p50Ms)} / ${ms(c.sqlite.p99Ms)}`,
      ratio: `p99 ${x(c.queueServer.p99Ms / c.bareFastify.p99Ms)} of Fastify`,
      aim: '—',
      met: null,
    },
    {
      measure: `issue p99 at a steady ${r.settings.issue.rate}/s`,
      queueServer: ms(st.queueServer.p99Ms),
      baseline: `Fastify ${ms(st.bareFastify.p99Ms)}; SQLite ${ms(st.sqlite.p99Ms)}`,
      ratio: x(st.queueServer.p99Ms / st.bareFastify.p99Ms) + ' of Fastify',
      aim: '< 10 ms',
      met: st.queueServer.p99Ms < 10,
    },
    {
      measure: `call-to-board p50 / p99, ${rt.queueServer.clients} clients`,
      queueServer: `${ms(rt.queueServer.p50Ms)} / ${ms(rt.queueServer.p99Ms)}`,
      baseline: `bare socket.io ${ms(rt.bareSocketIo.p50Ms)} / ${ms(rt.bareSocketIo.p99Ms)}`,
      ratio: `p99 ${x(rt.queueServer.p99Ms / rt.bareSocketIo.p99Ms)}`,
      aim: 'p99 ≤ 1.5× bare',
      met: rt.queueServer.p99Ms <= 1.5 * rt.bareSocketIo.p99Ms && rt.queueServer.missing === 0,
    },
    {
      measure: `RSS after ${r.memory.tickets} tickets, ${r.memory.sockets} sockets`,
      queueServer: mb(r.memory.rssAfterDayBytes),
      baseline: `idle queue-server ${mb(r.memory.rssIdleBytes)}; bare socket.io + ${r.memory.sockets} sockets ${mb(r.memory.bareSocketIoRssBytes)}`,
      ratio: `${x(r.memory.rssAfterDayBytes / r.memory.bareSocketIoRssBytes)} of bare socket.io`,
      aim: '< 200 MB',
      met: r.memory.rssAfterDayBytes < 200 * 1024 * 1024,
    },
    {
      measure: `restart to healthy (median of ${r.restart.rounds}), data folder in use`,
      queueServer: `bundle on node ${(r.restart.bundleMs / 1000).toFixed(2)} s`,
      baseline: `from source under tsx ${(r.restart.sourceMs / 1000).toFixed(2)} s; bare node HTTP ${(r.restart.bareNodeMs / 1000).toFixed(2)} s`,
      ratio: `${x(r.restart.bundleMs / r.restart.sourceMs)} of source`,
      aim: '< 5 s',
      met: r.restart.bundleMs < 5000,
    },
  ];
}

/** The rows of issue 15.6 (PostgreSQL, the province server). */
export function postgresRows(r: Pick<BenchResult, 'postgres' | 'province' | 'settings'>): Row[] {
  const p = r.postgres;
  const i = r.province.ingest;
  const b = r.province.board;
  return [
    {
      measure: `issue throughput on PostgreSQL, ${r.settings.postgres.concurrency} concurrent clients`,
      queueServer: `${p.queueServer.perSecond}/s, p99 ${ms(p.queueServer.p99Ms)}`,
      baseline: `raw single-row PostgreSQL inserts (autocommit, fsync + synchronous_commit on, pool of ${p.poolSize}) ${p.pgInserts.perSecond}/s, p99 ${ms(p.pgInserts.p99Ms)}`,
      ratio: `${x(p.queueServer.perSecond / p.pgInserts.perSecond)} of raw inserts`,
      aim: '—',
      met: null,
    },
    {
      measure: `province ingest, ${i.centres} centres at once, pages of ${i.batch}`,
      queueServer: `${i.eventsPerSecond.province} events/s`,
      baseline: `raw COPY into province_events (pool of 4) ${i.eventsPerSecond.copy} events/s`,
      ratio: `${x(i.eventsPerSecond.province / i.eventsPerSecond.copy)} of COPY`,
      aim: '—',
      met: null,
    },
    {
      measure: `province board refresh, ${b.centres} centres (${b.events} events today), median of ${b.refreshMs.length}`,
      queueServer: `${b.medianRefreshMs} ms`,
      baseline: `the same ${b.centres} raw SELECTs (visitEvents, no KPIs) ${b.medianSelectMs} ms`,
      ratio: `${x(b.medianRefreshMs / b.medianSelectMs)} of the SELECTs`,
      aim: '—',
      met: null,
    },
  ];
}

export function markdown(r: BenchResult): string {
  const head = '| measure | queue-server | baseline (same run) | ratio | aim | met |\n|---|---|---|---|---|---|';
  const body = [...rows(r), ...postgresRows(r)]
    .map((w) => `| ${w.measure} | ${w.queueServer} | ${w.baseline} | ${w.ratio} | ${w.aim} | ${w.met === null ? '—' : w.met ? 'yes' : '**no**'} |`)
    .join('\n');
  return `${head}\n${body}`;
}
