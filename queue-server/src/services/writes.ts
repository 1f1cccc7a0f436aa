// The writes of one decision, gathered into the batch the store port commits
// all together (store/port.ts). Services record here instead of writing.
import type { DomainEvent } from '../domain/index.ts';
import type { CounterStatus, Preparation, RatingNote, TicketRecord } from '../store/index.ts';
import type { Batch } from '../store/port.ts';

export class Writes {
  readonly batch: Batch = {};

  /** A rating's note (issue 16.5): its own table, never the event log. */
  ratingNote(n: RatingNote): void {
    (this.batch.ratingNotes ??= []).push(n);
  }

  insertTicket(t: TicketRecord): void {
    (this.batch.insertTickets ??= []).push(t);
  }

  updateTicket(t: TicketRecord): void {
    (this.batch.updateTickets ??= []).push(t);
  }

  event(e: DomainEvent): void {
    (this.batch.events ??= []).push(e);
  }

  sequence(day: string, serviceId: string, seq: number): void {
    (this.batch.sequences ??= []).push({ day, serviceId, seq });
  }

  idempotencyKey(key: string, ticketId: string, at: number): void {
    (this.batch.idempotencyKeys ??= []).push({ key, ticketId, at });
  }

  counter(counterId: string, status: CounterStatus, staff: string | null, serviceIds: string[] | null, at: number): void {
    (this.batch.counters ??= []).push({ counterId, status, staff, serviceIds, at });
  }

  moveSessions(username: string, fromCounterId: string, toCounterId: string): void {
    (this.batch.moveSessions ??= []).push({ username, fromCounterId, toCounterId });
  }

  audit(actor: string, action: string, target: string | null, at: number, detail: Record<string, unknown> = {}): void {
    (this.batch.audit ??= []).push({ actor, action, target, detail, at });
  }

  preparation(p: Preparation): void {
    (this.batch.preparations ??= []).push(p);
  }

  bookingCheckIn(code: string, ticketId: string): void {
    (this.batch.bookingCheckIns ??= []).push({ code, ticketId });
  }
}
