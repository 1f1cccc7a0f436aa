// Issuing that knows the closing time (issue 17.3): whether the queue will
// probably reach a ticket before its field closes. A ticket is past closing when
// the estimate calls it after the field's last close of the day minus one typical
// service — the last moment a visit can still start and end in opening hours.
import { spansOn, toMin, type WeeklyHours } from './hours.ts';
import { dayKey, dayStart } from './time.ts';

export interface ClosingLine {
  /** The field's last close of the local day of `now` (it may have passed). */
  closesAt: number;
  /** The last moment a visit can start and still end by `closesAt`: closesAt minus one typical service. */
  lastStartAt: number;
}

/** The end of the last opening span of the day `now` falls in; null on a day the field does not open (a closed date, a Sunday). */
export function closingOfDay(hours: WeeklyHours, now: number): number | null {
  const start = dayStart(dayKey(now));
  let close: number | null = null;
  for (const s of spansOn(hours, now)) {
    const at = start + toMin(s.close) * 60_000;
    if (close === null || at > close) close = at;
  }
  return close;
}

/** Today's closing line of a field whose typical service takes `typicalServiceMs`, or null where it does not open today. */
export function closingLine(hours: WeeklyHours, now: number, typicalServiceMs: number): ClosingLine | null {
  const closesAt = closingOfDay(hours, now);
  return closesAt === null ? null : { closesAt, lastStartAt: closesAt - Math.max(0, typicalServiceMs) };
}

/** When the estimate calls a ticket waiting `waitMinutes` from `now`; null where there is no estimate (no open counter serves its field). */
export const servedAt = (now: number, waitMinutes: number | null): number | null => (waitMinutes === null ? null : now + waitMinutes * 60_000);

/**
 * Whether the estimate puts a ticket past the closing line: it would be called
 * after the last moment a visit can still start. Without a line (the field is
 * not open today) or without an estimate, nothing is said: false.
 */
export function pastClosing(line: ClosingLine | null, now: number, waitMinutes: number | null): boolean {
  const at = servedAt(now, waitMinutes);
  return line !== null && at !== null && at > line.lastStartAt;
}
