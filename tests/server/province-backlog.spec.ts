// Issue 15.4: days of backlog ship in batches without blocking the hall. A centre (a real
// queue-server process) holds three past days of events (60,000, written into its SQLite
// log while it was stopped) that never reached its province (the link, a TCP proxy the test
// controls, was cut). When the link returns, the backlog goes page after page while the
// hall issues numbers and answers its board: every answer comes while the province is
// still catching up, and at the end the province holds every event once, in order.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { dayKey, dayStart, type DomainEvent } from '../../queue-server/src/domain/index.ts';
import { SqlitePort, Store } from '../../queue-server/src/store/index.ts';
import { ApiClient } from '../support/api.ts';
import { startProvince } from '../support/province.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';

const CENTRE = 'xa-ton-dong';
const VISITS_PER_DAY = 6_667;
const running: { stop(): Promise<void> }[] = [];
afterAll(async () => {
  for (const r of running.splice(0).reverse()) await r.stop();
});

async function until(what: () => Promise<boolean> | boolean, ms: number, label: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const readLog = (file: string, sql: string): string[] => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(sql).all() as { id: number; type: string; ticket: string }[]).map((e) => `${e.id}:${e.type}:${e.ticket}`);
  } finally {
    db.close();
  }
};
const centreLog = (c: RunningServer) => readLog(path.join(c.dataDir, 'queue.db'), 'SELECT id, type, ticket_id AS ticket FROM events ORDER BY id');

/** One visit of a past day: issued, called, finished. */
function visit(day: number, i: number): DomainEvent[] {
  const at = dayStart(dayKey(Date.now())) - day * 86_400_000 + 7.5 * 3600_000 + i * 3000;
  const base = { ticketId: `old-${day}-${i}`, visitId: `old-${day}-${i}`, serviceId: 'ho-tich' };
  return [
    { ...base, at, type: 'issued', counterId: null, actor: null, data: { leg: 0, channel: 'kiosk' } },
    { ...base, at: at + 60_000, type: 'called', counterId: 'quay-1', actor: 'quay1', data: { callCount: 1, fromStatus: 'waiting' } },
    { ...base, at: at + 300_000, type: 'finished', counterId: 'quay-1', actor: 'quay1', data: { outcome: 'received' } },
  ];
}

describe('a backlog of days', () => {
  it('ships in batches when the link returns, the hall answering all along; every event once, in order', { timeout: 600_000 }, async () => {
    const registryFile = path.join(process.env.TMPDIR ?? '/tmp', `province-backlog-${process.pid}.json`);
    writeFileSync(registryFile, JSON.stringify({ name: 'Tỉnh thử nghiệm', centres: [{ id: CENTRE, name: 'Bộ phận Một cửa xã Tòng Đông', district: 'Huyện Chương Mỹ' }], users: [] }));
    const province = await startProvince({ env: { PROVINCE_CENTRES: registryFile } });
    running.push(province);
    const link = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(province.url).port) });
    running.push(link);
    link.cut();
    const centre = await startServer({ env: { CENTER_ID: CENTRE, PROVINCE_URL: link.url, PROVINCE_TOKEN: `demo-province-${CENTRE}`, PROVINCE_RETRY_MAX_MS: '2000' } });
    running.push(centre);

    // Three days the province never got, written into the centre's log while it is stopped.
    await centre.stop();
    const store = new SqlitePort(Store.open({ file: path.join(centre.dataDir, 'queue.db'), groupCommit: true }));
    for (const day of [3, 2, 1]) for (let i = 0; i < VISITS_PER_DAY; i += 1000) await store.commit({ events: Array.from({ length: Math.min(1000, VISITS_PER_DAY - i) }, (_, k) => visit(day, i + k)).flat() });
    await store.close();
    await centre.restart();
    const backlog = centreLog(centre).length;
    expect(backlog).toBeGreaterThanOrEqual(60_000);

    const provinceFile = path.join(province.dataDir, 'province.db');
    const heldCount = () => {
      const db = new Database(provinceFile, { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM province_events WHERE centre_id = ?').get(CENTRE) as { n: number }).n;
      } finally {
        db.close();
      }
    };
    expect(heldCount()).toBe(0);

    link.restore();
    const kiosk = new ApiClient(centre.url, { authorization: 'Bearer demo-kiosk-1' });
    const seen = new Set<number>();
    let answeredWhileBehind = 0;
    let issued = 0;
    // The hall at work while the backlog ships: a number, then the board's view, again and again.
    while (heldCount() < backlog) {
      const r = await kiosk.post('/api/v1/tickets', { serviceId: 'ho-tich' });
      expect(r.status).toBe(201);
      issued++;
      expect((await new ApiClient(centre.url).get('/api/v1/queue')).status).toBe(200);
      const n = heldCount();
      seen.add(n);
      if (n < backlog) answeredWhileBehind++;
      await new Promise((r) => setTimeout(r, 50));
    }
    // The province caught up step by step (several batches seen part-way), and the hall answered meanwhile.
    expect([...seen].filter((n) => n > 0 && n < backlog).length).toBeGreaterThanOrEqual(3);
    expect(answeredWhileBehind).toBeGreaterThanOrEqual(5);

    const expected = centreLog(centre);
    expect(expected.filter((e) => e.includes(':issued:') && !e.includes(':old-'))).toHaveLength(issued);
    await until(() => heldCount() >= expected.length, 120_000, 'the province to hold the whole log');
    expect(readLog(provinceFile, `SELECT event_id AS id, type, ticket_id AS ticket FROM province_events WHERE centre_id = '${CENTRE}' ORDER BY event_id`)).toEqual(expected);
  });
});
