// Booking form rules shared by the screen and its tests.
import { isoDay } from './format.ts';

/** Vietnamese mobile and landline numbers as people write them: 10 digits starting with 0. */
export function validPhone(s: string): boolean {
  return /^0\d{9}$/.test(s.replace(/[\s.-]/g, ''));
}

/**
 * The next `n` days from today, in centre time. Closed days are not guessed here:
 * the centre's hours live on the server, whose slot list for such a day is empty.
 */
export function nextDays(now: Date, n: number): string[] {
  return Array.from({ length: n }, (_, i) => isoDay(new Date(now.getTime() + i * 86_400_000)));
}
