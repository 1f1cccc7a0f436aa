import { describe, expect, it } from 'vitest';
import { addCall, sortCalls } from './calls.ts';
import type { Call } from './types.ts';

const call = (ticketId: string, at: string, recall = false): Call => ({
  ticketId, number: ticketId, serviceId: 's', counterId: 'c1', counterNumber: 1, calledAt: at, recall,
});

describe('addCall', () => {
  it('puts the newest first and keeps one line per ticket', () => {
    let calls: Call[] = [];
    calls = addCall(calls, call('a', '2026-11-22T08:00:00+07:00'));
    calls = addCall(calls, call('b', '2026-11-22T08:01:00+07:00'));
    calls = addCall(calls, call('a', '2026-11-22T08:02:00+07:00', true));
    expect(calls.map((c) => c.ticketId)).toEqual(['a', 'b']);
    expect(calls[0]?.recall).toBe(true);
  });
  it('keeps at most max lines', () => {
    let calls: Call[] = [];
    for (let i = 0; i < 12; i++) calls = addCall(calls, call(String(i), '2026-11-22T08:00:00+07:00'), 5);
    expect(calls.map((c) => c.ticketId)).toEqual(['11', '10', '9', '8', '7']);
  });
});

describe('sortCalls', () => {
  it('orders a snapshot newest first and drops repeats', () => {
    const out = sortCalls([call('a', '2026-11-22T08:00:00+07:00'), call('b', '2026-11-22T08:05:00+07:00'), call('a', '2026-11-22T08:03:00+07:00')]);
    expect(out.map((c) => `${c.ticketId}@${c.calledAt.slice(14, 16)}`)).toEqual(['b@05', 'a@03']);
  });
});
