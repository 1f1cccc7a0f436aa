import { describe, expect, it } from 'vitest';
import { applyTicket, fromSnapshot, overdue, removeTicket } from './waiting.ts';
import type { TicketStatus } from '@mot-cua/ui-shared/wire.ts';
import type { StaffTicket } from './types.ts';

const MIN = 60_000;
const staff = (id: string, waitMin: number, status: TicketStatus = 'waiting'): StaffTicket => ({
  id, number: id.toUpperCase(), serviceId: 'ht', status, priorityCategoryId: null, issuedAt: '', waitSeconds: waitMin * 60,
});

describe('waiting list', () => {
  it('starts from the snapshot ages', () => {
    const l = fromSnapshot([staff('a', 3), staff('b', 0, 'called')], 100 * MIN);
    expect(l).toHaveLength(1);
    expect(l[0]?.since).toBe(97 * MIN);
  });

  it('adds issued tickets, drops called ones, keeps the visit start across a transfer', () => {
    let l = fromSnapshot([staff('a', 10)], 100 * MIN);
    l = applyTicket(l, { id: 'b', number: 'B', serviceId: 'ht', status: 'waiting' }, 101 * MIN);
    expect(l.map((e) => e.id)).toEqual(['a', 'b']);
    l = applyTicket(l, { id: 'a', number: 'A', serviceId: 'ht', status: 'called' }, 102 * MIN);
    expect(l.map((e) => e.id)).toEqual(['b']);
    l = applyTicket(l, { id: 'b2', number: 'B', serviceId: 'dd', status: 'waiting' }, 103 * MIN);
    expect(l.find((e) => e.id === 'b2')?.since).toBe(101 * MIN);
    expect(removeTicket(l, 'zz')).toBe(l);
  });

  it('splits warnings from breaches', () => {
    const l = fromSnapshot([staff('a', 16), staff('b', 13), staff('c', 5), staff('d', 12)], 100 * MIN);
    const o = overdue(l, 100 * MIN, 12, 15);
    expect(o.breach.map((e) => e.id)).toEqual(['a']);
    expect(o.warn.map((e) => e.id)).toEqual(['b']);
  });
});
