// Booking a time (đặt lịch hẹn) and checking in at the kiosk near that time.
import { randomInt } from 'node:crypto';
import type { CenterConfig } from '@mot-cua/config';
import { liveConfig, type ConfigSource } from './centre.ts';
import { addDays, dayKey, dayStart, spansOn, toMin, type WeeklyHours } from '../domain/index.ts';
import type { StorePort, StoreReads, Booking, TicketRecord } from '../store/index.ts';
import type { Queue } from './queue.ts';
import { fail } from '../domain/messages.ts';
import { normalisePhone } from '../domain/notify-texts.ts';

const SLOT_MINUTES = 30;
// No 0/O, 1/I/L: codes are read aloud and typed on a kiosk.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * A name as a booking look-up shows it: the family name whole, the others as initials,
 * diacritics kept ("Nguyễn Văn An" → "Nguyễn V. A."), enough for the citizen to know it is theirs.
 */
export function maskName(fullName: string): string {
  const [family, ...rest] = fullName.normalize('NFC').trim().split(/\s+/);
  return [family ?? '', ...rest.map((w) => `${Array.from(w)[0]!.toLocaleUpperCase('vi')}.`)].join(' ');
}

export class BookingService {
  /** The live configuration, read at each use (issue 13.2). */
  private readonly liveConfig: () => CenterConfig;
  private get config(): CenterConfig {
    return this.liveConfig();
  }

  constructor(
    config: ConfigSource,
    private readonly store: StorePort,
    private readonly queue: Queue,
    /** Whether the centre can send a booking's reminders (a text channel is set up, issue 17.2). */
    private readonly canRemind: () => boolean = () => false,
  ) {
    this.liveConfig = liveConfig(config);
  }

  /** Bookable times of a day: every half hour of the opening spans, as many per slot as counters serve the field. */
  async slots(serviceId: string, day: string): Promise<{ time: string; free: number }[]> {
    const service = this.queue.centre.service(serviceId);
    const hours: WeeklyHours = service.hours ?? this.config.hours;
    const spans = spansOn(hours, dayStart(day) + 12 * 3600_000);
    const capacity = Math.max(1, this.config.counters.filter((c) => c.serviceIds.includes(serviceId)).length);
    const taken = await this.reads.bookingCounts(serviceId, day);
    const now = this.queue.centre.now();
    const out: { time: string; free: number }[] = [];
    for (const s of spans) {
      for (let m = toMin(s.open); m + SLOT_MINUTES <= toMin(s.close); m += SLOT_MINUTES) {
        const time = hhmm(m);
        if (dayStart(day) + m * 60_000 <= now) continue;
        out.push({ time, free: Math.max(0, capacity - (taken.get(time) ?? 0)) });
      }
    }
    return out;
  }

  /**
   * The days from today on (centre time) that still have a free time: a day whose times are
   * all past, full, or closed (Sunday, a holiday) is left out, so the kiosk never offers it.
   */
  async days(serviceId: string, count = 7): Promise<{ date: string; free: number }[]> {
    const today = dayKey(this.queue.centre.now());
    const out: { date: string; free: number }[] = [];
    for (let d = 0; d < count; d++) {
      const date = addDays(today, d);
      const free = (await this.slots(serviceId, date)).reduce((n, s) => n + s.free, 0);
      if (free > 0) out.push({ date, free });
    }
    return out;
  }

  async create(input: { serviceId: string; date: string; time: string; fullName: string; phone: string; remind?: boolean }): Promise<Booking> {
    // Reminders go by text to a mobile number: asked for, the number must be one and the centre able to send.
    if (input.remind && normalisePhone(input.phone) === null) throw fail('bad_phone');
    if (input.remind && !this.canRemind()) throw fail('notify_unavailable', { channel: 'SMS' });
    const slot = (await this.slots(input.serviceId, input.date)).find((s) => s.time === input.time);
    if (!slot) throw fail('no_such_slot', { time: input.time, date: input.date });
    if (slot.free <= 0) throw fail('slot_full', { time: input.time });
    const bookedAt = dayStart(input.date) + toMin(input.time) * 60_000;
    let code = '';
    do code = Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    while (await this.reads.booking(code));
    const b: Booking = {
      code,
      serviceId: input.serviceId,
      day: input.date,
      time: input.time,
      bookedAt,
      fullName: input.fullName.normalize('NFC').trim(),
      phone: input.phone.trim(),
      status: 'booked',
      ticketId: null,
      createdAt: this.queue.centre.now(),
      remind: input.remind === true,
    };
    await this.store.commit({ bookings: [b] });
    return b;
  }

  private get reads(): StoreReads {
    return this.store.reads;
  }

  async get(code: string): Promise<Booking> {
    const b = await this.reads.booking(code.toUpperCase());
    if (!b) throw fail('not_found:booking', { code });
    return b;
  }

  /** Checks in within the configured window and issues an appointment ticket carrying the booked time. */
  async checkIn(code: string): Promise<TicketRecord> {
    const b = await this.get(code);
    if (b.status === 'checked_in') throw fail('already_checked_in');
    if (b.status === 'cancelled') throw fail('cancelled');
    const now = this.queue.centre.now();
    const earliest = b.bookedAt - this.config.booking.earlyMinutes * 60_000;
    const latest = b.bookedAt + this.config.booking.lateMinutes * 60_000;
    if (now < earliest) {
      const from = new Date(earliest + 7 * 3600_000).toISOString();
      const time = from.slice(11, 16);
      throw dayKey(earliest) !== dayKey(now) ? fail('too_early:other_day', { time, day: `${from.slice(8, 10)}/${from.slice(5, 7)}` }) : fail('too_early', { time });
    }
    if (now > latest) throw fail('too_late');
    // The booking's check-in is written in the ticket's batch: both or neither.
    const { ticket } = await this.queue.issue.issue({ serviceId: b.serviceId, channel: 'appointment', bookedAt: b.bookedAt }, `booking:${b.code}`, b.code);
    return ticket;
  }
}
