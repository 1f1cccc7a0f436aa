// Opening hours: is a field open now, and when does it open next.
import { dayKey, minuteOfDay, weekday, dayStart, addDays } from './time.ts';

export interface Span {
  open: string;
  close: string;
}
export interface WeeklyHours {
  mon: Span[];
  tue: Span[];
  wed: Span[];
  thu: Span[];
  fri: Span[];
  sat: Span[];
  sun: Span[];
  closedDates: string[];
}

const KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** Minutes since midnight of an HH:MM time. */
export const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The opening spans of the local day that `ms` falls in (none on a closed date). */
export function spansOn(hours: WeeklyHours, ms: number): Span[] {
  if (hours.closedDates.includes(dayKey(ms))) return [];
  return hours[KEYS[weekday(ms)]!];
}

export function isOpen(hours: WeeklyHours, ms: number): boolean {
  const m = minuteOfDay(ms);
  return spansOn(hours, ms).some((s) => toMin(s.open) <= m && m < toMin(s.close));
}

/** The next opening instant after `ms` (within two weeks), or null if never. */
export function nextOpening(hours: WeeklyHours, ms: number): number | null {
  const today = dayKey(ms);
  for (let d = 0; d < 15; d++) {
    const day = addDays(today, d);
    const start = dayStart(day);
    const spans = [...spansOn(hours, start + 12 * 3600_000)].sort((a, b) => toMin(a.open) - toMin(b.open));
    for (const s of spans) {
      const at = start + toMin(s.open) * 60_000;
      if (at > ms) return at;
    }
  }
  return null;
}
