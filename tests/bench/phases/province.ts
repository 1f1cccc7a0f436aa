// The province server (issue 15.6), on the bench's own PostgreSQL (scripts/pg.mjs):
// - ingest: the real province process (`npm run province`, DATABASE_URL) taking centres'
//   batches of 300 events (POST /api/v1/province/events, the shipper's page) from N
//   centres at once, each centre's batches in order — against raw `COPY … FROM STDIN`
//   of the same rows into the same table (province_events) over a pool of the province's
//   size (4 connections), the same generator, the same warm-up. Events per second.
// - board refresh with 500 centres, each with a day of 100 visits (300 events): every
//   centre's row recomputed from the store through the KPIs (ProvinceBoard.start, what
//   the province does at start and at a new day) — against the raw SELECTs it makes
//   (each centre's visitEvents, no KPIs). Median of the rounds.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { dayKey, dayStart } from '../../../queue-server/src/domain/index.ts';
import { ProvinceBoard } from '../../../queue-server/src/province/board.ts';
import { DEMO_REGISTRY, type Registry } from '../../../queue-server/src/province/registry.ts';
import type { ShippedEvent } from '../../../queue-server/src/province/wire.ts';
import { PostgresProvinceStore } from '../../../queue-server/src/store/province/postgres.ts';
import { opensVisit } from '../../../queue-server/src/store/province/port.ts';
import { closedLoop, type LoadResult, type Op } from '../load.ts';
import { poster, expectStatus } from '../http.ts';
import { launch, repoRoot } from '../process.ts';

export interface ProvinceSettings {
  /** Centres sending at once. */
  centres: number;
  batch: number;
  warmupBatches: number;
  batches: number;
  maxSeconds: number;
  boardCentres: number;
  visitsPerCentre: number;
  boardRounds: number;
}

