import { describe, expect, it } from 'vitest';
import { ENTRANCE_WINDOW_MS, EntranceCodes } from './entrance-code.ts';

describe('EntranceCodes (issue 17.1)', () => {
  const secret = Buffer.alloc(32, 7);
  const T0 = Date.parse('2026-12-03T09:04:00+07:00');

  it('six digits per ten-minute window, the one before still taken, none older, another centre’s or another secret’s never', () => {
    let now = T0;
    const codes = new EntranceCodes(secret, () => 'ubnd-xa', () => now);
    const first = codes.current();
    expect(first.code).toMatch(/^[0-9]{6}$/);
    expect(first.changesAt - first.validUntil).toBe(-ENTRANCE_WINDOW_MS);
    expect(first.changesAt % ENTRANCE_WINDOW_MS).toBe(0);
    expect(codes.accepts(first.code)).toBe(true);
    now = first.changesAt;
    const second = codes.current();
    expect(second.code).not.toBe(first.code);
    expect([codes.accepts(first.code), codes.accepts(second.code)]).toEqual([true, true]);
    now = first.validUntil;
    expect([codes.accepts(first.code), codes.accepts(second.code)]).toEqual([false, true]);
    expect(new EntranceCodes(secret, () => 'ubnd-phuong', () => now).current().code).not.toBe(codes.current().code);
    expect(new EntranceCodes(Buffer.alloc(32, 8), () => 'ubnd-xa', () => now).current().code).not.toBe(codes.current().code);
    expect(codes.accepts('')).toBe(false);
    expect(codes.accepts(`${codes.current().code}0`)).toBe(false);
  });
});
