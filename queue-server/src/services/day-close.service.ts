// The day's close: at the end of the centre's day every ticket still waiting,
// called, serving or parked ends `expired`, with an `expired` event in the log,
// so tomorrow's queue starts empty (its numbers start again per day: the day
// sequences of open-tickets.ts). The day ends at its last closing time — the
// latest close of the centre's and the fields' hours that day — when the centre
// enforces its hours, and at local midnight otherwise (or on a day with no
// hours): midnight Asia/Ho_Chi_Minh at the latest. A server that was down at
// the close closes the days it missed on start (closeDue before it listens).
import { addDays, dayStart, spansOn, toMin, transition, type WeeklyHours } from '../domain/index.ts';
import { ticketRecord, type TicketRecord } from '../store/index.ts';
import type { Bus } from './bus.ts';
import type { Centre } from './centre.ts';
import type { EventLog } from './event-log.ts';
import type { HallService } from './hall.service.ts';
import type { OpenTickets } from './open-tickets.ts';

/** The event's actor: the server itself, not an official nor the citizen. */
export const DAY_CLOSE_ACTOR = 'system';
/** How often the timer looks at the clock (real time); the clock itself is the injected one. */
const DEFAULT_TICK_MS = 30_000;

export class DayCloseService {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<TicketRecord[]> | null = null;
  private readonly closes = new Map<string, number>();

  constructor(
    private readonly centre: Centre,
    private readonly open: OpenTickets,
    private readonly log: EventLog,
    private readonly hall: HallService,
    private readonly bus: Bus,
    private readonly opts: { enforceHours: boolean },
  ) {}

  /** The instant the local day `day` (YYYY-MM-DD) closes. */
  closesAt(day: string): number {
    const cached = this.closes.get(day);
    if (cached !== undefined) return cached;
    const midnight = dayStart(addDays(day, 1));
    let at = midnight;
    if (this.opts.enforceHours) {
      const noon = dayStart(day) + 12 * 3600_000;
      const all: WeeklyHours[] = [this.centre.config.hours, ...this.centre.config.services.flatMap((s) => (s.hours ? [s.hours] : []))];
      const last = Math.max(-1, ...all.flatMap((h) => spansOn(h, noon).map((s) => toMin(s.close))));
      if (last >= 0) at = Math.min(midnight, dayStart(day) + last * 60_000);
    }
    if (this.closes.size > 60) this.closes.clear();
    this.closes.set(day, at);
    return at;
  }

  /** The open tickets whose day has closed by now. */
  due(): TicketRecord[] {
    const now = this.centre.now();
    return this.open.list().filter((t) => this.closesAt(t.day) <= now);
  }

  /**
   * Expires every open ticket whose day has closed, in one write, and tells the
   * screens; resolves with the expired tickets (none: nothing written). One
   * close runs at a time: a second call waits for the first.
   */
  closeDue(): Promise<TicketRecord[]> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<TicketRecord[]> {
    if (this.due().length === 0) return [];
    const now = this.centre.now();
    const expired = await this.open.write((w) =>
      // Decided again inside the write, from memory as it is now.
      this.due().map((t) => {
        // At the day's close, unless the ticket moved after it (a server closing late) — never in the future.
        const at = Math.min(now, Math.max(this.closesAt(t.day), t.enqueuedAt, t.calledAt ?? 0, t.startedAt ?? 0));
        const next = ticketRecord(t, transition(t, 'expire', { now: at }));
        w.updateTicket(next);
        this.log.action(w, 'expire', t, next, at, DAY_CLOSE_ACTOR);
        return next;
      }),
    );
    this.hall.forget(new Set(expired.map((t) => t.id)));
    for (const t of expired) this.bus.announce('ticket.updated', t);
    return expired;
  }

  /** A close that fails (the store refused it) is tried again at the next tick. */
  private closeLater(): void {
    this.closeDue().catch((e: unknown) => process.emitWarning(e instanceof Error ? e : new Error(String(e))));
  }

  /** Looks at the clock every `tickMs` and closes what is due. */
  start(tickMs = DEFAULT_TICK_MS): void {
    this.stop();
    this.timer = setInterval(() => this.closeLater(), tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
