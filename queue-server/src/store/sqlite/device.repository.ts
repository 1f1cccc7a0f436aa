// Kiosks, boards, keypads and displays: their tokens (hashed), health and alerts.
import type { Db } from './db.ts';
import type { Alert, Device, DevicePart } from '../records.ts';

interface DeviceRow {
  id: string;
  kind: string;
  name: string;
  counter_id: string | null;
  revoked_at: number | null;
  last_seen_at: number | null;
  parts: string;
}
const fromRow = (r: DeviceRow): Device => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  counterId: r.counter_id,
  revokedAt: r.revoked_at,
  lastSeenAt: r.last_seen_at,
  parts: JSON.parse(r.parts) as DevicePart[],
});

interface AlertRow {
  id: number;
  at: number;
  kind: string;
  device_id: string | null;
  ticket_id: string | null;
  message: string;
  resolved_at: number | null;
}
const alertFromRow = (r: AlertRow): Alert => ({ id: r.id, at: r.at, kind: r.kind, deviceId: r.device_id, ticketId: r.ticket_id, message: r.message, resolvedAt: r.resolved_at });

/** Only the store's port (sqlite-port.ts) uses this: everything outside store/ goes through the port. */
export class DeviceRepository {
  /** Every request with a device token looks it up: prepared once. */
  private readonly byTokenHashStmt;

  constructor(private readonly db: Db) {
    this.byTokenHashStmt = db.prepare('SELECT * FROM devices WHERE center_id = this_center() AND token_hash = ? AND revoked_at IS NULL');
  }

  upsert(d: { id: string; kind: string; name: string; counterId: string | null; tokenHash: string | null }): void {
    this.db
      .prepare(
        `INSERT INTO devices (id, kind, name, counter_id, token_hash) VALUES (@id, @kind, @name, @counterId, @tokenHash)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, counter_id = excluded.counter_id,
           token_hash = COALESCE(excluded.token_hash, devices.token_hash), revoked_at = CASE WHEN excluded.token_hash IS NULL THEN devices.revoked_at ELSE NULL END`,
      )
      .run(d);
  }

  byTokenHash(hash: string): Device | null {
    const r = this.byTokenHashStmt.get(hash) as DeviceRow | undefined;
    return r ? fromRow(r) : null;
  }

  get(id: string): Device | null {
    const r = this.db.prepare('SELECT * FROM devices WHERE center_id = this_center() AND id = ?').get(id) as DeviceRow | undefined;
    return r ? fromRow(r) : null;
  }

  all(): Device[] {
    return (this.db.prepare('SELECT * FROM devices WHERE center_id = this_center() ORDER BY id').all() as DeviceRow[]).map(fromRow);
  }

  revoke(id: string, now: number): boolean {
    return this.db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes > 0;
  }

  reportHealth(id: string, parts: DevicePart[], now: number): void {
    this.db.prepare('UPDATE devices SET parts = ?, last_seen_at = ? WHERE id = ?').run(JSON.stringify(parts), now, id);
  }

  addAlert(a: Omit<Alert, 'id' | 'resolvedAt'>): Alert {
    const id = Number(
      this.db.prepare('INSERT INTO alerts (at, kind, device_id, ticket_id, message) VALUES (@at, @kind, @deviceId, @ticketId, @message)').run(a).lastInsertRowid,
    );
    return { ...a, id, resolvedAt: null };
  }

  resolveAlerts(deviceId: string, kind: string, now: number): void {
    this.db.prepare('UPDATE alerts SET resolved_at = ? WHERE device_id = ? AND kind = ? AND resolved_at IS NULL').run(now, deviceId, kind);
  }

  /** How many alerts of the device are still open (the cap on what one device can raise). */
  openAlertCount(deviceId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM alerts WHERE center_id = this_center() AND device_id = ? AND resolved_at IS NULL').get(deviceId) as { n: number }).n;
  }

  openAlerts(): Alert[] {
    return (this.db.prepare('SELECT * FROM alerts WHERE center_id = this_center() AND resolved_at IS NULL ORDER BY id DESC LIMIT 100').all() as AlertRow[]).map(alertFromRow);
  }

  /** The device's newest open alert of a kind (an alert just raised, with its id). */
  latestOpenAlert(deviceId: string, kind: string): Alert | null {
    const r = this.db.prepare('SELECT * FROM alerts WHERE center_id = this_center() AND device_id = ? AND kind = ? AND resolved_at IS NULL ORDER BY id DESC LIMIT 1').get(deviceId, kind) as AlertRow | undefined;
    return r ? alertFromRow(r) : null;
  }
}
