// A booking's reminders (issue 17.2): a text the day before and an hour before the booked time,
// for a citizen who asked for them when booking, by the centre's text channel (SMS, else Zalo).
// Every minute, the reminders whose moment (the booked time less a day, less an hour) fell since
// the last round are sent; the end of each round is kept in the store (meta), so a restart sends
// each once and a server down for a while sends, when back, those still ahead of their time.
import type { CenterConfig } from '@mot-cua/config';
import { bookingReminder, normalisePhone, type ReminderKind } from '../../domain/notify-texts.ts';
import type { StorePort } from '../../store/index.ts';
import type { TextChannel } from './channels.ts';

export const REMINDERS: readonly { kind: ReminderKind; aheadMs: number }[] = [
  { kind: 'day', aheadMs: 24 * 3600_000 },
  { kind: 'hour', aheadMs: 3600_000 },
];
export const REMINDER_TICK_MS = 60_000;
/** The store's meta key: the end of the last round. */
export const REMINDED_UNTIL = 'booking_reminders_until';

export class BookingReminders {
  #timer: NodeJS.Timeout | null = null;
  #round: Promise<number> | null = null;

  constructor(
    private readonly store: StorePort,
    private readonly text: TextChannel | null,
    private readonly config: () => CenterConfig,
    private readonly now: () => number,
    private readonly log: (line: string) => void,
  ) {}

  /** Whether reminders can be sent at all (the centre has a text channel). */
  get available(): boolean {
    return this.text !== null;
  }

  start(): void {
    if (!this.text || this.#timer) return;
    this.#timer = setInterval(() => void this.tick().catch((e: Error) => this.log(`booking reminders: ${e.message}`)), REMINDER_TICK_MS);
    this.#timer.unref();
    void this.tick().catch((e: Error) => this.log(`booking reminders: ${e.message}`));
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#round?.catch(() => 0);
  }

  /** One round: sends the reminders due since the last one; resolves with how many were sent. */
  tick(): Promise<number> {
    this.#round ??= this.#tick().finally(() => (this.#round = null));
    return this.#round;
  }

  async #tick(): Promise<number> {
    const text = this.text;
    if (!text) return 0;
    const now = this.now();
    const kept = Number(await this.store.reads.meta(REMINDED_UNTIL));
    // The first round of a data folder starts now: bookings made before reminders existed asked for none.
    const since = Number.isFinite(kept) && kept > 0 && kept <= now ? kept : now;
    let sent = 0;
    const config = this.config();
    for (const r of REMINDERS) {
      for (const b of await this.store.reads.bookingsToRemind(since + r.aheadMs, now + r.aheadMs)) {
        const phone = normalisePhone(b.phone);
        if (!phone) continue;
        const s = config.services.find((x) => x.id === b.serviceId);
        const notice = bookingReminder(b, r.kind, { field: s?.name ?? b.serviceId, fieldEn: s?.nameEn ?? s?.name ?? b.serviceId, centre: config.center.name });
        const d = await text.send(phone, notice);
        // No phone number, name or text in the log: the channel, the kind, the booking's code, how it went.
        this.log(`notify ${text.name} booking-${r.kind} booking ${b.code}: ${d.ok ? 'sent' : `${d.outcome} (${d.reason})`}`);
        if (d.ok) sent++;
      }
    }
    await this.store.commit({ meta: [{ key: REMINDED_UNTIL, value: String(now) }] });
    return sent;
  }
}
