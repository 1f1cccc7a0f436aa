// Writing the append-only event log: one row per change of a ticket, in the
// vocabulary of domain/ticket-events.ts. Call inside a write.
import { eventOfAction, type Action, type EventType } from '../domain/index.ts';
import type { Store, TicketRecord } from '../store/index.ts';
import { actorName, type Actor } from './actor.ts';

export class EventLog {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  /** The event of a state-machine action that took `before` to `after`. */
  action(action: Exclude<Action, 'transfer'>, before: TicketRecord, after: TicketRecord, at: number, staff: string | null): void {
    this.store.events.append(eventOfAction(action, before, after, at, staff));
  }

  /** Any other event of a ticket (issued, transferred, rated, print result), now. */
  record(t: TicketRecord, type: EventType, actor: Actor | null, data: Record<string, unknown>): void {
    this.store.events.append({
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
  audit(actor: Actor, action: string, target: string | null): void {
    this.store.audit.append(actorName(actor) ?? 'unknown', action, target, {}, this.now());
  }
}
