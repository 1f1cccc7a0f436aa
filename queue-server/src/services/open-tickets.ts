// The open tickets (waiting, called, serving, parked) in memory, mirroring the
// file: every write of a ticket goes through write() here, so the mirror and
// the file agree. A write's tickets are staged and reach the mirror only once
// its savepoint is released; should the batch's group commit then fail, the
// store's rollback listener reloads the mirror from the file.
import { dayKey, isOpenStatus, notFound } from '../domain/index.ts';
import type { Store, TicketRecord } from '../store/index.ts';

export class OpenTickets {
  private readonly byId = new Map<string, TicketRecord>();
  /** Tickets written by the write under way (null outside one). */
  private staged: TicketRecord[] | null = null;
  private readonly reloadListeners: (() => void)[] = [];
  /** Counts writes (and reloads): what a cached estimate was made from. */
  version = 0;

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {
    this.reload();
    // A failed group commit undid writes the mirror already holds: read the file again.
    store.onRollback(() => this.reload());
  }

  /** Runs `fn` after every reload from the file (whoever derives state from the open tickets). */
  onReload(fn: () => void): void {
    this.reloadListeners.push(fn);
  }

  private reload(): void {
    this.byId.clear();
    for (const t of this.store.tickets.open()) this.byId.set(t.id, t);
    this.version++;
    for (const fn of this.reloadListeners) fn();
  }

  /** One all-or-nothing write (a savepoint of the group commit); the mirror follows only if it succeeds. */
  write<T>(fn: () => T): T {
    const outer = this.staged === null;
    if (outer) this.staged = [];
    try {
      const result = this.store.tx(fn);
      if (outer) for (const t of this.staged!) this.track(t);
      this.version++;
      return result;
    } finally {
      if (outer) this.staged = null;
    }
  }

  /** A new ticket, inside write(). */
  insert(t: TicketRecord): void {
    this.store.tickets.insert(t);
    this.staged?.push(t);
  }

  /** A ticket's new state, inside write(). */
  save(t: TicketRecord): void {
    this.store.tickets.update(t);
    this.staged?.push(t);
  }

  private track(t: TicketRecord): void {
    if (isOpenStatus(t.status)) this.byId.set(t.id, t);
    else this.byId.delete(t.id);
  }

  /** Any ticket, open or not, as the file has it (inside a write, with the write's changes). */
  get(id: string): TicketRecord {
    const t = this.store.tickets.get(id);
    if (!t) throw notFound('phiếu|ticket', id);
    return t;
  }

  /** Today's ticket with this number (its latest transaction). */
  byNumber(number: string): TicketRecord {
    const t = this.store.tickets.byNumber(dayKey(this.now()), number);
    if (!t) throw notFound('phiếu số|ticket number', number);
    return t;
  }

  /** The ticket called or being served at a counter, if any. */
  currentAt(counterId: string): TicketRecord | null {
    return this.store.tickets.currentAt(counterId);
  }

  /** The open tickets, in no promised order. */
  values(): IterableIterator<TicketRecord> {
    return this.byId.values();
  }

  list(): TicketRecord[] {
    return [...this.byId.values()];
  }
}
