// Bookings over a real SQLite file: half-hour times of the field's opening hours, as many
// per time as counters serve the field; a full or past time is refused; check-in within its
// window issues an appointment ticket once; the name is kept as typed (NFC) for the counter.
import { afterEach, describe, expect, it } from 'vitest';
import { SqlitePort } from '../store/index.ts';
import { BookingService, maskName } from './booking.service.ts';
import { MONDAY_8AM, openQueue, type QueueFixture } from './queue.fixture.ts';

let f: QueueFixture;
afterEach(() => f?.close());
const MONDAY = '2026-11-23';

async function service() {
  f = await openQueue();
  const port = new SqlitePort(f.store);
  return { port, bookings: new BookingService(f.queue.centre.config, port, f.queue) };
}

describe('BookingService', () => {
  it('offers the later half-hours of the day, as many per time as counters serve the field, and fills them', async () => {
    const { bookings } = await service();
    const slots = await bookings.slots('dat-dai', MONDAY);
    // 08:00 on Monday: 08:00 itself has begun, 08:30 is the first time offered
    const serving = f.queue.centre.config.counters.filter((c) => c.serviceIds.includes('dat-dai')).length;
    expect(serving).toBeGreaterThan(1);
    expect(slots[0]).toEqual({ time: '08:30', free: serving });
    const free = slots[0]!.free;
    for (let i = 0; i < free; i++) await bookings.create({ serviceId: 'dat-dai', date: MONDAY, time: '08:30', fullName: `Người ${i}`, phone: '0901234567' });
    await expect(bookings.create({ serviceId: 'dat-dai', date: MONDAY, time: '08:30', fullName: 'Người muộn', phone: '0901234567' })).rejects.toThrow(expect.objectContaining({ code: 'slot_full' }));
    await expect(bookings.create({ serviceId: 'dat-dai', date: MONDAY, time: '07:30', fullName: 'Người sớm', phone: '0901234567' })).rejects.toThrow(expect.objectContaining({ code: 'no_such_slot' }));
    expect((await bookings.slots('dat-dai', MONDAY))[0]).toEqual({ time: '08:30', free: 0 });
  });

  it('checks in within the window once, as an appointment ticket, and refuses too early', async () => {
    const { bookings } = await service();
    const b = await bookings.create({ serviceId: 'ho-tich', date: MONDAY, time: '10:00', fullName: 'Lê Thị Ánh', phone: '0901234567' });
    expect(b).toMatchObject({ code: expect.stringMatching(/^[A-Z2-9]{6}$/), fullName: 'Lê Thị Ánh', status: 'booked', bookedAt: MONDAY_8AM + 2 * 3600_000 });
    await expect(bookings.checkIn(b.code)).rejects.toThrow(expect.objectContaining({ code: 'too_early' }));
    f.clock.now = b.bookedAt - 10 * 60_000;
    const t = await bookings.checkIn(b.code.toLowerCase());
    expect(t).toMatchObject({ channel: 'appointment', serviceId: 'ho-tich', status: 'waiting' });
    await expect(bookings.checkIn(b.code)).rejects.toThrow(expect.objectContaining({ code: 'already_checked_in' }));
    expect(maskName(b.fullName)).toBe('Lê T. Á.');
  });
});
