// Tickets as rows. The row is the current state; the event log beside it is the history.
import type { Db } from './db.ts';
import { OPEN_STATUSES, TERMINAL_STATUSES } from '../../domain/index.ts';
import { ticketRecord, type TicketRecord } from '../records.ts';


const COLUMNS: [keyof TicketRecord, string][] = [
  ['id', 'id'], ['visitId', 'visit_id'], ['leg', 'leg'], ['number', 'number'], ['day', 'day'], ['seq', 'seq'],
  ['serviceId', 'service_id'], ['status', 'status'], ['priorityCategoryId', 'priority_category_id'], ['channel', 'channel'],
  ['kioskId', 'kiosk_id'], ['arrivedAt', 'arrived_at'], ['enqueuedAt', 'enqueued_at'], ['bookedAt', 'booked_at'],
  ['calledAt', 'called_at'], ['waitEndAt', 'wait_end_at'], ['callCount', 'call_count'], ['startedAt', 'started_at'],
  ['finishedAt', 'finished_at'], ['counterId', 'counter_id'], ['staff', 'staff'], ['priorWaitMs', 'prior_wait_ms'],
  ['procedureCode', 'procedure_code'], ['citizenName', 'citizen_name'], ['citizenAge', 'citizen_age'], ['idHash', 'id_hash'],
  ['idLast4', 'id_last4'], ['printed', 'printed'], ['transferredTo', 'transferred_to'], ['rating', 'rating'], ['lang', 'lang'],
  ['dossierCode', 'dossier_code'], ['checkedInAt', 'checked_in_at'], ['syncedAt', 'synced_at'],
];

type Row = Record<string, unknown>;

const KEYS = COLUMNS.map(([k]) => k);

/** The record's values in COLUMNS order, for positional parameters (cheaper to bind than named ones). */
function toValues(t: TicketRecord): unknown[] {
  const out = new Array<unknown>(KEYS.length);
  for (let i = 0; i < KEYS.length; i++) {
    const v = t[KEYS[i]!];
    out[i] = typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
  }
  return out;
}

function fromRow(row: Row): TicketRecord {
  const t: Record<string, unknown> = {};
  for (const [k, c] of COLUMNS) t[k] = row[c];
  t.printed = row.printed === null ? null : row.printed === 1;
  return ticketRecord(t as unknown as TicketRecord);
}

/** The open statuses as SQL; the same text as the partial index `tickets_open` (migrations.ts), so SQLite uses it. */
const sqlList = (statuses: readonly string[]) => `(${statuses.map((s) => `'${s}'`).join(', ')})`;
const OPEN = sqlList(OPEN_STATUSES);
const TERMINAL = sqlList(TERMINAL_STATUSES);

export class TicketRepository {
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly getStmt;
  private readonly openStmt;
  private readonly byNumberStmt;
  private readonly lastFinishedStmt;
  private readonly doneTodayStmt;
  private readonly forgetStmt;
  private readonly raiseSeqStmt;
  private readonly daySeqStmt;
  private readonly dayNumbersStmt;
  private readonly dayIssuedStmt;

  constructor(private readonly db: Db) {
    const cols = COLUMNS.map(([, c]) => c);
    this.insertStmt = db.prepare(`INSERT INTO tickets (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    // Every column in COLUMNS order (id set to itself), then the id to find the row by.
    this.updateStmt = db.prepare(`UPDATE tickets SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
    this.getStmt = db.prepare('SELECT * FROM tickets WHERE center_id = this_center() AND id = ?');
    this.openStmt = db.prepare(`SELECT * FROM tickets WHERE center_id = this_center() AND status IN ${OPEN} ORDER BY enqueued_at, number`);
    this.byNumberStmt = db.prepare('SELECT * FROM tickets WHERE center_id = this_center() AND day = ? AND number = ? ORDER BY leg DESC LIMIT 1');
    this.lastFinishedStmt = db.prepare(`SELECT * FROM tickets WHERE center_id = this_center() AND counter_id = ? AND status = 'done' ORDER BY finished_at DESC LIMIT 1`);
    this.doneTodayStmt = db.prepare(
      `SELECT service_id, wait_end_at, finished_at FROM tickets WHERE center_id = this_center() AND day = ? AND status = 'done' AND wait_end_at IS NOT NULL ORDER BY finished_at DESC LIMIT 500`,
    );
    this.raiseSeqStmt = db.prepare(
      `INSERT INTO day_sequences (day, service_id, seq) VALUES (?, ?, ?)
       ON CONFLICT (day, service_id) DO UPDATE SET seq = MAX(seq, excluded.seq)`,
    );
    this.daySeqStmt = db.prepare('SELECT service_id, seq FROM day_sequences WHERE center_id = this_center() AND day = ?');
    this.dayNumbersStmt = db.prepare('SELECT number FROM tickets WHERE center_id = this_center() AND day = ? AND leg = 0');
    this.dayIssuedStmt = db.prepare('SELECT service_id, COUNT(*) AS n FROM tickets WHERE center_id = this_center() AND day = ? AND leg = 0 GROUP BY service_id');
    this.forgetStmt = db.prepare(
      `UPDATE tickets SET citizen_name = NULL, citizen_age = NULL, id_hash = NULL, id_last4 = NULL
       WHERE (citizen_name IS NOT NULL OR citizen_age IS NOT NULL OR id_hash IS NOT NULL OR id_last4 IS NOT NULL) AND arrived_at < ? AND status IN ${TERMINAL}`,
    );
  }

  /** Records that a field's day sequence reached `seq` (it never goes down). */
  raiseSeq(day: string, serviceId: string, seq: number): void {
    this.raiseSeqStmt.run(day, serviceId, seq);
  }

  /** Per field, the day's last sequence number. */
  daySequences(day: string): Map<string, number> {
    return new Map((this.daySeqStmt.all(day) as { service_id: string; seq: number }[]).map((r) => [r.service_id, r.seq]));
  }

  /** The day's numbers given to first legs. */
  dayNumbers(day: string): Set<string> {
    return new Set((this.dayNumbersStmt.all(day) as { number: string }[]).map((r) => r.number));
  }

  /** Per field, the day's first legs. */
  dayIssued(day: string): Map<string, number> {
    return new Map((this.dayIssuedStmt.all(day) as { service_id: string; n: number }[]).map((r) => [r.service_id, r.n]));
  }

  insert(t: TicketRecord): void {
    this.insertStmt.run(toValues(t));
  }

  update(t: TicketRecord): void {
    const values = toValues(t);
    values.push(t.id);
    this.updateStmt.run(values);
  }

  get(id: string): TicketRecord | null {
    const row = this.getStmt.get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Today's latest transaction with that number. */
  byNumber(day: string, number: string): TicketRecord | null {
    const row = this.byNumberStmt.get(day, number) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  open(): TicketRecord[] {
    return (this.openStmt.all() as Row[]).map(fromRow);
  }

  lastFinishedAt(counterId: string): TicketRecord | null {
    const row = this.lastFinishedStmt.get(counterId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Recent service times of the day, for estimates: [serviceId, ms]. */
  recentServiceTimes(day: string): [string, number][] {
    return (this.doneTodayStmt.all(day) as { service_id: string; wait_end_at: number; finished_at: number }[]).map((r) => [
      r.service_id,
      r.finished_at - r.wait_end_at,
    ]);
  }

  /** Clears the name, age, ID hash and last four digits of closed tickets that arrived before `cutoff`; returns how many changed. */
  forgetCitizens(cutoff: number): number {
    return this.forgetStmt.run(cutoff).changes;
  }

}
