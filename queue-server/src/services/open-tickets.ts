// The queue's runtime state in memory, mirroring the store: the open tickets
// (waiting, called, serving, parked), the tickets written today, the day's
// sequences, numbers and visit counts, the idempotency keys, the last ticket
// finished at each counter and the day's service times. Services decide from
// it without reading the database, then write each decision as one batch
// through the store port (write()): memory follows at once, so the next
// decision sees it, and the answer waits for the commit. Should a commit be
// refused, memory is loaded again from the store and the write answers 503.
import { dayKey, isOpenStatus } from '../domain/index.ts';
import { fail } from '../domain/messages.ts';
import type { TicketRecord } from '../store/index.ts';
import type { Batch, RuntimeState, StorePort } from '../store/port.ts';
import { Writes } from './writes.ts';

/** How many of the day's service times the estimates average over (the newest). */
const SERVICE_TIMES_KEPT = 500;
/** An idempotency key answers retries for a day (a kiosk retries within minutes), then is forgotten. */
export const IDEMPOTENCY_KEEP_MS = 24 * 3600_000;
/** How often, at most, a write also forgets the keys older than that. */
const KEY_SWEEP_MS = 3600_000;

export class OpenTickets {
  private readonly open = new Map<string, TicketRecord>();
  /** Tickets written since the start (open or not): fresher than any read of the store begun before their commit. */
  private readonly written = new Map<string, TicketRecord>();
  private day = '';
  private readonly sequences = new Map<string, number>();
  private readonly numbers = new Set<string>();
  private readonly issued = new Map<string, number>();
  private readonly keys = new Map<string, { ticketId: string; at: number }>();
  /** When keys were last swept (0: not since the start). */
  private keysSweptAt = 0;
  private readonly lastFinished = new Map<string, string>();
  /** The day's service times, [serviceId, ms], oldest first. */
  private serviceTimes: [string, number][] = [];
  private readonly reloadListeners: ((rt: RuntimeState) => void)[] = [];
  private reloading: Promise<void> | null = null;
  /** Counts writes (and reloads): what a cached estimate was made from. */
  version = 0;

  private constructor(
    private readonly port: StorePort,
    private readonly now: () => number,
  ) {}

  /** The mirror of what the store holds now. */
  static async load(port: StorePort, now: () => number): Promise<{ open: OpenTickets; runtime: RuntimeState }> {
    const open = new OpenTickets(port, now);
    const runtime = await open.fetch();
    return { open, runtime };
  }

  /** Runs `fn` after every reload from the store (whoever keeps state beside the open tickets). */
  onReload(fn: (rt: RuntimeState) => void): void {
    this.reloadListeners.push(fn);
  }

  private async fetch(): Promise<RuntimeState> {
    const day = dayKey(this.now());
    const [rt, times] = await Promise.all([this.port.loadRuntime(day), this.port.reads.recentServiceTimes(day)]);
    this.open.clear();
    this.written.clear();
    for (const t of rt.openTickets) this.open.set(t.id, t);
    this.startDay(rt);
    this.keys.clear();
    for (const [k, v] of rt.idempotencyKeys) this.keys.set(k, v);
    this.keysSweptAt = 0;
    this.lastFinished.clear();
    this.serviceTimes = times.slice(0, SERVICE_TIMES_KEPT).reverse();
    this.version++;
    return rt;
  }

  private startDay(rt: Pick<RuntimeState, 'day' | 'sequences' | 'numbers' | 'issued'>): void {
    this.day = rt.day;
    this.sequences.clear();
    this.numbers.clear();
    this.issued.clear();
    for (const [k, v] of rt.sequences) this.sequences.set(k, v);
    for (const n of rt.numbers) this.numbers.add(n);
    for (const [k, v] of rt.issued) this.issued.set(k, v);
  }

  /** The day's counts start afresh at local midnight. */
  private today(): string {
    const day = dayKey(this.now());
    if (day !== this.day) {
      this.startDay({ day, sequences: new Map(), numbers: new Set(), issued: new Map() });
      this.serviceTimes = [];
      // Yesterday's closed tickets are read from the store again when asked for.
      for (const id of this.written.keys()) if (!this.open.has(id)) this.written.delete(id);
    }
    return day;
  }

  private reload(): Promise<void> {
    this.reloading ??= this.fetch().then(
      (rt) => {
        this.reloading = null;
        for (const fn of this.reloadListeners) fn(rt);
      },
      () => {
        // The store cannot be read either: the next refused write tries again.
        this.reloading = null;
      },
    );
    return this.reloading;
  }

  /**
   * One decision: `fn` decides from memory and records its writes; nothing is
   * kept if it throws. Memory follows at once; the promise settles once the
   * batch is durable, or rejects with storage_failed once memory is reloaded.
   */
  async write<T>(fn: (w: Writes) => T): Promise<T> {
    if (this.reloading) throw fail('storage_failed');
    const w = new Writes();
    const result = fn(w);
    this.sweepKeys(w.batch);
    this.follow(w.batch);
    try {
      await this.port.commit(w.batch);
    } catch {
      await this.reload();
      throw fail('storage_failed');
    }
    return result;
  }

  private follow(b: Batch): void {
    for (const t of b.insertTickets ?? []) this.track(t, true);
    for (const t of b.updateTickets ?? []) this.track(t, false);
    for (const q of b.sequences ?? []) if (q.day === this.day) this.sequences.set(q.serviceId, Math.max(q.seq, this.sequences.get(q.serviceId) ?? 0));
    for (const k of b.idempotencyKeys ?? []) this.keys.set(k.key, { ticketId: k.ticketId, at: k.at });
    this.version++;
  }

