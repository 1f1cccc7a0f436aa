// A turn's batches as SQL on one connection, inside the caller's transaction.
// The busy members (tickets, events, sequences, keys, counters, audit) of every
// batch of the turn go out as one multi-row statement each, in batch order; the
// rest of each batch follows, batch by batch, in the order SQLite applies them.
import type pg from 'pg';
import { dayKey } from '../../domain/index.ts';
import type { Batch } from '../port.ts';
import type { TicketRecord } from '../records.ts';

type Client = pg.PoolClient | pg.Client;

/** Ticket fields and their columns, in one order (the row's and the INSERT's). */
export const TICKET_COLUMNS: [keyof TicketRecord, string][] = [
  ['id', 'id'], ['visitId', 'visit_id'], ['leg', 'leg'], ['number', 'number'], ['day', 'day'], ['seq', 'seq'],
  ['serviceId', 'service_id'], ['status', 'status'], ['priorityCategoryId', 'priority_category_id'], ['channel', 'channel'],
  ['kioskId', 'kiosk_id'], ['arrivedAt', 'arrived_at'], ['enqueuedAt', 'enqueued_at'], ['bookedAt', 'booked_at'],
  ['calledAt', 'called_at'], ['waitEndAt', 'wait_end_at'], ['callCount', 'call_count'], ['startedAt', 'started_at'],
  ['finishedAt', 'finished_at'], ['counterId', 'counter_id'], ['staff', 'staff'], ['priorWaitMs', 'prior_wait_ms'],
  ['procedureCode', 'procedure_code'], ['citizenName', 'citizen_name'], ['citizenAge', 'citizen_age'], ['idHash', 'id_hash'],
  ['idLast4', 'id_last4'], ['printed', 'printed'], ['transferredTo', 'transferred_to'], ['rating', 'rating'], ['lang', 'lang'],
  ['dossierCode', 'dossier_code'], ['checkedInAt', 'checked_in_at'], ['syncedAt', 'synced_at'],
];

/** Rows per statement: PostgreSQL takes at most 65 535 parameters, a ticket row has 34. */
const CHUNK = 1000;