export interface ProvinceFigures {
  ingest: { province: LoadResult; copy: LoadResult; eventsPerSecond: { province: number; copy: number }; batch: number; centres: number };
  board: { centres: number; events: number; refreshMs: number[]; selectMs: number[]; medianRefreshMs: number; medianSelectMs: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A centre's k-th page of `n` events: visits of three (issued, called, finished) starting at `from`. */
function page(k: number, n: number, from: number, spacingMs: number): ShippedEvent[] {
  return Array.from({ length: n }, (_, j) => {
    const id = k * n + j + 1;
    const v = Math.floor((id - 1) / 3);
    const step = (id - 1) % 3;
    const type = (['issued', 'called', 'finished'] as const)[step]!;
    const data = step === 0 ? { leg: 0, channel: 'kiosk' } : step === 1 ? { callCount: 1, fromStatus: 'waiting' } : { outcome: 'received' };
    return { id, at: from + v * spacingMs + step * 60_000, type, ticketId: `t${v}`, visitId: `v${v}`, serviceId: 'ho-tich', counterId: step ? 'quay-1' : null, actor: step ? 'staff:0123456789abcdef' : null, data };
  });
}

const csvCell = (v: unknown) => (v === null ? '' : `"${String(v).replaceAll('"', '""')}"`);
const csvOf = (centreId: string, events: ShippedEvent[]) =>
  events.map((e) => [centreId, e.id, e.at, dayKey(e.at), e.type, e.ticketId, e.visitId, e.serviceId, e.counterId, e.actor, JSON.stringify(e.data), opensVisit(e)].map(csvCell).join(',')).join('\n') + '\n';
const COPY_SQL = 'COPY province_events (centre_id, event_id, at, day, type, ticket_id, visit_id, service_id, counter_id, actor, data, opens_visit) FROM STDIN (FORMAT csv)';

async function copyRows(pool: pg.Pool, csv: string): Promise<void> {
  const c = await pool.connect();
  try {
    await pipeline(Readable.from([csv]), c.query(copyFrom(COPY_SQL)));
  } finally {
    c.release();
  }
}

/** Each op sends one page of a free centre (at most `centres` in flight, so one is always free): a centre's pages stay in order. */
function perCentre(centres: string[], send: (centreId: string, k: number) => Promise<void>): Op {
  const free = [...centres];
  const next = new Map(centres.map((c) => [c, 0]));
  return async () => {
    const c = free.shift()!;
    const k = next.get(c)!;
    next.set(c, k + 1);
    try {
      await send(c, k);
    } finally {
      free.push(c);
    }
  };
}

async function ingestPhase(s: ProvinceSettings, databaseUrl: string, log: (m: string) => void): Promise<ProvinceFigures['ingest']> {
  const run = randomBytes(3).toString('hex');
  const yesterday = dayStart(dayKey(Date.now())) - 86_400_000 + 7 * 3600_000;
  const run2 = (label: string, op: Op) =>
    closedLoop(op, { concurrency: s.centres, total: s.warmupBatches, maxSeconds: s.maxSeconds }).then(() => closedLoop(op, { concurrency: s.centres, total: s.batches, maxSeconds: s.maxSeconds })).then((r) => {
      log(`    ${label}: ${r.perSecond * s.batch} events/s (${r.perSecond} batches/s, p99 ${r.p99Ms} ms)`);
      return r;
    });

  // The floor: COPY of the same rows into the same table (the schema made by the province store).
  (await PostgresProvinceStore.open(databaseUrl)).close();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const copyCentres = Array.from({ length: s.centres }, (_, i) => `copy-${run}-${i}`);
  const copy = await run2('raw COPY', perCentre(copyCentres, (c, k) => copyRows(pool, csvOf(c, page(k, s.batch, yesterday, 1000)))));
  await pool.end();

  const ingestCentres = Array.from({ length: s.centres }, (_, i) => `ingest-${run}-${i}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-province-'));
  const registryFile = path.join(dir, 'centres.json');
  writeFileSync(registryFile, JSON.stringify({ name: 'Tỉnh (bench)', centres: ingestCentres.map((id) => ({ id, name: id, district: 'Huyện A' })), users: DEMO_REGISTRY.users }));
  const province = await launch(path.join(repoRoot, 'queue-server/src/province/main.ts'), {
    key: 'PROVINCE_SERVER_URL',
    env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, DEMO: '1', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, PROVINCE_CENTRES: registryFile },
  });
  const http = poster(province.url, s.centres);
  try {
    const send = async (c: string, k: number) =>
      expectStatus([200], await http.post('/api/v1/province/events', { events: page(k, s.batch, yesterday, 1000) }, { authorization: `Bearer demo-province-${c}` }));
    const provinceR = await run2('province ingest', perCentre(ingestCentres, send));
    return { province: provinceR, copy, eventsPerSecond: { province: provinceR.perSecond * s.batch, copy: copy.perSecond * s.batch }, batch: s.batch, centres: s.centres };
  } finally {
    http.close();
    await province.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function boardPhase(s: ProvinceSettings, databaseUrl: string, log: (m: string) => void): Promise<ProvinceFigures['board']> {
  const run = randomBytes(3).toString('hex');
  const registry: Registry = { ...DEMO_REGISTRY, centres: Array.from({ length: s.boardCentres }, (_, i) => ({ id: `board-${run}-${String(i).padStart(3, '0')}`, name: `Trung tâm ${i}`, district: `Huyện ${i % 11}` })) };
  // Today's visits, spread from midnight to now (+07:00), written with COPY.
  const today = dayStart(dayKey(Date.now()));
  const spacing = Math.max(1, Math.floor((Date.now() - 120_000 - today) / s.visitsPerCentre));
  const store = await PostgresProvinceStore.open(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  try {
    const events = s.visitsPerCentre * 3;
    await Promise.all(Array.from({ length: 4 }, async (_, w) => {
      for (let i = w; i < registry.centres.length; i += 4) await copyRows(pool, csvOf(registry.centres[i]!.id, page(0, events, today, spacing)));
    }));
    log(`    ${registry.centres.length} centres × ${events} events of today written`);
    const refreshMs: number[] = [];
    const selectMs: number[] = [];
    const day = dayKey(Date.now());
    for (let r = 0; r < s.boardRounds; r++) {
      let t = performance.now();
      await Promise.all(registry.centres.map((c) => store.visitEvents(c.id, day, day)));
      selectMs.push(performance.now() - t);
      const board = new ProvinceBoard(store, registry, Date.now);
      t = performance.now();
      await board.start();
      refreshMs.push(performance.now() - t);
      const rows = await board.rows();
      if (rows.length !== registry.centres.length || rows.some((x) => x.issued !== s.visitsPerCentre)) throw new Error('the board did not count every centre’s day');
    }
    const round = (xs: number[]) => xs.map((x) => Math.round(x * 10) / 10);
    const f = { centres: registry.centres.length, events: registry.centres.length * events, refreshMs: round(refreshMs), selectMs: round(selectMs), medianRefreshMs: Math.round(median(refreshMs)), medianSelectMs: Math.round(median(selectMs)) };
    log(`    board refresh ${f.medianRefreshMs} ms (raw SELECTs ${f.medianSelectMs} ms), median of ${s.boardRounds}`);
    return f;
  } finally {
    await pool.end();
    await store.close();
  }
}

export async function provincePhase(s: ProvinceSettings, databaseUrl: string, log: (m: string) => void): Promise<ProvinceFigures> {
  log(`  ingest: ${s.centres} centres at once, pages of ${s.batch}, ${s.warmupBatches} pages to warm up, then up to ${s.batches} or ${s.maxSeconds} s`);
  const ingest = await ingestPhase(s, databaseUrl, log);
  log(`  board: ${s.boardCentres} centres × ${s.visitsPerCentre} visits today, ${s.boardRounds} rounds`);
  const board = await boardPhase(s, databaseUrl, log);
  return { ingest, board };
}
