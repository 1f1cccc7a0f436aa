// Days as a centre counts them, for tests that run against the real clock: no test may
// name a fixed date the server compares with "now" (it passes, and the test breaks on that
// day). Tests that need a fixed instant inject a clock into the server instead.
import { addDays, dayKey } from '../../queue-server/src/domain/time.ts';
import type { ApiClient } from './api.ts';

/** Today in Asia/Ho_Chi_Minh (YYYY-MM-DD), from the clock the server also reads. */
export const vnToday = (now = Date.now()): string => dayKey(now);

/** A day `n` days from today, centre time. */
export const vnDay = (n: number, now = Date.now()): string => addDays(vnToday(now), n);

/**
 * The first bookable time of a field from today on: late in the evening today's times are
 * over, on a Sunday or a holiday there are none, so the search walks forward day by day.
 */
export async function firstFreeSlot(api: ApiClient, serviceId: string, within = 15): Promise<{ date: string; time: string }> {
  for (let d = 0; d < within; d++) {
    const date = vnDay(d);
    const r = await api.get<{ slots?: { time: string; free: number }[] }>(`/api/v1/bookings/slots?serviceId=${encodeURIComponent(serviceId)}&date=${date}`);
    if (r.status !== 200) throw new Error(`slots of ${serviceId} on ${date}: ${r.status} ${JSON.stringify(r.body)}`);
    const slot = r.body.slots?.find((s) => s.free > 0);
    if (slot) return { date, time: slot.time };
  }
  throw new Error(`no free time for ${serviceId} within ${within} days of ${vnToday()}`);
}
