import { describe, expect, it } from 'vitest';
import type { Ticket } from '../lib/types.ts';
import { followView } from './follow.ts';

const base: Ticket = {
  id: 't1', number: '1001', serviceId: 's', status: 'waiting', priorityCategoryId: null, channel: 'kiosk',
  issuedAt: '2026-11-23T08:00:00+07:00', calledAt: null, counterId: null, counterNumber: null,
  peopleAhead: 3, estimatedWaitMinutes: 12, statusUrl: 'http://x/t/t1',
};

describe('followView', () => {
  it('shows position and estimate while waiting', () => {
    expect(followView(base)).toEqual({ kind: 'waiting', ahead: 3, minutes: 12 });
  });
  it('shows the range where the server gives one (issue 18.3), the figure alone where it does not', () => {
    expect(followView({ ...base, estimatedWaitLowMinutes: 9, estimatedWaitHighMinutes: 16 })).toEqual({ kind: 'waiting', ahead: 3, minutes: 12, range: { low: 9, high: 16 } });
    expect(followView({ ...base, estimatedWaitLowMinutes: null, estimatedWaitHighMinutes: null })).toEqual({ kind: 'waiting', ahead: 3, minutes: 12 });
  });
  it('names the counter once called', () => {
    expect(followView({ ...base, status: 'called', counterNumber: 5 })).toEqual({ kind: 'called', counter: 5 });
  });
  it('has an end state for every closing status', () => {
    for (const s of ['done', 'no_show', 'cancelled', 'transferred', 'expired'] as const) expect(followView({ ...base, status: s }).kind).toBe(s);
  });
});
