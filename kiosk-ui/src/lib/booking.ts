// Booking form rules shared by the screen and its tests.
import { isoDay } from './format.ts';

/** Vietnamese mobile and landline numbers as people write them: 10 digits starting with 0. */
export function validPhone(s: string): boolean {
  return /^0\d{9}$/.test(s.replace(/[\s.-]/g, ''));
}

/** The next `n` days from today (centre time), Sundays left out. */
export function nextDays(now: Date, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n && i < n + 7; i++) {
    const d = new Date(now.getTime() + i * 86_400_000);
    const day = isoDay(d);
    if (new Date(`${day}T12:00:00+07:00`).getUTCDay() !== 0) out.push(day);
  }
  return out;
}
