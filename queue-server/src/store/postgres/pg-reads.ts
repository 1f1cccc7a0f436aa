// What the queue reads from PostgreSQL: the runtime state it decides from and
// the reads of what it does not keep in memory, each of one centre only.
import type pg from 'pg';
import { OPEN_STATUSES, TERMINAL_STATUSES, type EventType } from '../../domain/index.ts';
import type { RuntimeState, StoreReads } from '../port.ts';
import { ticketRecord, type Alert, type Booking, type Device, type DevicePart, type Dossier, type Preparation, type Session, type StoredEvent, type TicketRecord, type User } from '../records.ts';
import { TICKET_COLUMNS } from './pg-writes.ts';

type Row = Record<string, unknown>;
const sqlList = (statuses: readonly string[]) => `(${statuses.map((s) => `'${s}'`).join(', ')})`;
export const OPEN = sqlList(OPEN_STATUSES);
export const TERMINAL = sqlList(TERMINAL_STATUSES);

function ticketFromRow(row: Row): TicketRecord {
  const t: Record<string, unknown> = {};
  for (const [k, c] of TICKET_COLUMNS) t[k] = row[c];
  return ticketRecord(t as unknown as TicketRecord);
}

const userFromRow = (r: Row): User => ({
  username: r.username as string,
  fullName: r.full_name as string,
  title: r.title as string,
  role: r.role as User['role'],
  passwordHash: r.password_hash as string,
  phone: r.phone as string | null,
  counterId: r.counter_id as string | null,
  ...(r.counter_ids === null ? {} : { counterIds: JSON.parse(r.counter_ids as string) as string[] }),
  failedLogins: r.failed_logins as number,
  lockedUntil: r.locked_until as number | null,
  disabled: r.disabled as boolean,
});

const sessionFromRow = (r: Row): Session => ({
  idHash: r.id_hash as string, username: r.username as string, counterId: r.counter_id as string | null, csrf: r.csrf as string,
  createdAt: r.created_at as number, expiresAt: r.expires_at as number,
});

const deviceFromRow = (r: Row): Device => ({
  id: r.id as string, kind: r.kind as string, name: r.name as string, counterId: r.counter_id as string | null,
  revokedAt: r.revoked_at as number | null, lastSeenAt: r.last_seen_at as number | null, parts: JSON.parse(r.parts as string) as DevicePart[],
});

const alertFromRow = (r: Row): Alert => ({
  id: r.id as number, at: r.at as number, kind: r.kind as string, deviceId: r.device_id as string | null,
  ticketId: r.ticket_id as string | null, message: r.message as string, resolvedAt: r.resolved_at as number | null,
});

const bookingFromRow = (r: Row): Booking => ({
  code: r.code as string, serviceId: r.service_id as string, day: r.day as string, time: r.time as string, bookedAt: r.booked_at as number,
  fullName: r.full_name as string, phone: r.phone as string, status: r.status as Booking['status'], ticketId: r.ticket_id as string | null, createdAt: r.created_at as number,
  remind: r.remind === true,
});

const dossierFromRow = (r: Row): Dossier => ({
  code: r.code as string, procedureCode: r.procedure_code as string, applicantName: r.applicant_name as string, status: r.status as Dossier['status'],
  receivedAt: r.received_at as number, dueAt: r.due_at as number, updatedAt: r.updated_at as number, note: r.note as string | null,
});

const eventFromRow = (r: Row): StoredEvent => ({
  id: r.id as number, at: r.at as number, type: r.type as EventType, ticketId: r.ticket_id as string, visitId: r.visit_id as string,
  serviceId: r.service_id as string, counterId: r.counter_id as string | null, actor: r.actor as string | null, data: JSON.parse(r.data as string) as Record<string, unknown>,
});

