// The province store on a SQLite file (a demo province; see port.ts).
import path from 'node:path';
import Database from 'better-sqlite3';
import { dayKey, type EventType } from '../../domain/index.ts';
import type { StoredEvent } from '../records.ts';
import type { DeviceStatusSummary } from '../../domain/device-trouble.ts';
import { opensVisit, type CentreCursor, type CentreDeviceStatus, type ProvinceStore } from './port.ts';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS province_events (
    centre_id TEXT NOT NULL,
    event_id INTEGER NOT NULL,
    at INTEGER NOT NULL,
    day TEXT NOT NULL,
    type TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    visit_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    counter_id TEXT,
    actor TEXT,
    data TEXT NOT NULL,
    opens_visit INTEGER NOT NULL,
    PRIMARY KEY (centre_id, event_id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS province_events_visit ON province_events (centre_id, visit_id);
  CREATE INDEX IF NOT EXISTS province_events_arrival ON province_events (centre_id, day) WHERE opens_visit = 1;
  CREATE TABLE IF NOT EXISTS province_cursors (centre_id TEXT PRIMARY KEY, last_id INTEGER NOT NULL, last_event_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS province_device_status (centre_id TEXT PRIMARY KEY, at INTEGER NOT NULL, received_at INTEGER NOT NULL, status TEXT NOT NULL);
  CREATE TRIGGER IF NOT EXISTS province_events_no_update BEFORE UPDATE ON province_events BEGIN SELECT RAISE(ABORT, 'province_events is append-only'); END;
  CREATE TRIGGER IF NOT EXISTS province_events_no_delete BEFORE DELETE ON province_events BEGIN SELECT RAISE(ABORT, 'province_events is append-only'); END;
`;

interface Row {
  event_id: number;
  at: number;
  type: string;
  ticket_id: string;
  visit_id: string;
  service_id: string;
  counter_id: string | null;
  actor: string | null;
  data: string;
}

export const provinceEventFromRow = (r: Row): StoredEvent => ({
  id: Number(r.event_id),
  at: Number(r.at),
  type: r.type as EventType,
  ticketId: r.ticket_id,
  visitId: r.visit_id,
  serviceId: r.service_id,
  counterId: r.counter_id,
  actor: r.actor,
  data: JSON.parse(r.data) as Record<string, unknown>,
});

export class SqliteProvinceStore implements ProvinceStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly insert;
  private readonly lastOf;
  private readonly setCursor;
  private readonly ingestTx;

  constructor(dataDir: string) {
    this.db = new Database(path.join(dataDir, 'province.db'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
    this.insert = this.db.prepare(
      `INSERT INTO province_events (centre_id, event_id, at, day, type, ticket_id, visit_id, service_id, counter_id, actor, data, opens_visit)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.lastOf = this.db.prepare('SELECT last_id FROM province_cursors WHERE centre_id = ?');
    this.setCursor = this.db.prepare(
      'INSERT INTO province_cursors (centre_id, last_id, last_event_at) VALUES (?, ?, ?) ON CONFLICT (centre_id) DO UPDATE SET last_id = excluded.last_id, last_event_at = excluded.last_event_at',
    );
    this.ingestTx = this.db.transaction((centreId: string, events: readonly StoredEvent[]) => {
      let last = (this.lastOf.get(centreId) as { last_id: number } | undefined)?.last_id ?? 0;
      let added = 0;
      let lastAt = 0;
      for (const e of events) {
        if (e.id <= last) continue;
        added += this.insert.run(centreId, e.id, e.at, dayKey(e.at), e.type, e.ticketId, e.visitId, e.serviceId, e.counterId, e.actor, JSON.stringify(e.data), opensVisit(e) ? 1 : 0).changes;
        last = e.id;
        lastAt = e.at;
      }
      if (added) this.setCursor.run(centreId, last, lastAt);
      return { lastId: last, added };
    });
  }

  async ingest(centreId: string, events: readonly StoredEvent[]) {
    return this.ingestTx(centreId, events);
  }

  async cursors(): Promise<CentreCursor[]> {
    return (this.db.prepare('SELECT * FROM province_cursors ORDER BY centre_id').all() as { centre_id: string; last_id: number; last_event_at: number }[]).map((r) => ({
      centreId: r.centre_id,
      lastId: r.last_id,
      lastEventAt: r.last_event_at,
    }));
  }

  async visitEvents(centreId: string, fromDay: string, toDay: string): Promise<StoredEvent[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM province_events WHERE centre_id = ? AND visit_id IN
           (SELECT visit_id FROM province_events WHERE centre_id = ? AND opens_visit = 1 AND day BETWEEN ? AND ?)
         ORDER BY event_id`,
      )
      .all(centreId, centreId, fromDay, toDay) as Row[];
    return rows.map(provinceEventFromRow);
  }

  async eventsAfter(centreId: string, afterId: number, limit: number): Promise<StoredEvent[]> {
    return (this.db.prepare('SELECT * FROM province_events WHERE centre_id = ? AND event_id > ? ORDER BY event_id LIMIT ?').all(centreId, afterId, limit) as Row[]).map(provinceEventFromRow);
  }

  async putDeviceStatus(centreId: string, status: DeviceStatusSummary, receivedAt: number): Promise<boolean> {
    const r = this.db
      .prepare(
        `INSERT INTO province_device_status (centre_id, at, received_at, status) VALUES (?, ?, ?, ?)
         ON CONFLICT (centre_id) DO UPDATE SET at = excluded.at, received_at = excluded.received_at, status = excluded.status WHERE excluded.at >= province_device_status.at`,
      )
      .run(centreId, status.at, receivedAt, JSON.stringify(status));
    return r.changes > 0;
  }

  async deviceStatuses(): Promise<CentreDeviceStatus[]> {
    const rows = this.db.prepare('SELECT centre_id, received_at, status FROM province_device_status ORDER BY centre_id').all() as { centre_id: string; received_at: number; status: string }[];
    return rows.map((r) => ({ centreId: r.centre_id, receivedAt: Number(r.received_at), status: JSON.parse(r.status) as DeviceStatusSummary }));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
