// Writing the append-only event log: one row per change of a ticket, in the
// vocabulary of domain/ticket-events.ts, recorded in a decision's writes.
import { eventOfAction, type Action, type EventType } from '../domain/index.ts';
import type { FinishOutcome } from '../domain/outcome.ts';
import type { TicketRecord } from '../store/index.ts';
import { actorName, type Actor } from './actor.ts';
import type { Writes } from './writes.ts';

export class EventLog {
  constructor(private readonly now: () => number) {}

  /** The event of a state-machine action that took `before` to `after` (a finish with what the visit achieved). */
  action(w: Writes, action: Exclude<Action, 'transfer'>, before: TicketRecord, after: TicketRecord, at: number, staff: string | null, finish?: FinishOutcome): void {
    w.event(eventOfAction(action, before, after, at, staff, finish));
  }

  /** Any other event of a ticket (issued, transferred, rated, print result), now. */
  record(w: Writes, t: TicketRecord, type: EventType, actor: Actor | null, data: Record<string, unknown>): void {
    w.event({
      at: this.now(),
      type,
      ticketId: t.id,
      visitId: t.visitId,
      serviceId: t.serviceId,
      counterId: t.counterId,
      actor: actor ? actorName(actor) : null,
      data,
    });
  }

  /** A staff action that is not about a ticket (opening a counter…). */
  audit(w: Writes, actor: Actor, action: string, target: string | null, detail: Record<string, unknown> = {}): void {
    w.audit(actorName(actor) ?? 'unknown', action, target, this.now(), detail);
  }
}
