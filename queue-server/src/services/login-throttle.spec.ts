import { describe, expect, it } from 'vitest';
import { LoginThrottle, DEFAULT_THROTTLE } from './login-throttle.ts';

const T0 = Date.parse('2026-11-23T02:00:00Z');

describe('LoginThrottle', () => {
  it('lets the first failures through, then doubles the wait from 1 s up to the 15-minute cap', () => {
    const t = new LoginThrottle();
    const waits: number[] = [];
    for (let i = 0; i < 16; i++) waits.push(t.failed('quay3', '127.0.0.2', T0 + i));
    expect(waits.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(waits.slice(4, 9)).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(Math.max(...waits)).toBe(15 * 60_000);
    expect(waits.at(-1)).toBe(15 * 60_000);
    expect(t.wait('quay3', '127.0.0.2', T0 + 16)).toBeGreaterThan(14 * 60_000);
    expect(t.wait('quay3', '127.0.0.2', T0 + 16 + 15 * 60_000)).toBe(0);
  });

  it('slows only the pair that failed: another address, another username, are not touched', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 10; i++) t.failed('admin', '10.0.0.9', T0);
    expect(t.wait('admin', '10.0.0.9', T0)).toBeGreaterThan(0);
    expect(t.wait('admin', '10.0.0.10', T0)).toBe(0);
    expect(t.wait('quanly', '10.0.0.9', T0)).toBe(0);
  });

  it('a success clears its own pair only; an unlock clears every address of the username', () => {
    const t = new LoginThrottle();
    for (const a of ['a1', 'a2', 'a3']) for (let i = 0; i < 6; i++) t.failed('quay1', a, T0);
    for (let i = 0; i < 6; i++) t.failed('quay2', 'a1', T0);
    t.succeeded('quay1', 'a1');
    expect(t.wait('quay1', 'a1', T0)).toBe(0);
    expect(t.wait('quay1', 'a2', T0)).toBeGreaterThan(0);
    expect(t.clear('quay1')).toBe(2);
    expect(t.wait('quay1', 'a3', T0)).toBe(0);
    expect(t.wait('quay2', 'a1', T0)).toBeGreaterThan(0);
  });

  it('forgets old failures, notes one refusal per wait, and keeps at most maxPairs pairs', () => {
    const t = new LoginThrottle({ ...DEFAULT_THROTTLE, maxPairs: 3 });
    for (let i = 0; i < 4; i++) t.failed('u', 'a', T0);
    // An hour later the count starts again: the fifth failure is free.
    expect(t.failed('u', 'a', T0 + DEFAULT_THROTTLE.forgetMs)).toBe(0);
    for (let i = 0; i < 4; i++) t.failed('u', 'a', T0 + DEFAULT_THROTTLE.forgetMs);
    expect(t.firstRefusal('u', 'a')).toBe(true);
    expect(t.firstRefusal('u', 'a')).toBe(false);
    for (const a of ['b', 'c', 'd']) t.failed('u', a, T0);
    // 'a' was the oldest pair: it went to make room.
    expect(t.wait('u', 'a', T0 + DEFAULT_THROTTLE.forgetMs)).toBe(0);
  });
});