  private track(t: TicketRecord, inserted: boolean): void {
    // Finished by this write (a later change of a done ticket, such as its rating, is no finish).
    const finished = t.status === 'done' && this.open.has(t.id);
    this.written.set(t.id, t);
    if (isOpenStatus(t.status)) this.open.set(t.id, t);
    else this.open.delete(t.id);
    if (inserted && t.leg === 0 && t.day === this.day) {
      this.numbers.add(t.number);
      this.issued.set(t.serviceId, (this.issued.get(t.serviceId) ?? 0) + 1);
    }
    if (finished && t.counterId !== null) {
      this.lastFinished.set(t.counterId, t.id);
      if (t.waitEndAt !== null && t.finishedAt !== null && t.day === this.day) {
        this.serviceTimes.push([t.serviceId, t.finishedAt - t.waitEndAt]);
        if (this.serviceTimes.length > 2 * SERVICE_TIMES_KEPT) this.serviceTimes = this.serviceTimes.slice(-SERVICE_TIMES_KEPT);
      }
    }
  }

  // ── what decisions read ────────────────────────────────────────────────────

  /** The next free sequence number and ticket number of a field today (a number already given is skipped). */
  nextNumber(serviceId: string, format: (seq: number) => string): { day: string; seq: number; number: string } {
    const day = this.today();
    let seq = this.sequences.get(serviceId) ?? 0;
    let number: string;
    // Possible only when prefixes overlap past the padded width.
    do number = format(++seq);
    while (this.numbers.has(number));
    return { day, seq, number };
  }

  /**
   * `count` sequence numbers of a field today after the last one given, for a kiosk's lease (issue 17.4):
   * the caller records the last as the day's sequence, so no later number of the server is one of these.
   */
  reserve(serviceId: string, count: number, format: (seq: number) => string): { day: string; numbers: { seq: number; number: string }[] } {
    const day = this.today();
    let seq = this.sequences.get(serviceId) ?? 0;
    const numbers: { seq: number; number: string }[] = [];
    while (numbers.length < count) {
      const number = format(++seq);
      if (!this.numbers.has(number)) numbers.push({ seq, number });
    }
    return { day, numbers };
  }

  /** Whether today's tickets include this number already (a first leg). */
  numberGiven(number: string): boolean {
    this.today();
    return this.numbers.has(number);
  }

  /** The field's visits issued today. */
  issuedToday(serviceId: string): number {
    this.today();
    return this.issued.get(serviceId) ?? 0;
  }

  /** Whether an idempotency key has made a ticket (which may be older than memory). */
  keyTicketId(key: string): string | undefined {
    return this.keys.get(key)?.ticketId;
  }

  /**
   * At most once an hour a write also forgets the keys older than a day, in memory and
   * (in the same batch) in the store, so neither grows with every ticket ever issued.
   */
  private sweepKeys(b: Batch): void {
    const now = this.now();
    if (now - this.keysSweptAt < KEY_SWEEP_MS) return;
    this.keysSweptAt = now;
    const cutoff = now - IDEMPOTENCY_KEEP_MS;
    for (const [k, v] of this.keys) if (v.at < cutoff) this.keys.delete(k);
    b.forgetIdempotencyKeysBefore = cutoff;
  }

  /** An open ticket, or one written since the start, from memory. */
  known(id: string): TicketRecord | undefined {
    return this.open.get(id) ?? this.written.get(id);
  }

  /** Any ticket: from memory when it is there, else from the store. */
  async get(id: string): Promise<TicketRecord> {
    const t = this.known(id) ?? (await this.port.reads.ticket(id));
    // Memory may have learnt of it while the read was under way.
    const fresh = this.known(id) ?? t;
    if (!fresh) throw fail('not_found:ticket', { id });
    return fresh;
  }

  /** Today's ticket with this number (its latest transaction). */
  async byNumber(number: string): Promise<TicketRecord> {
    let best: TicketRecord | null = null;
    const day = dayKey(this.now());
    for (const t of this.open.values()) if (t.day === day && t.number === number && (!best || t.leg > best.leg)) best = t;
    const t = best ?? (await this.port.reads.ticketByNumber(day, number));
    if (!t) throw fail('not_found:ticket_number', { id: number });
    return this.known(t.id) ?? t;
  }

  /** The ticket called or being served at a counter, if any (the latest call). */
  currentAt(counterId: string): TicketRecord | null {
    let cur: TicketRecord | null = null;
    for (const t of this.open.values()) {
      if (t.counterId === counterId && (t.status === 'called' || t.status === 'serving') && (!cur || (t.calledAt ?? 0) > (cur.calledAt ?? 0))) cur = t;
    }
    return cur;
  }

  /** The ticket finished last at a counter. */
  async lastFinishedAt(counterId: string): Promise<TicketRecord | null> {
    const id = this.lastFinished.get(counterId);
    const t = id !== undefined ? this.known(id) : await this.port.reads.lastFinishedAt(counterId);
    return t ? (this.known(t.id) ?? t) : null;
  }

  /** The day's service times, [serviceId, ms], newest first at most SERVICE_TIMES_KEPT. */
  recentServiceTimes(): [string, number][] {
    this.today();
    return this.serviceTimes.slice(-SERVICE_TIMES_KEPT).reverse();
  }

  /** The open tickets, in no promised order. */
  values(): IterableIterator<TicketRecord> {
    return this.open.values();
  }

  /** The open tickets and those written since the start, each once. */
  seen(): TicketRecord[] {
    const all = new Map(this.open);
    for (const [id, t] of this.written) if (!all.has(id)) all.set(id, t);
    return [...all.values()];
  }

  list(): TicketRecord[] {
    return [...this.open.values()];
  }
}
