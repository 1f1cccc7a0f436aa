import { describe, expect, it } from 'vitest';
import { minutesWaited, waitLevel } from './wait.ts';

describe('waitLevel', () => {
  it('is late only past the target, warn past the warning line', () => {
    expect(waitLevel(15 * 60, 15, 12)).toBe('warn');
    expect(waitLevel(15 * 60 + 1, 15, 12)).toBe('late');
    expect(waitLevel(12 * 60, 15, 12)).toBe('ok');
    expect(waitLevel(12 * 60 + 1, 15, 12)).toBe('warn');
    expect(waitLevel(20 * 60, 15)).toBe('late');
    expect(waitLevel(14 * 60, 15)).toBe('ok');
  });
});

describe('minutesWaited', () => {
  it('adds the time since the server figure was read', () => {
    expect(minutesWaited(50, 1000, 1000 + 20_000)).toBe(1);
    expect(minutesWaited(50, 1000, 1000)).toBe(0);
    expect(minutesWaited(600, 0, 0)).toBe(10);
  });
  it('never goes negative on a clock that steps back', () => {
    expect(minutesWaited(0, 5000, 1000)).toBe(0);
  });
});
