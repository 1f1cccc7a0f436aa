// The province store on PostgreSQL (DATABASE_URL; see port.ts). A centre's batches are
// serialised on its cursor row (SELECT … FOR UPDATE), so two sends of the same page
// keep it once; the events table refuses UPDATE and DELETE (a trigger).
import type pg from 'pg';
import { dayKey } from '../../domain/index.ts';
import type { StoredEvent } from '../records.ts';
import { openPool } from '../postgres/pg-db.ts';
import { provinceEventFromRow } from './sqlite.ts';
import type { DeviceStatusSummary } from '../../domain/device-trouble.ts';
import { opensVisit, type CentreCursor, type CentreDeviceStatus, type ProvinceStore } from './port.ts';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS province_events (
    centre_id TEXT NOT NULL,
    event_id BIGINT NOT NULL,
    at BIGINT NOT NULL,
    day TEXT NOT NULL,
    type TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    visit_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    counter_id TEXT,
    actor TEXT,
    data TEXT NOT NULL,
    opens_visit BOOLEAN NOT NULL,
    PRIMARY KEY (centre_id, event_id)
  );
  CREATE INDEX IF NOT EXISTS province_events_visit ON province_events (centre_id, visit_id);
  CREATE INDEX IF NOT EXISTS province_events_arrival ON province_events (centre_id, day) WHERE opens_visit;
  CREATE TABLE IF NOT EXISTS province_cursors (centre_id TEXT PRIMARY KEY, last_id BIGINT NOT NULL, last_event_at BIGINT NOT NULL);
  CREATE TABLE IF NOT EXISTS province_device_status (centre_id TEXT PRIMARY KEY, at BIGINT NOT NULL, received_at BIGINT NOT NULL, status TEXT NOT NULL);
  CREATE OR REPLACE FUNCTION province_events_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'province_events is append-only'; END $$ LANGUAGE plpgsql;
  DROP TRIGGER IF EXISTS province_events_append_only ON province_events;
  CREATE TRIGGER province_events_append_only BEFORE UPDATE OR DELETE ON province_events FOR EACH ROW EXECUTE FUNCTION province_events_append_only();
`;

const COLUMNS = 12;

export class PostgresProvinceStore implements ProvinceStore {
  readonly kind = 'postgres' as const;

  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string): Promise<PostgresProvinceStore> {
    const pool = openPool(url);
    const c = await pool.connect().catch(async (e) => {
      await pool.end();
      throw e;
    });
    try {
      await c.query('SELECT pg_advisory_lock(hashtext($1))', ['mot-cua province schema']);
      await c.query(SCHEMA);
    } finally {
      await c.query('SELECT pg_advisory_unlock(hashtext($1))', ['mot-cua province schema']).catch(() => undefined);
      c.release();
    }
    return new PostgresProvinceStore(pool);
  }

  async ingest(centreId: string, events: readonly StoredEvent[]): Promise<{ lastId: number; added: number }> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('INSERT INTO province_cursors (centre_id, last_id, last_event_at) VALUES ($1, 0, 0) ON CONFLICT DO NOTHING', [centreId]);
      const held = Number((await c.query<{ last_id: number }>('SELECT last_id FROM province_cursors WHERE centre_id = $1 FOR UPDATE', [centreId])).rows[0]!.last_id);
      const fresh = events.filter((e) => e.id > held);
      let added = 0;
      if (fresh.length) {
        const values: unknown[] = [];
        const tuples = fresh.map((e, i) => {
          values.push(centreId, e.id, e.at, dayKey(e.at), e.type, e.ticketId, e.visitId, e.serviceId, e.counterId, e.actor, JSON.stringify(e.data), opensVisit(e));
          return `(${Array.from({ length: COLUMNS }, (_, j) => `$${i * COLUMNS + j + 1}`).join(', ')})`;
        });
        const r = await c.query(
          `INSERT INTO province_events (centre_id, event_id, at, day, type, ticket_id, visit_id, service_id, counter_id, actor, data, opens_visit)
           VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`,
          values,
        );
        added = r.rowCount ?? 0;
        const last = fresh.at(-1)!;
        await c.query('UPDATE province_cursors SET last_id = $2, last_event_at = $3 WHERE centre_id = $1', [centreId, last.id, last.at]);
      }
      await c.query('COMMIT');
      return { lastId: fresh.at(-1)?.id ?? held, added };
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  async cursors(): Promise<CentreCursor[]> {
    const r = await this.pool.query('SELECT * FROM province_cursors WHERE last_id > 0 ORDER BY centre_id');
    return r.rows.map((x) => ({ centreId: x.centre_id as string, lastId: Number(x.last_id), lastEventAt: Number(x.last_event_at) }));
  }

  async visitEvents(centreId: string, fromDay: string, toDay: string): Promise<StoredEvent[]> {
    const r = await this.pool.query(
      `SELECT * FROM province_events WHERE centre_id = $1 AND visit_id IN
         (SELECT visit_id FROM province_events WHERE centre_id = $1 AND opens_visit AND day BETWEEN $2 AND $3)
       ORDER BY event_id`,
      [centreId, fromDay, toDay],
    );
    return r.rows.map(provinceEventFromRow);
  }

  async eventsAfter(centreId: string, afterId: number, limit: number): Promise<StoredEvent[]> {
    const r = await this.pool.query('SELECT * FROM province_events WHERE centre_id = $1 AND event_id > $2 ORDER BY event_id LIMIT $3', [centreId, afterId, limit]);
    return r.rows.map(provinceEventFromRow);
  }

  async putDeviceStatus(centreId: string, status: DeviceStatusSummary, receivedAt: number): Promise<boolean> {
    const r = await this.pool.query(
      `INSERT INTO province_device_status (centre_id, at, received_at, status) VALUES ($1, $2, $3, $4)
       ON CONFLICT (centre_id) DO UPDATE SET at = excluded.at, received_at = excluded.received_at, status = excluded.status WHERE excluded.at >= province_device_status.at`,
      [centreId, status.at, receivedAt, JSON.stringify(status)],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async deviceStatuses(): Promise<CentreDeviceStatus[]> {
    const r = await this.pool.query('SELECT centre_id, received_at, status FROM province_device_status ORDER BY centre_id');
    return r.rows.map((x) => ({ centreId: x.centre_id as string, receivedAt: Number(x.received_at), status: JSON.parse(x.status as string) as DeviceStatusSummary }));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Opens the province store: PostgreSQL when `url` is given, else the SQLite file in `dataDir`. */
export async function openProvinceStore(choice: { url?: string | null; dataDir: string }): Promise<ProvinceStore> {
  if (choice.url) return PostgresProvinceStore.open(choice.url);
  const { SqliteProvinceStore } = await import('./sqlite.ts');
  return new SqliteProvinceStore(choice.dataDir);
}
