// Issue 15.3–4 end to end: two centres (real queue-server processes, SQLite each) ship
// their event logs to one province server (a real process, on SQLite and on the test
// command's PostgreSQL). The link is cut — the province stopped — while both centres go on
// issuing and calling; when it is back every event is at the province exactly once, in
// each centre's order, and the board's JSON shows both centres' day.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { freshCenterId, testDatabaseUrl } from '../../queue-server/src/store/postgres/test-pg.ts';
import { PostgresProvinceStore } from '../../queue-server/src/store/province/postgres.ts';
import { SqliteProvinceStore } from '../../queue-server/src/store/province/sqlite.ts';
import type { ProvinceStore } from '../../queue-server/src/store/province/port.ts';
import { ApiClient } from '../support/api.ts';
import { startProvince, type RunningProvince } from '../support/province.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const running: { stop(): Promise<void> }[] = [];
afterAll(async () => {
  for (const r of running.splice(0).reverse()) await r.stop();
});

async function until(what: () => Promise<boolean> | boolean, ms: number, label: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const SERVICES = ['ho-tich', 'chung-thuc', 'dat-dai'];
async function issue(c: RunningServer, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const r = await fetch(`${c.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-kiosk-1' },
      body: JSON.stringify({ serviceId: SERVICES[i % SERVICES.length] }),
    });
    expect(r.status).toBe(201);
  }
}

/** The centre's own log, as its SQLite file has it. */
function centreLog(c: RunningServer): string[] {
  const db = new Database(path.join(c.dataDir, 'queue.db'), { readonly: true });
  try {
    return (db.prepare('SELECT id, type, ticket_id FROM events ORDER BY id').all() as { id: number; type: string; ticket_id: string }[]).map((e) => `${e.id}:${e.type}:${e.ticket_id}`);
  } finally {
    db.close();
  }
}

async function provinceLog(store: ProvinceStore, centreId: string): Promise<string[]> {
  return (await store.eventsAfter(centreId, 0, 100_000)).map((e) => `${e.id}:${e.type}:${e.ticketId}`);
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`province link, province on ${kind}`, () => {
    it('two centres ship through a cut link: every event once, in order per centre, and the board shows both', async () => {
      const ids = kind === 'sqlite' ? ['xa-mot', 'xa-hai'] : [freshCenterId('xa-mot'), freshCenterId('xa-hai')];
      const dbUrl = kind === 'postgres' ? testDatabaseUrl() : null;
      const registryFile = path.join(process.env.TMPDIR ?? '/tmp', `province-${ids[0]}.json`);
      writeFileSync(
        registryFile,
        JSON.stringify({
          name: 'Tỉnh thử nghiệm',
          centres: [
            { id: ids[0], name: 'Bộ phận Một cửa xã Một', district: 'Huyện Phú Tân' },
            { id: ids[1], name: 'Bộ phận Một cửa phường Hai', district: 'Thành phố Châu Đốc' },
          ],
          users: [{ username: 'tinh', passwordHash: 'demo:demo', role: 'manager' }],
        }),
      );
      const province: RunningProvince = await startProvince({ env: { PROVINCE_CENTRES: registryFile, ...(dbUrl ? { DATABASE_URL: dbUrl } : {}) } });
      running.push(province);
      const centres = await Promise.all(
        ids.map((id) => startServer({ env: { CENTER_ID: id, PROVINCE_URL: province.url, PROVINCE_TOKEN: `demo-province-${id}`, PROVINCE_RETRY_MAX_MS: '1000' } })),
      );
      running.push(...centres);
      const staff = await Promise.all(
        centres.map(async (c) => {
          const s = new ApiClient(c.url);
          await s.login('quay1', 'quay-1');
          return s;
        }),
      );
      const callNext = async (i: number) => expect([200, 204]).toContain((await staff[i]!.post('/api/v1/counters/quay-1/call-next')).status);

      await Promise.all(centres.map((c) => issue(c, 4)));
      await Promise.all([callNext(0), callNext(1), callNext(1)]);

      // The link is cut: the province stops, the halls go on.
      await province.stop();
      await Promise.all(centres.map((c, i) => issue(c, 6 + i * 3)));
      await Promise.all([callNext(0), callNext(0), callNext(1)]);
      await until(() => centres.every((c) => c.output().includes('province link down')), 30_000, 'both shippers to notice the cut');
      await Promise.all(centres.map((c) => issue(c, 2)));

      await province.start();
      const store = dbUrl ? await PostgresProvinceStore.open(dbUrl) : new SqliteProvinceStore(province.dataDir);
      try {
        for (const [i, c] of centres.entries()) {
          const expected = centreLog(c);
          await until(async () => (await provinceLog(store, ids[i]!)).length >= expected.length, 60_000, `centre ${ids[i]} to catch up`);
          // Exactly once and in the centre's order: the same list, id for id.
          expect(await provinceLog(store, ids[i]!)).toEqual(expected);
          expect(expected.filter((e) => e.includes(':issued:'))).toHaveLength(i === 0 ? 12 : 15);
        }
      } finally {
        await store.close();
      }

      const office = new ApiClient(province.url);
      expect((await office.post('/api/v1/province/login', { username: 'tinh', password: 'demo' })).status).toBe(200);
      type Row = { centreId: string; name: string; district: string; issued: number; served: number; waiting: number };
      let rows: Row[] = [];
      await until(
        async () => {
          rows = (await office.get<{ centres: Row[] }>('/api/v1/province/centres')).body.centres;
          return rows.find((r) => r.centreId === ids[0])?.issued === 12 && rows.find((r) => r.centreId === ids[1])?.issued === 15;
        },
        20_000,
        'the board to show both centres',
      );
      // By district, in Vietnamese order: Huyện … before Thành phố ….
      expect(rows.map((r) => [r.centreId, r.district, r.issued])).toEqual([
        [ids[0], 'Huyện Phú Tân', 12],
        [ids[1], 'Thành phố Châu Đốc', 15],
      ]);
      // Three calls at each counter: three tickets left the queue at each centre, two of them served (a call finishes the current one).
      expect(rows[0]).toMatchObject({ waiting: 12 - 3, served: 2 });
      expect(rows[1]).toMatchObject({ waiting: 15 - 3, served: 2 });
    });
  });
}