export function pgReads(pool: pg.Pool, center: string): { reads: StoreReads; loadRuntime(day: string): Promise<RuntimeState> } {
  /** The rows of a query of this centre's ($1) data. */
  const rows = async (sql: string, ...params: unknown[]) => (await pool.query<Row>(sql, [center, ...params])).rows;
  const one = async <T>(map: (r: Row) => T, sql: string, ...params: unknown[]) => {
    const r = (await rows(sql, ...params))[0];
    return r ? map(r) : null;
  };
  const reads: StoreReads = {
    ticket: (id) => one(ticketFromRow, 'SELECT * FROM tickets WHERE center_id = $1 AND id = $2', id),
    ticketByNumber: (day, number) => one(ticketFromRow, 'SELECT * FROM tickets WHERE center_id = $1 AND day = $2 AND number = $3 ORDER BY leg DESC LIMIT 1', day, number),
    lastFinishedAt: (counterId) =>
      one(ticketFromRow, "SELECT * FROM tickets WHERE center_id = $1 AND counter_id = $2 AND status = 'done' ORDER BY finished_at DESC LIMIT 1", counterId),
    recentServiceTimes: async (day) =>
      (
        await rows(
          "SELECT service_id, finished_at - wait_end_at AS ms FROM tickets WHERE center_id = $1 AND day = $2 AND status = 'done' AND wait_end_at IS NOT NULL ORDER BY finished_at DESC LIMIT 500",
          day,
        )
      ).map((r) => [r.service_id as string, r.ms as number]),
    user: (username) => one(userFromRow, 'SELECT * FROM users WHERE center_id = $1 AND username = $2', username),
    users: async () => (await rows('SELECT * FROM users WHERE center_id = $1 ORDER BY username')).map(userFromRow),
    session: (idHash, now) => one(sessionFromRow, 'SELECT * FROM sessions WHERE center_id = $1 AND id_hash = $2 AND expires_at > $3', idHash, now),
    sessionsAt: async (counterId, now) =>
      (await rows('SELECT * FROM sessions WHERE center_id = $1 AND counter_id = $2 AND expires_at > $3 ORDER BY created_at, id_hash', counterId, now)).map(sessionFromRow),
    device: (id) => one(deviceFromRow, 'SELECT * FROM devices WHERE center_id = $1 AND id = $2', id),
    deviceByTokenHash: (hash) => one(deviceFromRow, 'SELECT * FROM devices WHERE center_id = $1 AND token_hash = $2 AND revoked_at IS NULL', hash),
    devices: async () => (await rows('SELECT * FROM devices WHERE center_id = $1 ORDER BY id')).map(deviceFromRow),
    openAlerts: async () => (await rows('SELECT * FROM alerts WHERE center_id = $1 AND resolved_at IS NULL ORDER BY id DESC LIMIT 100')).map(alertFromRow),
    openAlertCount: async (deviceId) => (await rows('SELECT COUNT(*) AS n FROM alerts WHERE center_id = $1 AND device_id = $2 AND resolved_at IS NULL', deviceId))[0]!.n as number,
    latestOpenAlert: (deviceId, kind) =>
      one(alertFromRow, 'SELECT * FROM alerts WHERE center_id = $1 AND device_id = $2 AND kind = $3 AND resolved_at IS NULL ORDER BY id DESC LIMIT 1', deviceId, kind),
    booking: (code) => one(bookingFromRow, 'SELECT * FROM bookings WHERE center_id = $1 AND code = $2', code),
    bookingsToRemind: async (from, to) =>
      (await rows("SELECT * FROM bookings WHERE center_id = $1 AND remind AND status = 'booked' AND booked_at > $2 AND booked_at <= $3 ORDER BY booked_at, code", from, to)).map(bookingFromRow),
    bookingCounts: async (serviceId, day) =>
      new Map(
        (await rows("SELECT time, COUNT(*) AS n FROM bookings WHERE center_id = $1 AND service_id = $2 AND day = $3 AND status != 'cancelled' GROUP BY time", serviceId, day)).map(
          (r) => [r.time as string, r.n as number],
        ),
      ),
    preparation: (visitId) =>
      one(
        (r) => ({
          visitId: r.visit_id as string, procedureCode: r.procedure_code as string, have: JSON.parse(r.have as string) as number[],
          declaration: r.declaration ? (JSON.parse(r.declaration as string) as Preparation['declaration']) : null, at: r.at as number,
        }),
        'SELECT * FROM preparations WHERE center_id = $1 AND visit_id = $2',
        visitId,
      ),
    dossier: (code) => one(dossierFromRow, 'SELECT * FROM dossiers WHERE center_id = $1 AND code = $2', code),
    ratingNotes: async (from, to) =>
      (await rows('SELECT * FROM rating_notes WHERE center_id = $1 AND at >= $2 AND at < $3 ORDER BY at, ticket_id', from, to)).map((r) => ({
        ticketId: r.ticket_id as string, at: Number(r.at), score: Number(r.score), serviceId: r.service_id as string,
        counterId: (r.counter_id as string | null) ?? null, staff: (r.staff as string | null) ?? null, note: r.note as string,
      })),
    visitEvents: async (fromDay, toDay) =>
      (
        await rows(
          'SELECT e.* FROM events e WHERE e.center_id = $1 AND e.visit_id IN (SELECT id FROM tickets WHERE center_id = $1 AND leg = 0 AND day BETWEEN $2 AND $3) ORDER BY e.id',
          fromDay,
          toDay,
        )
      ).map(eventFromRow),
    // Ids grow in commit order within a centre: its turns commit one after another (pg-port.ts).
    eventsAfter: async (afterId, limit) => (await rows('SELECT * FROM events WHERE center_id = $1 AND id > $2 ORDER BY id LIMIT $3', afterId, limit)).map(eventFromRow),
    audit: async (limit = 200) =>
      (await rows('SELECT * FROM audit WHERE center_id = $1 ORDER BY id DESC LIMIT $2', limit)).map((r) => ({
        id: r.id as number, at: r.at as number, actor: r.actor as string, action: r.action as string, target: r.target as string | null,
        detail: JSON.parse(r.detail as string) as Record<string, unknown>,
      })),
    meta: async (key) => ((await rows('SELECT value FROM meta WHERE center_id = $1 AND key = $2', key))[0]?.value as string | undefined) ?? null,
  };

  const loadRuntime = async (day: string): Promise<RuntimeState> => {
    const [open, counters, seqs, numbers, issued, keys] = await Promise.all([
      rows(`SELECT * FROM tickets WHERE center_id = $1 AND status IN ${OPEN} ORDER BY enqueued_at, number`),
      rows('SELECT counter_id, status, staff, service_ids FROM counter_state WHERE center_id = $1 ORDER BY counter_id'),
      rows('SELECT service_id, seq FROM day_sequences WHERE center_id = $1 AND day = $2', day),
      rows('SELECT number FROM tickets WHERE center_id = $1 AND day = $2 AND leg = 0', day),
      rows('SELECT service_id, COUNT(*) AS n FROM tickets WHERE center_id = $1 AND day = $2 AND leg = 0 GROUP BY service_id', day),
      rows('SELECT key, ticket_id, created_at FROM idempotency WHERE center_id = $1'),
    ]);
    return {
      day,
      openTickets: open.map(ticketFromRow),
      counters: counters.map((r) => ({ counterId: r.counter_id as string, status: r.status as 'open' | 'paused' | 'closed', staff: r.staff as string | null, serviceIds: r.service_ids === null ? null : (JSON.parse(r.service_ids as string) as string[]) })),
      sequences: new Map(seqs.map((r) => [r.service_id as string, r.seq as number])),
      numbers: new Set(numbers.map((r) => r.number as string)),
      issued: new Map(issued.map((r) => [r.service_id as string, r.n as number])),
      idempotencyKeys: new Map(keys.map((r) => [r.key as string, { ticketId: r.ticket_id as string, at: r.created_at as number }])),
    };
  };
  return { reads, loadRuntime };
}
