// The append-only event log (triggers in the schema refuse UPDATE and DELETE).
import type { Db } from './db.ts';
import { dayKey, type DomainEvent, type EventType } from '../../domain/index.ts';
import type { StoredEvent } from '../records.ts';


interface Row {
  id: number;
  at: number;
  type: string;
  ticket_id: string;
  visit_id: string;
  service_id: string;
  counter_id: string | null;
  actor: string | null;
  data: string;
}

const fromRow = (r: Row): StoredEvent => ({
  id: r.id,
  at: r.at,
  type: r.type as EventType,
  ticketId: r.ticket_id,
  visitId: r.visit_id,
  serviceId: r.service_id,
  counterId: r.counter_id,
  actor: r.actor,
  data: JSON.parse(r.data) as Record<string, unknown>,
});

export class EventRepository {
  private readonly appendStmt;
  private readonly visitsInDaysStmt;
  private readonly forVisitStmt;
  private readonly afterStmt;

  constructor(db: Db) {
    this.appendStmt = db.prepare(
      `INSERT INTO events (at, day, type, ticket_id, visit_id, service_id, counter_id, actor, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // Visits are counted in the period they arrived in, with all their later events.
    this.visitsInDaysStmt = db.prepare(
      `SELECT e.* FROM events e
       WHERE e.center_id = this_center() AND e.visit_id IN (SELECT id FROM tickets WHERE center_id = this_center() AND leg = 0 AND day BETWEEN ? AND ?)
       ORDER BY e.id`,
    );
    this.forVisitStmt = db.prepare('SELECT * FROM events WHERE center_id = this_center() AND visit_id = ? ORDER BY id');
    this.afterStmt = db.prepare('SELECT * FROM events WHERE center_id = this_center() AND id > ? ORDER BY id LIMIT ?');
  }

  append(e: DomainEvent): number {
    const r = this.appendStmt.run(e.at, dayKey(e.at), e.type, e.ticketId, e.visitId, e.serviceId, e.counterId ?? null, e.actor ?? null, JSON.stringify(e.data));
    return Number(r.lastInsertRowid);
  }

  /** Events of every visit that arrived between two local days, inclusive. */
  forVisitsArrivedBetween(fromDay: string, toDay: string): StoredEvent[] {
    return (this.visitsInDaysStmt.all(fromDay, toDay) as Row[]).map(fromRow);
  }

  /** The outbox's next events: ids above `afterId`, in order, at most `limit`. */
  after(afterId: number, limit: number): StoredEvent[] {
    return (this.afterStmt.all(afterId, limit) as Row[]).map(fromRow);
  }

  forVisit(visitId: string): StoredEvent[] {
    return (this.forVisitStmt.all(visitId) as Row[]).map(fromRow);
  }
}
