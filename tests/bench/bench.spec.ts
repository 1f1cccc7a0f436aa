// Smoke test of the benchmark harness in its quick mode: every figure and its
// baseline come out as finite numbers. It asserts no time: a benchmark prints.
import { describe, expect, it } from 'vitest';
import { QUICK, runBench, type BenchResult } from './run.ts';
import { postgresRows, rows } from './table.ts';

const finite = (label: string, v: number) => expect(Number.isFinite(v), `${label} = ${v}`).toBe(true);

describe('benchmark harness (quick mode)', () => {
  it('measures every figure beside its baseline', async () => {
    const r: BenchResult = await runBench(QUICK);
    const { cold, concurrent, steady } = r.issue;
    const prefixed = (p: string, o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`${p}.${k}`, v]));
    for (const [name, l] of Object.entries({ ...concurrent, ...prefixed('steady', steady), ...prefixed('cold', cold) }) as [string, typeof concurrent.sqlite][]) {
      finite(`${name}.perSecond`, l.perSecond);
      finite(`${name}.p50Ms`, l.p50Ms);
      finite(`${name}.p99Ms`, l.p99Ms);
      expect(l.ops, name).toBeGreaterThan(0);
      expect(l.errors, name).toBe(0);
    }
    for (const side of [r.realtime.queueServer, r.realtime.bareSocketIo]) {
      finite('call p50', side.p50Ms);
      finite('call p99', side.p99Ms);
      // Every client got every call.
      expect(side.missing).toBe(0);
      expect(side.deliveries).toBe(QUICK.realtime.sockets * QUICK.realtime.calls);
    }
    finite('rss after day', r.memory.rssAfterDayBytes);
    finite('rss idle', r.memory.rssIdleBytes);
    finite('rss bare', r.memory.bareSocketIoRssBytes);
    expect(r.memory.served).toBe(QUICK.dayTickets);
    finite('restart bundle', r.restart.bundleMs);
    finite('restart source', r.restart.sourceMs);
    finite('restart bare node', r.restart.bareNodeMs);
    expect(rows(r)).toHaveLength(7);
    // Issue 15.6: PostgreSQL and the province, each beside its baseline.
    for (const [name, l] of Object.entries({ pg: r.postgres.queueServer, pgInserts: r.postgres.pgInserts, ingest: r.province.ingest.province, copy: r.province.ingest.copy })) {
      finite(`${name}.perSecond`, l.perSecond);
      expect(l.ops, name).toBeGreaterThan(0);
      expect(l.errors, name).toBe(0);
    }
    finite('board refresh', r.province.board.medianRefreshMs);
    finite('board selects', r.province.board.medianSelectMs);
    expect(postgresRows(r)).toHaveLength(3);
  }, 120_000);
});
