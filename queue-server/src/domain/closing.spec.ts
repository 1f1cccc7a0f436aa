import { describe, expect, it } from 'vitest';
import { closingLine, closingOfDay, pastClosing, servedAt } from './closing.ts';
import type { WeeklyHours } from './hours.ts';
import { toIso } from './time.ts';

const workday = [{ open: '07:00', close: '11:30' }, { open: '13:30', close: '17:00' }];
const hours: WeeklyHours = { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: [{ open: '07:30', close: '11:30' }], sun: [], closedDates: ['2026-11-23'] };
const at = (local: string) => Date.parse(`${local}+07:00`);
const TEN_MIN = 10 * 60_000;

describe('the closing line', () => {
  it('is the last close of the day, across the lunch break, also once it has passed', () => {
    expect(toIso(closingOfDay(hours, at('2026-11-24T08:00:00'))!)).toBe('2026-11-24T17:00:00.000+07:00');
    expect(toIso(closingOfDay(hours, at('2026-11-24T12:00:00'))!)).toBe('2026-11-24T17:00:00.000+07:00');
    expect(toIso(closingOfDay(hours, at('2026-11-24T18:00:00'))!)).toBe('2026-11-24T17:00:00.000+07:00');
    expect(toIso(closingOfDay(hours, at('2026-11-28T08:00:00'))!)).toBe('2026-11-28T11:30:00.000+07:00');
  });
  it('does not exist on a day the field does not open', () => {
    expect(closingOfDay(hours, at('2026-11-22T09:00:00'))).toBeNull(); // Sunday
    expect(closingOfDay(hours, at('2026-11-23T09:00:00'))).toBeNull(); // a closed date
    expect(closingLine(hours, at('2026-11-22T09:00:00'), TEN_MIN)).toBeNull();
  });
  it('leaves one typical service before the close', () => {
    const line = closingLine(hours, at('2026-11-24T16:00:00'), 15 * 60_000)!;
    expect(toIso(line.lastStartAt)).toBe('2026-11-24T16:45:00.000+07:00');
  });
});

describe('past closing', () => {
  const now = at('2026-11-24T16:00:00');
  const line = closingLine(hours, now, TEN_MIN);
  it('is said when the estimate calls the ticket after the last start', () => {
    expect(pastClosing(line, now, 50)).toBe(false); // called 16:50, the last start
    expect(pastClosing(line, now, 51)).toBe(true);
    expect(pastClosing(line, at('2026-11-24T16:55:00'), 0)).toBe(true); // too late for even one visit
    expect(pastClosing(line, at('2026-11-24T09:00:00'), 200)).toBe(false); // 12:20: the afternoon still serves it
  });
  it('is not said without an estimate or a closing line', () => {
    expect(pastClosing(line, now, null)).toBe(false);
    expect(pastClosing(null, now, 600)).toBe(false);
  });
  it('says when the estimate calls the ticket', () => {
    expect(servedAt(now, 30)).toBe(now + 30 * 60_000);
    expect(servedAt(now, null)).toBeNull();
  });
});
