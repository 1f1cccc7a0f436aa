// The optional notes of ratings (issue 16.5), apart from the append-only event log so
// the retention purge can delete them: a citizen's free text may hold what nobody
// should keep for ever.
import type { Db } from './db.ts';
import type { RatingNote } from '../records.ts';

type Row = { ticket_id: string; at: number; score: number; service_id: string; counter_id: string | null; staff: string | null; note: string };

export class RatingNoteRepository {
  constructor(private readonly db: Db) {}

  insert(n: RatingNote): void {
    this.db
      .prepare('INSERT INTO rating_notes (ticket_id, at, score, service_id, counter_id, staff, note) VALUES (@ticketId, @at, @score, @serviceId, @counterId, @staff, @note)')
      .run(n);
  }

  /** The notes written in [from, to), oldest first. */
  between(from: number, to: number): RatingNote[] {
    const rows = this.db.prepare('SELECT * FROM rating_notes WHERE center_id = this_center() AND at >= ? AND at < ? ORDER BY at, ticket_id').all(from, to) as Row[];
    return rows.map((r) => ({ ticketId: r.ticket_id, at: r.at, score: r.score, serviceId: r.service_id, counterId: r.counter_id, staff: r.staff, note: r.note }));
  }

  /** Deletes the notes written before `cutoff`; how many. */
  forget(cutoff: number): number {
    return this.db.prepare('DELETE FROM rating_notes WHERE center_id = this_center() AND at < ?').run(cutoff).changes;
  }
}
