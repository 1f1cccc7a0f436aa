// Centres run on Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving, so a
// fixed offset is exact and keeps the domain free of time-zone libraries.
export const VN_OFFSET_MS = 7 * 3600_000;

/** The local calendar day (YYYY-MM-DD) of an instant. */
export function dayKey(ms: number): string {
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** ISO 8601 with the +07:00 offset, e.g. 2026-11-22T08:05:00.000+07:00. */
export function toIso(ms: number): string {
  return new Date(ms + VN_OFFSET_MS).toISOString().replace('Z', '+07:00');
}

/** Local midnight of a YYYY-MM-DD day, as epoch ms. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) - VN_OFFSET_MS;
}

/** Minutes since local midnight. */
export function minuteOfDay(ms: number): number {
  const d = new Date(ms + VN_OFFSET_MS);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

/** 0 = Sunday … 6 = Saturday, local. */
export function weekday(ms: number): number {
  return new Date(ms + VN_OFFSET_MS).getUTCDay();
}

export function addDays(day: string, n: number): string {
  return dayKey(dayStart(day) + n * 86_400_000 + 12 * 3600_000);
}
