import { describe, expect, it } from 'vitest';
import { isOpen, nextOpening, type WeeklyHours } from './hours.ts';
import { toIso } from './time.ts';

const workday = [{ open: '07:00', close: '11:30' }, { open: '13:30', close: '17:00' }];
const hours: WeeklyHours = { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: [{ open: '07:30', close: '11:30' }], sun: [], closedDates: ['2026-11-23'] };
const at = (local: string) => Date.parse(`${local}+07:00`);

describe('opening hours', () => {
  it('open in the morning and afternoon spans, closed at lunch and on Sunday', () => {
    expect(isOpen(hours, at('2026-11-24T07:00:00'))).toBe(true);
    expect(isOpen(hours, at('2026-11-24T11:30:00'))).toBe(false);
    expect(isOpen(hours, at('2026-11-24T12:00:00'))).toBe(false);
    expect(isOpen(hours, at('2026-11-22T09:00:00'))).toBe(false);
  });
  it('says when it opens next, skipping holidays', () => {
    expect(toIso(nextOpening(hours, at('2026-11-24T12:00:00'))!)).toBe('2026-11-24T13:30:00.000+07:00');
    // Sunday 22nd → Monday 23rd is a holiday → Tuesday 07:00
    expect(toIso(nextOpening(hours, at('2026-11-22T09:00:00'))!)).toBe('2026-11-24T07:00:00.000+07:00');
    expect(toIso(nextOpening(hours, at('2026-11-27T18:00:00'))!)).toBe('2026-11-28T07:30:00.000+07:00');
  });
});
