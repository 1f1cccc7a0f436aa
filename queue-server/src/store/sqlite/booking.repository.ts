// Bookings (đặt lịch hẹn) and dossiers (hồ sơ) as the centre's own SQLite tables.
import type { Db } from './db.ts';
import type { Booking, BookingStatus, Dossier, DossierSource, DossierStatus } from '../records.ts';

type BookingRow = { code: string; service_id: string; day: string; time: string; booked_at: number; full_name: string; phone: string; status: BookingStatus; ticket_id: string | null; created_at: number; remind: number };
const bookingFromRow = (r: BookingRow): Booking => ({
  code: r.code,
  serviceId: r.service_id,
  day: r.day,
  time: r.time,
  bookedAt: r.booked_at,
  fullName: r.full_name,
  phone: r.phone,
  status: r.status,
  ticketId: r.ticket_id,
  createdAt: r.created_at,
  remind: r.remind === 1,
});

export class BookingRepository {
  constructor(private readonly db: Db) {}

  insert(b: Booking): void {
    this.db
      .prepare(
        `INSERT INTO bookings (code, service_id, day, time, booked_at, full_name, phone, status, ticket_id, created_at, remind)
         VALUES (@code, @serviceId, @day, @time, @bookedAt, @fullName, @phone, @status, @ticketId, @createdAt, @remind)`,
      )
      .run({ ...b, remind: b.remind ? 1 : 0 });
  }

  /** Bookings still to come that asked for reminders, booked for a time in (from, to]. */
  toRemind(from: number, to: number): Booking[] {
    const rows = this.db
      .prepare("SELECT * FROM bookings WHERE center_id = this_center() AND remind = 1 AND status = 'booked' AND booked_at > ? AND booked_at <= ? ORDER BY booked_at, code")
      .all(from, to) as BookingRow[];
    return rows.map(bookingFromRow);
  }

  get(code: string): Booking | null {
    const r = this.db.prepare('SELECT * FROM bookings WHERE center_id = this_center() AND code = ?').get(code) as BookingRow | undefined;
    return r ? bookingFromRow(r) : null;
  }

  checkIn(code: string, ticketId: string): void {
    this.db.prepare("UPDATE bookings SET status = 'checked_in', ticket_id = ? WHERE code = ?").run(ticketId, code);
  }

  /** Clears the name and phone number of bookings whose time was before `cutoff`; returns how many changed. */
  forgetPeople(cutoff: number): number {
    return this.db.prepare("UPDATE bookings SET full_name = '', phone = '' WHERE booked_at < ? AND (full_name != '' OR phone != '')").run(cutoff).changes;
  }

  /** Booked (not cancelled) count per time of a service's day. */
  countsFor(serviceId: string, day: string): Map<string, number> {
    const rows = this.db
      .prepare("SELECT time, COUNT(*) AS n FROM bookings WHERE center_id = this_center() AND service_id = ? AND day = ? AND status != 'cancelled' GROUP BY time")
      .all(serviceId, day) as { time: string; n: number }[];
    return new Map(rows.map((r) => [r.time, r.n]));
  }
}

type DossierRow = { code: string; procedure_code: string; applicant_name: string; status: DossierStatus; received_at: number; due_at: number; updated_at: number; note: string | null };


export class SqliteDossierSource implements DossierSource {
  constructor(private readonly db: Db) {}

  async find(code: string): Promise<Dossier | null> {
    const r = this.db.prepare('SELECT * FROM dossiers WHERE center_id = this_center() AND code = ?').get(code) as DossierRow | undefined;
    return r
      ? { code: r.code, procedureCode: r.procedure_code, applicantName: r.applicant_name, status: r.status, receivedAt: r.received_at, dueAt: r.due_at, updatedAt: r.updated_at, note: r.note }
      : null;
  }

  upsert(d: Dossier): void {
    this.db
      .prepare(
        `INSERT INTO dossiers (code, procedure_code, applicant_name, status, received_at, due_at, updated_at, note)
         VALUES (@code, @procedureCode, @applicantName, @status, @receivedAt, @dueAt, @updatedAt, @note)
         ON CONFLICT (code) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, note = excluded.note`,
      )
      .run(d);
  }
}
