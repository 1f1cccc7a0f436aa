// What follows from a change — the ticket's new status, a counter's current
// ticket, the queue's sizes — is gathered for up to GATHER_MS and sent
// together, each ticket and counter once with its latest state. A call
// (ticket.called) never waits here: it leaves at once, before the lists that
// follow from it.
//
// Screens built on ui-shared's LiveSocket say `batch: 1` in their handshake
// and get one `batch { events }` packet per gathering, the new tickets in it
// too: a hall of a thousand screens then costs the server one write per screen
// per gathering instead of one per event, and the garbage of those writes is
// what grew the server's memory over a busy day. Any other client gets the
// events one by one, as before (`ticket.issued` at once).
import type { TicketRecord } from '../store/index.ts';

/** Where events go: to a room's members one by one, or as one `batch` packet to the room of those that asked. */
export interface Target {
  emit(event: string, payload: unknown): unknown;
}
export const GATHER_MS = 100;

/** One event inside a `batch`: its name and payload, as it would have been sent alone. */
export type BatchedEvent = [name: string, payload: unknown];

export interface OutboxViews {
  ticket(t: TicketRecord): unknown;
  counter(id: string): unknown;
  queue(): unknown;
  /** Per-room extras that leave with each gathering (the staff's waiting lists). */
  afterFlush(): void;
}

/** Whether a socket's handshake asked for gathered events (`auth: { batch: 1 }`). */
export const wantsBatch = (auth: unknown): boolean => (auth as { batch?: unknown } | undefined)?.batch === 1;

export class Outbox {
  #timer: NodeJS.Timeout | null = null;
  /** New tickets not yet sent to the batch room, in the order they came. */
  readonly #issued = new Map<string, TicketRecord>();
  readonly #tickets = new Map<string, TicketRecord>();
  readonly #counters = new Set<string>();

  constructor(
    /** The centre's sockets that take events one by one. */
    private readonly oneByOne: Target,
    /** The centre's sockets that take a `batch` per gathering. */
    private readonly batched: Target,
    private readonly views: OutboxViews,
  ) {}

  /** A new ticket: at once to one-by-one clients, with the next gathering to the batch room. */
  issued(t: TicketRecord): void {
    this.oneByOne.emit('ticket.issued', { ticket: this.views.ticket(t) });
    this.#issued.set(t.id, t);
    this.#soon();
  }

  ticket(t: TicketRecord): void {
    this.#tickets.set(t.id, t);
    if (t.counterId) this.#counters.add(t.counterId);
    this.#soon();
  }

  counter(id: string): void {
    this.#counters.add(id);
    this.#soon();
  }

  /** The queue's sizes changed (nothing else to name). */
  queue(): void {
    this.#soon();
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #soon(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => this.flush(), GATHER_MS);
  }

  /** Sends what was gathered (public for tests). */
  flush(): void {
    this.stop();
    const batch: BatchedEvent[] = [];
    // A ticket issued and changed within one gathering goes once, as issued, with its latest state.
    for (const [id, t] of this.#issued) batch.push(['ticket.issued', { ticket: this.views.ticket(this.#tickets.get(id) ?? t) }]);
    const oneByOne = this.oneByOne;
    for (const t of this.#tickets.values()) {
      const e = { ticket: this.views.ticket(t) };
      oneByOne.emit('ticket.updated', e);
      if (!this.#issued.has(t.id)) batch.push(['ticket.updated', e]);
    }
    for (const id of this.#counters) {
      const e = { counter: this.views.counter(id) };
      oneByOne.emit('counter.updated', e);
      batch.push(['counter.updated', e]);
    }
    const q = { queue: this.views.queue() };
    oneByOne.emit('queue.changed', q);
    batch.push(['queue.changed', q]);
    this.batched.emit('batch', { events: batch });
    this.#issued.clear();
    this.#tickets.clear();
    this.#counters.clear();
    this.views.afterFlush();
  }
}
