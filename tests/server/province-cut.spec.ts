// Issue 15.4, the done-when's cut: a centre (a real queue-server process) ships to a real
// province server (a process, on the test command's PostgreSQL) through a TCP proxy the
// test controls. The link is cut for two real minutes — live connections dropped, new
// ones held unanswered — while the hall issues and calls; every answer comes, and nothing
// reaches the province. When the link returns, every event is at the province exactly
// once, in the centre's order, and the board counts the day.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { freshCenterId, testDatabaseUrl } from '../../queue-server/src/store/postgres/test-pg.ts';
import { PostgresProvinceStore } from '../../queue-server/src/store/province/postgres.ts';
import { ApiClient } from '../support/api.ts';
import { startProvince } from '../support/province.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';

const CUT_MS = 120_000;
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

const centreLog = (c: RunningServer): string[] => {
  const db = new Database(path.join(c.dataDir, 'queue.db'), { readonly: true });
  try {
    return (db.prepare('SELECT id, type, ticket_id FROM events ORDER BY id').all() as { id: number; type: string; ticket_id: string }[]).map((e) => `${e.id}:${e.type}:${e.ticket_id}`);
  } finally {
    db.close();
  }
};

describe('a centre whose province link is cut for two minutes', () => {
  it('keeps issuing and calling through the cut; after it every event is at the province once, in order', { timeout: CUT_MS + 240_000 }, async () => {
    const id = freshCenterId('xa-cat');
    const dbUrl = testDatabaseUrl();
    const registryFile = path.join(process.env.TMPDIR ?? '/tmp', `province-${id}.json`);
    writeFileSync(
      registryFile,
      JSON.stringify({ name: 'Tỉnh thử nghiệm', centres: [{ id, name: 'Bộ phận Một cửa xã Cát', district: 'Huyện Chợ Mới' }], users: [{ username: 'tinh', passwordHash: 'demo:demo', role: 'manager' }] }),
    );
    const province = await startProvince({ env: { PROVINCE_CENTRES: registryFile, DATABASE_URL: dbUrl } });
    running.push(province);
    const link = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(province.url).port) });
    running.push(link);
    const centre = await startServer({ env: { CENTER_ID: id, PROVINCE_URL: link.url, PROVINCE_TOKEN: `demo-province-${id}`, PROVINCE_RETRY_MAX_MS: '5000' } });
    running.push(centre);
    const store = await PostgresProvinceStore.open(dbUrl);
    running.push({ stop: () => store.close() });
    const held = async () => (await store.eventsAfter(id, 0, 1_000_000)).map((e) => `${e.id}:${e.type}:${e.ticketId}`);

    const kiosk = new ApiClient(centre.url, { authorization: 'Bearer demo-kiosk-1' });
    const official = new ApiClient(centre.url);
    await official.login('quay1', 'quay-1');
    const services = ['ho-tich', 'chung-thuc', 'dat-dai'];
    let issued = 0;
    let calls = 0;
    const issue = async () => {
      const r = await kiosk.post('/api/v1/tickets', { serviceId: services[issued % services.length] });
      expect(r.status).toBe(201);
      issued++;
    };
    const call = async () => {
      expect([200, 204]).toContain((await official.post('/api/v1/counters/quay-1/call-next')).status);
      calls++;
    };

    for (let i = 0; i < 5; i++) await issue();
    await call();
    await until(async () => (await held()).length === centreLog(centre).length, 60_000, 'the first events to reach the province');

    // The cut: two real minutes of a dead link, the hall at work all along.
    link.cut();
    const cutAt = Date.now();
    const atCut = (await held()).length;
    let turn = 0;
    while (Date.now() - cutAt < CUT_MS) {
      await issue();
      if (turn++ % 4 === 3) await call();
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(centre.output()).toContain('province link down');
    // The shipper kept trying (held connections) and nothing got through.
    expect(link.counts.held).toBeGreaterThan(1);
    expect((await held()).length).toBe(atCut);
    const duringCut = centreLog(centre).length - atCut;
    expect(duringCut).toBeGreaterThan(60);

    link.restore();
    const expected = centreLog(centre);
    await until(async () => (await held()).length >= expected.length, 120_000, 'the centre to catch up after the cut');
    // Exactly once and in the centre's order: the same list, id for id.
    expect(await held()).toEqual(expected);
    expect(expected.filter((e) => e.includes(':issued:'))).toHaveLength(issued);
    expect(expected.filter((e) => e.includes(':called:'))).toHaveLength(calls);

    const office = new ApiClient(province.url);
    expect((await office.post('/api/v1/province/login', { username: 'tinh', password: 'demo' })).status).toBe(200);
    await until(
      async () => (await office.get<{ centres: { centreId: string; issued: number }[] }>('/api/v1/province/centres')).body.centres[0]?.issued === issued,
      30_000,
      'the board to count every number',
    );
    const row = (await office.get<{ centres: { issued: number; waiting: number; served: number }[] }>('/api/v1/province/centres')).body.centres[0]!;
    // Each call took one number out of the queue; each call after the first finished the one before.
    expect(row).toMatchObject({ issued, waiting: issued - calls, served: calls - 1 });
  });
});
