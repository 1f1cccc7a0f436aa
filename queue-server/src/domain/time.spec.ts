import { describe, expect, it } from 'vitest';
import { dayKey, toIso, dayStart, minuteOfDay, addDays } from './time.ts';

describe('Asia/Ho_Chi_Minh time', () => {
  it('puts 17:30 UTC on the next local day and prints the +07:00 offset', () => {
    const ms = Date.parse('2026-11-21T17:30:00Z');
    expect(dayKey(ms)).toBe('2026-11-22');
    expect(toIso(ms)).toBe('2026-11-22T00:30:00.000+07:00');
    expect(Date.parse(toIso(ms))).toBe(ms);
  });
  it('local midnight and minutes of the day', () => {
    expect(toIso(dayStart('2026-11-22'))).toBe('2026-11-22T00:00:00.000+07:00');
    expect(minuteOfDay(Date.parse('2026-11-22T01:05:00Z'))).toBe(8 * 60 + 5);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
