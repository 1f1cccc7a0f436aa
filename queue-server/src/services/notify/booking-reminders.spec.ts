import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoConfig } from '@mot-cua/config';
import type { Notice } from '../../domain/notify-texts.ts';
import { SqlitePort, Store, type Booking } from '../../store/index.ts';
import { BookingReminders, REMINDED_UNTIL } from './booking-reminders.ts';
import type { Delivery, TextChannel } from './channels.ts';

const T0 = Date.parse('2026-11-23T08:00:00+07:00');
const HOUR = 3600_000;
const config = loadDemoConfig();
let stores: Store[] = [];
afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
});

/** The texts the gateway was asked to send (the HTTP channels themselves are tested against a stub server in channels.spec.ts). */
class Sent implements TextChannel {
  readonly name = 'sms' as const;
  readonly texts: { phone: string; notice: Notice }[] = [];
  reply: Delivery = { ok: true };
  async send(phone: string, notice: Notice): Promise<Delivery> {
    this.texts.push({ phone, notice });
    return this.reply;
  }
}

function open(file = path.join(mkdtempSync(path.join(os.tmpdir(), 'motcua-remind-')), 'queue.db')) {
  const store = Store.open({ file });
  stores.push(store);
  return { file, port: new SqlitePort(store) };
}

const booking = (code: string, at: number, remind: boolean, phone = '0912 345 678'): Booking => ({
  code, serviceId: 'ho-tich', day: '2026-11-24', time: '10:00', bookedAt: at, fullName: 'Lê Thị Ánh', phone, status: 'booked', ticketId: null, createdAt: T0, remind,
});

describe('booking reminders (issue 17.2)', () => {
  it('the day before and an hour before, once each, across a restart; none for a booking that did not ask', async () => {
    const { file, port } = open();
    let now = T0;
    const sms = new Sent();
    const log: string[] = [];
    const reminders = () => new BookingReminders(open(file).port, sms, () => config, () => now, (l) => log.push(l));
    await port.commit({ bookings: [booking('AAAA22', T0 + 26 * HOUR, true), booking('NONE22', T0 + 26 * HOUR, false)] });
    const first = reminders();
    // The first round of a data folder starts now: nothing is sent for moments before it.
    expect(await first.tick()).toBe(0);
    expect(await port.reads.meta(REMINDED_UNTIL)).toBe(String(T0));

    now = T0 + 2 * HOUR + 30_000;
    expect(await first.tick()).toBe(1);
    expect(sms.texts.map((x) => [x.phone, x.notice.key])).toEqual([['0912345678', 'booking-day:AAAA22']]);
    expect(sms.texts[0]!.notice.text).toMatch(/^Nhắc lịch hẹn AAAA22: Tư pháp – Hộ tịch lúc 10:00 ngày mai 24\/11\/2026 tại .+ \/ Reminder AAAA22: .+ at 10:00 tomorrow 24\/11\/2026/);
    expect(await first.tick()).toBe(0);

    // A restart in between: the new server's rounds go on from the store's mark.
    now = T0 + 25 * HOUR + 10_000;
    const restarted = reminders();
    expect(await restarted.tick()).toBe(1);
    expect(await restarted.tick()).toBe(0);
    expect(sms.texts.map((x) => x.notice.key)).toEqual(['booking-day:AAAA22', 'booking-hour:AAAA22']);
    expect(sms.texts[1]!.notice.text).toMatch(/^Còn 1 giờ đến lịch hẹn AAAA22: .+ lúc 10:00 hôm nay/);
    // The log says what and how, never the number or the text.
    expect(log).toEqual(['notify sms booking-day booking AAAA22: sent', 'notify sms booking-hour booking AAAA22: sent']);
    expect(log.join('\n')).not.toMatch(/0912|345|Lê Thị/);
  });

  it('a booking made three hours ahead gets only the hour’s; a checked-in one nothing; a number that is no mobile nothing', async () => {
    const { file, port } = open();
    let now = T0;
    const sms = new Sent();
    const r = new BookingReminders(open(file).port, sms, () => config, () => now, () => {});
    await r.tick();
    await port.commit({ bookings: [booking('SOON22', T0 + 3 * HOUR, true), booking('DONE22', T0 + 3 * HOUR, true), booking('LAND22', T0 + 3 * HOUR, true, '024 3825 1234')] });
    await port.commit({ bookingCheckIns: [{ code: 'DONE22', ticketId: 't-x' }] });
    now = T0 + 2 * HOUR + 1;
    expect(await r.tick()).toBe(1);
    expect(sms.texts.map((x) => x.notice.key)).toEqual(['booking-hour:SOON22']);
  });

  it('with no text channel nothing runs and nothing is kept', async () => {
    const { port } = open();
    const r = new BookingReminders(port, null, () => config, () => T0, () => {});
    expect(r.available).toBe(false);
    expect(await r.tick()).toBe(0);
    expect(await port.reads.meta(REMINDED_UNTIL)).toBeNull();
  });
});
