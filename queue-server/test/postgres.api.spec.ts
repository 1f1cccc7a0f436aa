// The server on PostgreSQL whatever TEST_STORE says: the health names the store,
// a COMMIT the database refuses answers 503 storage_failed with nothing half-kept
// in memory, and two centres on one database each see only their own hall.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';
import { freshCenterId, testDatabaseUrl } from '../src/store/postgres/test-pg.ts';

type Err = { error: { code: string; message: string } };
type Ticket = { id: string; number: string };
type Queue = { services: { serviceId: string; waiting: number }[] };

let url: string;
let raw: pg.Client;
const servers: TestServer[] = [];
const start = async (centerId = freshCenterId('api')) => {
  const s = await startTestServer({ store: { kind: 'postgres', url, centerId } });
  servers.push(s);
  return s;
};

beforeAll(async () => {
  url = testDatabaseUrl();
  raw = new pg.Client(url);
  await raw.connect();
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await raw.end();
});

const waitingIn = async (s: TestServer, serviceId: string) => (await s.client().get<Queue>('/api/v1/queue')).body.services.find((x) => x.serviceId === serviceId)!.waiting;

describe('the server on PostgreSQL', () => {
  it('health says store: "postgres"', async () => {
    const s = await start();
    const r = await s.client().get('/api/v1/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', store: 'postgres' });
  });

  it('a refused COMMIT: 503 storage_failed, no ticket in memory or on the board, and the retry with the same key gets one', async () => {
    const centerId = freshCenterId('refused-api');
    const s = await start(centerId);
    const kiosk = s.client({ authorization: 'Bearer demo-kiosk-1' });
    const before = await waitingIn(s, 'ho-kinh-doanh');
    await raw.query('CREATE TABLE IF NOT EXISTS test_refuse_centres (center_id TEXT PRIMARY KEY)');
    await raw.query(`CREATE OR REPLACE FUNCTION test_refuse_centre() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF EXISTS (SELECT 1 FROM test_refuse_centres WHERE center_id = NEW.center_id) THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NULL; END $$`);
    await raw.query('DROP TRIGGER IF EXISTS test_refuse_centre ON tickets');
    await raw.query('CREATE CONSTRAINT TRIGGER test_refuse_centre AFTER INSERT ON tickets DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse_centre()');
    await raw.query('INSERT INTO test_refuse_centres (center_id) VALUES ($1)', [centerId]);
    try {
      const failed = await kiosk.post<Err>('/api/v1/tickets', { serviceId: 'ho-kinh-doanh', channel: 'kiosk' }, { 'idempotency-key': 'pg-refused-1' });
      expect(failed.status).toBe(503);
      expect(failed.body.error.code).toBe('storage_failed');
      expect(failed.body.error.message).toMatch(/^Không lưu được dữ liệu/);
      expect(await waitingIn(s, 'ho-kinh-doanh')).toBe(before);
      const rows = await raw.query('SELECT COUNT(*)::int AS n FROM tickets WHERE center_id = $1', [centerId]);
      expect(rows.rows[0].n).toBe(0);
    } finally {
      await raw.query('DELETE FROM test_refuse_centres WHERE center_id = $1', [centerId]);
    }
    const retry = await kiosk.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-kinh-doanh', channel: 'kiosk' }, { 'idempotency-key': 'pg-refused-1' });
    expect(retry.status).toBe(201);
    expect(await waitingIn(s, 'ho-kinh-doanh')).toBe(before + 1);
    expect((await s.client().get(`/api/v1/tickets/${retry.body.id}`)).status).toBe(200);
  });

  it('two centres on one database: a ticket taken at one is not in the other\'s queue, and the same first number is given in each', async () => {
    const a = await start(freshCenterId('hall-a'));
    const b = await start(freshCenterId('hall-b'));
    const take = (s: TestServer) => s.client({ authorization: 'Bearer demo-kiosk-1' }).post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'kiosk' });
    const ta = await take(a);
    expect(ta.status).toBe(201);
    expect(await waitingIn(a, 'ho-tich')).toBe(1);
    expect(await waitingIn(b, 'ho-tich')).toBe(0);
    const tb = await take(b);
    expect(tb.body.number).toBe(ta.body.number);
    expect((await b.client().get(`/api/v1/tickets/${ta.body.id}`)).status).toBe(404);
  });
});