/** INSERT of `rows` (each `cols.length` values, the centre's id put first) as few multi-row statements. */
async function insertRows(c: Client, center: string, table: string, cols: string[], rows: unknown[][], tail = ''): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const params: unknown[] = [center];
    const tuples = part.map((r) => `($1, ${r.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
    await c.query(`INSERT INTO ${table} (center_id, ${cols.join(', ')}) VALUES ${tuples.join(', ')} ${tail}`, params);
  }
}

/** The last value per key, in the order each key was first seen. */
function lastPer<T>(items: T[], key: (t: T) => string): T[] {
  const m = new Map<string, T>();
  for (const t of items) m.set(key(t), t);
  return [...m.values()];
}

const ticketValues = (t: TicketRecord) => TICKET_COLUMNS.map(([k]) => t[k] ?? null);
const TCOLS = TICKET_COLUMNS.map(([, c]) => c);
const TICKET_SET = TCOLS.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ');

/** The members of a batch that are lists, and what each holds. */
type ListKey = { [K in keyof Batch]-?: NonNullable<Batch[K]> extends unknown[] ? K : never }[keyof Batch];
type Item<K extends ListKey> = NonNullable<Batch[K]> extends (infer E)[] ? E : never;

export async function applyBatches(c: Client, center: string, batches: Batch[]): Promise<void> {
  const all = <K extends ListKey>(k: K): Item<K>[] => batches.flatMap((b) => (b[k] ?? []) as Item<K>[]);
  const seqs = new Map<string, { day: string; serviceId: string; seq: number }>();
  for (const q of all('sequences')) {
    const k = `${q.day}\u0000${q.serviceId}`;
    if ((seqs.get(k)?.seq ?? -1) < q.seq) seqs.set(k, q);
  }
  await insertRows(c, center, 'day_sequences', ['day', 'service_id', 'seq'], [...seqs.values()].map((q) => [q.day, q.serviceId, q.seq]),
    'ON CONFLICT (center_id, day, service_id) DO UPDATE SET seq = GREATEST(day_sequences.seq, excluded.seq)');
  await insertRows(c, center, 'tickets', TCOLS, all('insertTickets').map(ticketValues));
  // A changed ticket is its whole new row: the last change of a turn is the row.
  await insertRows(c, center, 'tickets', TCOLS, lastPer(all('updateTickets'), (t) => t.id).map(ticketValues), `ON CONFLICT (center_id, id) DO UPDATE SET ${TICKET_SET}`);
  await insertRows(c, center, 'events', ['at', 'day', 'type', 'ticket_id', 'visit_id', 'service_id', 'counter_id', 'actor', 'data'],
    all('events').map((e) => [e.at, dayKey(e.at), e.type, e.ticketId, e.visitId, e.serviceId, e.counterId ?? null, e.actor ?? null, JSON.stringify(e.data)]));
  const cutoffs = batches.map((b) => b.forgetIdempotencyKeysBefore).filter((x) => x !== undefined);
  if (cutoffs.length) await c.query('DELETE FROM idempotency WHERE center_id = $1 AND created_at < $2', [center, Math.max(...cutoffs)]);
  await insertRows(c, center, 'idempotency', ['key', 'ticket_id', 'created_at'], all('idempotencyKeys').map((k) => [k.key, k.ticketId, k.at]));
  await insertRows(c, center, 'counter_state', ['counter_id', 'status', 'staff', 'service_ids', 'updated_at'],
    lastPer(all('counters'), (x) => x.counterId).map((x) => [x.counterId, x.status, x.staff, x.serviceIds === null ? null : JSON.stringify(x.serviceIds), x.at]),
    'ON CONFLICT (center_id, counter_id) DO UPDATE SET status = excluded.status, staff = excluded.staff, service_ids = excluded.service_ids, updated_at = excluded.updated_at');
  await insertRows(c, center, 'audit', ['at', 'actor', 'action', 'target', 'detail'], all('audit').map((a) => [a.at, a.actor, a.action, a.target, JSON.stringify(a.detail)]));
  for (const b of batches) await applyRest(c, center, b);
}

/** The members of one batch that are not on the busy path, in SQLite's order. */
async function applyRest(c: Client, center: string, b: Batch): Promise<void> {
  const q = (sql: string, params: unknown[]) => c.query(sql, [center, ...params]);
  for (const x of b.bookingCheckIns ?? []) await q("UPDATE bookings SET status = 'checked_in', ticket_id = $3 WHERE center_id = $1 AND code = $2", [x.code, x.ticketId]);
  await insertRows(c, center, 'bookings', ['code', 'service_id', 'day', 'time', 'booked_at', 'full_name', 'phone', 'status', 'ticket_id', 'created_at', 'remind'],
    (b.bookings ?? []).map((x) => [x.code, x.serviceId, x.day, x.time, x.bookedAt, x.fullName, x.phone, x.status, x.ticketId, x.createdAt, x.remind]));
  await insertRows(c, center, 'rating_notes', ['ticket_id', 'at', 'score', 'service_id', 'counter_id', 'staff', 'note'],
    (b.ratingNotes ?? []).map((n) => [n.ticketId, n.at, n.score, n.serviceId, n.counterId, n.staff, n.note]));
  await insertRows(c, center, 'dossiers', ['code', 'procedure_code', 'applicant_name', 'status', 'received_at', 'due_at', 'updated_at', 'note'],
    lastPer(b.dossiers ?? [], (d) => d.code).map((d) => [d.code, d.procedureCode, d.applicantName, d.status, d.receivedAt, d.dueAt, d.updatedAt, d.note]),
    'ON CONFLICT (center_id, code) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, note = excluded.note');
  await insertRows(c, center, 'preparations', ['visit_id', 'procedure_code', 'have', 'declaration', 'at'],
    (b.preparations ?? []).map((p) => [p.visitId, p.procedureCode, JSON.stringify(p.have), p.declaration ? JSON.stringify(p.declaration) : null, p.at]));
  for (const u of b.users ?? [])
    await q(
      `INSERT INTO users (center_id, username, full_name, title, role, password_hash, phone, counter_id, counter_ids) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (center_id, username) DO UPDATE SET full_name = excluded.full_name, title = excluded.title, role = excluded.role,
         password_hash = excluded.password_hash, phone = excluded.phone, counter_id = excluded.counter_id, counter_ids = excluded.counter_ids`,
      [u.username, u.fullName, u.title, u.role, u.passwordHash, u.phone, u.counterId, u.counterIds ? JSON.stringify(u.counterIds) : null],
    );
  for (const l of b.logins ?? []) {
    if (l.ok) await q('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE center_id = $1 AND username = $2', [l.username]);
    else
      await q(
        'UPDATE users SET failed_logins = failed_logins + 1, locked_until = CASE WHEN failed_logins + 1 >= $3 THEN $4::bigint ELSE locked_until END WHERE center_id = $1 AND username = $2',
        [l.username, l.lockAfter, l.at + l.lockMs],
      );
  }
  for (const d of b.userDisabled ?? []) await q('UPDATE users SET disabled = $3 WHERE center_id = $1 AND username = $2', [d.username, d.disabled]);
  await insertRows(c, center, 'meta', ['key', 'value'], lastPer(b.meta ?? [], (m) => m.key).map((m) => [m.key, m.value]), 'ON CONFLICT (center_id, key) DO UPDATE SET value = excluded.value');
  if (b.expireSessionsAt !== undefined) await q('DELETE FROM sessions WHERE center_id = $1 AND expires_at <= $2', [b.expireSessionsAt]);
  await insertRows(c, center, 'sessions', ['id_hash', 'username', 'counter_id', 'csrf', 'created_at', 'expires_at'],
    (b.sessions ?? []).map((s) => [s.idHash, s.username, s.counterId, s.csrf, s.createdAt, s.expiresAt]));
  if (b.endSessions?.length) await q('DELETE FROM sessions WHERE center_id = $1 AND id_hash = ANY($2)', [b.endSessions]);
  if (b.endSessionsOf?.length) await q('DELETE FROM sessions WHERE center_id = $1 AND username = ANY($2)', [b.endSessionsOf]);
  for (const m of b.moveSessions ?? []) await q('UPDATE sessions SET counter_id = $2 WHERE center_id = $1 AND username = $3 AND counter_id = $4', [m.toCounterId, m.username, m.fromCounterId]);
  for (const d of b.devices ?? [])
    await q(
      `INSERT INTO devices (center_id, id, kind, name, counter_id, token_hash) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (center_id, id) DO UPDATE SET kind = excluded.kind, name = excluded.name, counter_id = excluded.counter_id,
         token_hash = COALESCE(excluded.token_hash, devices.token_hash), revoked_at = CASE WHEN excluded.token_hash IS NULL THEN devices.revoked_at ELSE NULL END`,
      [d.id, d.kind, d.name, d.counterId, d.tokenHash],
    );
  for (const r of b.revokeDevices ?? []) await q('UPDATE devices SET revoked_at = $3 WHERE center_id = $1 AND id = $2 AND revoked_at IS NULL', [r.id, r.at]);
  for (const h of b.deviceHealth ?? []) await q('UPDATE devices SET parts = $3, last_seen_at = $4 WHERE center_id = $1 AND id = $2', [h.deviceId, JSON.stringify(h.parts), h.at]);
  for (const r of b.resolveAlerts ?? [])
    await q('UPDATE alerts SET resolved_at = $4 WHERE center_id = $1 AND device_id = $2 AND kind = $3 AND resolved_at IS NULL', [r.deviceId, r.kind, r.at]);
  await insertRows(c, center, 'alerts', ['at', 'kind', 'device_id', 'ticket_id', 'message'], (b.alerts ?? []).map((a) => [a.at, a.kind, a.deviceId, a.ticketId, a.message]));
}
