// What a ticket learns after the fact: the citizen's rating of the service
// (once per served visit, from the phone or the counter's rating keypad), and
// whether the kiosk's printer printed it.
import { ticketRecord, type TicketRecord } from '../store/index.ts';
import { assertMayActAt, type Actor } from './actor.ts';
import type { Bus } from './bus.ts';
import type { Centre } from './centre.ts';
import type { EventLog } from './event-log.ts';
import type { OpenTickets } from './open-tickets.ts';
import { fail } from '../domain/messages.ts';

/** A visit moves through at most this many transfers before the rating gives up following it. */
const MAX_TRANSFERS = 20;

export class RatingService {
  constructor(
    private readonly centre: Centre,
    private readonly open: OpenTickets,
    private readonly log: EventLog,
    private readonly bus: Bus,
  ) {}

  async rate(ticketId: string, score: number): Promise<TicketRecord> {
    let t = await this.open.get(ticketId);
    // Follow a transferred visit to its last transaction.
    for (let hops = 0; t.transferredTo && hops < MAX_TRANSFERS; hops++) t = await this.open.get(t.transferredTo);
    if (t.status !== 'done') {
      throw fail('not_served', { number: t.number });
    }
    const target = t;
    return this.open.write((w) => {
      const fresh = this.open.known(target.id) ?? target;
      if (fresh.rating !== null) {
        throw fail('already_rated', { number: fresh.number });
      }
      const rated = ticketRecord(fresh, { rating: score });
      w.updateTicket(rated);
      this.log.record(w, rated, 'rated', null, { score });
      return rated;
    });
  }

  /** A rating keypad's press: rates the last ticket finished at the counter. */
  async rateAtCounter(counterId: string, score: number, actor: Actor): Promise<TicketRecord> {
    this.centre.counter(counterId);
    assertMayActAt(actor, counterId);
    const last = await this.open.lastFinishedAt(counterId);
    if (!last) throw fail('nothing_to_rate');
    return this.rate(last.id, score);
  }

  /** The kiosk agent's word on whether the ticket came out of the printer. */
  async recordPrint(ticketId: string, printed: boolean, reason: string | null, actor: Actor): Promise<TicketRecord> {
    const t = await this.open.get(ticketId);
    const updated = await this.open.write((w) => {
      const fresh = ticketRecord(this.open.known(ticketId) ?? t, { printed });
      w.updateTicket(fresh);
      this.log.record(w, fresh, 'print_result', actor, { printed, reason });
      return fresh;
    });
    this.bus.announce('ticket.updated', updated);
    return updated;
  }
}
