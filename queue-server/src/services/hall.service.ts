// The hall's side of calls: the recent calls the boards list, and the text the
// voice reads out. Calls reach the hall from the counter service (called()),
// which announces them on the bus once their write is durable.
import type { TicketRecord } from '../store/index.ts';
import type { Bus } from './bus.ts';
import type { Centre } from './centre.ts';
import type { OpenTickets } from './open-tickets.ts';

export interface RecentCall {
  ticketId: string;
  number: string;
  serviceId: string;
  counterId: string;
  counterNumber: number;
  calledAt: number;
  recall: boolean;
}

const RECENT_CALLS = 12;

export class HallService {
  private recent: RecentCall[] = [];

  constructor(
    private readonly centre: Centre,
    private readonly open: OpenTickets,
    private readonly bus: Bus,
  ) {
    this.recent = this.rebuild();
    open.onReload(() => (this.recent = this.rebuild()));
  }

  /** The latest calls, newest first. */
  calls(): RecentCall[] {
    return this.recent;
  }

  /** What the hall's voice says for a call. */
  announcement(call: RecentCall): string {
    return this.centre.config.voice.template.replaceAll('{number}', call.number).replaceAll('{counter}', String(call.counterNumber));
  }

  /** A ticket was called (or recalled) to its counter: list it first and announce it. */
  called(t: TicketRecord, recall: boolean): void {
    const call = this.toCall(t, recall);
    this.recent = [call, ...this.recent.filter((c) => c.ticketId !== t.id)].slice(0, RECENT_CALLS);
    this.bus.announce('ticket.called', { ticket: t, recall });
  }

  /** Tickets the day's close expired leave the boards' list of calls. */
  forget(ticketIds: ReadonlySet<string>): void {
    this.recent = this.recent.filter((c) => !ticketIds.has(c.ticketId));
  }

  /** From the open tickets, after a start or a reload: those at a counter, latest call first. */
  private rebuild(): RecentCall[] {
    return this.open
      .list()
      .filter((t) => (t.status === 'called' || t.status === 'serving') && t.counterId && t.calledAt)
      .sort((a, b) => b.calledAt! - a.calledAt!)
      .slice(0, RECENT_CALLS)
      .map((t) => this.toCall(t, t.callCount > 1));
  }

  private toCall(t: TicketRecord, recall: boolean): RecentCall {
    return {
      ticketId: t.id,
      number: t.number,
      serviceId: t.serviceId,
      counterId: t.counterId!,
      counterNumber: this.centre.counterNumber(t.counterId!),
      calledAt: t.calledAt!,
      recall,
    };
  }
}
