// Small tables: idempotency keys, counter open/paused state, the audit log.
import type { Db } from './db.ts';
import type { AuditEntry, CounterStatus } from '../records.ts';

export class IdempotencyRepository {
  private readonly putStmt;
  private readonly allStmt;
  private readonly forgetStmt;
  constructor(db: Db) {
    this.allStmt = db.prepare('SELECT key, ticket_id, created_at FROM idempotency WHERE center_id = this_center()');
    this.putStmt = db.prepare('INSERT INTO idempotency (key, ticket_id, created_at) VALUES (?, ?, ?)');
    this.forgetStmt = db.prepare('DELETE FROM idempotency WHERE created_at < ?');
  }
  put(key: string, ticketId: string, now: number): void {
    this.putStmt.run(key, ticketId, now);
  }
  all(): Map<string, { ticketId: string; at: number }> {
    return new Map((this.allStmt.all() as { key: string; ticket_id: string; created_at: number }[]).map((r) => [r.key, { ticketId: r.ticket_id, at: r.created_at }]));
  }
  forgetBefore(cutoff: number): void {
    this.forgetStmt.run(cutoff);
  }
}

export class CounterStateRepository {
  constructor(private readonly db: Db) {}
  all(): Map<string, { status: CounterStatus; staff: string | null; serviceIds: string[] | null }> {
    const rows = this.db.prepare('SELECT counter_id, status, staff, service_ids FROM counter_state WHERE center_id = this_center()').all() as {
      counter_id: string;
      status: CounterStatus;
      staff: string | null;
      service_ids: string | null;
    }[];
    return new Map(rows.map((r) => [r.counter_id, { status: r.status, staff: r.staff, serviceIds: r.service_ids === null ? null : (JSON.parse(r.service_ids) as string[]) }]));
  }
  set(counterId: string, status: CounterStatus, staff: string | null, serviceIds: readonly string[] | null, now: number): void {
    this.db
      .prepare(
        `INSERT INTO counter_state (counter_id, status, staff, service_ids, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (counter_id) DO UPDATE SET status = excluded.status, staff = excluded.staff, service_ids = excluded.service_ids, updated_at = excluded.updated_at`,
      )
      .run(counterId, status, staff, serviceIds === null ? null : JSON.stringify(serviceIds), now);
  }
}

export class AuditRepository {
  constructor(private readonly db: Db) {}
  append(actor: string, action: string, target: string | null, detail: Record<string, unknown>, now: number): void {
    this.db.prepare('INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)').run(now, actor, action, target, JSON.stringify(detail));
  }
  recent(limit = 200): AuditEntry[] {
    return (
      this.db.prepare('SELECT * FROM audit WHERE center_id = this_center() ORDER BY id DESC LIMIT ?').all(limit) as { id: number; at: number; actor: string; action: string; target: string | null; detail: string }[]
    ).map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }
}
