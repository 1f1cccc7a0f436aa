import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { transition, transfer, transactionWaitMs, ALLOWED_FROM, type Action } from './ticket-state.ts';
import { DomainError } from './errors.ts';
import { TICKET_STATUSES, type Ticket } from './types.ts';

const base: Ticket = {
  id: 't1', visitId: 't1', leg: 0, number: '1001', day: '2026-11-22', serviceId: 'ho-tich', status: 'waiting',
  priorityCategoryId: null, channel: 'kiosk', arrivedAt: 0, enqueuedAt: 0, bookedAt: null, calledAt: null, waitEndAt: null,
  callCount: 0, startedAt: null, finishedAt: null, counterId: null, staff: null, priorWaitMs: 0,
};
const min = 60_000;

describe('ticket state machine', () => {
  it('runs waiting → called → serving → done and measures wait and service from the call', () => {
    const called = transition(base, 'call', { now: 5 * min, counterId: 'c1', staff: 'quay1' });
    expect(called).toMatchObject({ status: 'called', calledAt: 5 * min, waitEndAt: 5 * min, callCount: 1, counterId: 'c1', staff: 'quay1' });
    const serving = transition(called, 'start', { now: 6 * min });
    const done = transition(serving, 'finish', { now: 20 * min });
    expect(done.status).toBe('done');
    expect(transactionWaitMs(done)).toBe(5 * min);
  });

  it('the day’s close expires a ticket from every open status and from no final one', () => {
    const called = transition(base, 'call', { now: 5 * min, counterId: 'c1', staff: 'quay1' });
    const serving = transition(called, 'start', { now: 6 * min });
    const parked = transition(serving, 'park', { now: 7 * min });
    for (const t of [base, called, serving, parked]) {
      expect(transition(t, 'expire', { now: 9 * min })).toMatchObject({ status: 'expired', finishedAt: 9 * min, counterId: t.counterId, startedAt: t.startedAt });
    }
    const done = transition(serving, 'finish', { now: 8 * min });
    const expired = transition(base, 'expire', { now: 9 * min });
    for (const t of [done, expired]) expect(() => transition(t, 'expire', { now: 10 * min })).toThrowError(DomainError);
    // Nobody calls, finishes or rates back a ticket of a closed day.
    for (const action of ['call', 'recall', 'start', 'finish', 'no-show', 'cancel', 'park'] as const) expect(() => transition(expired, action, { now: 10 * min })).toThrowError(DomainError);
  });

  it('a recall before service moves the end of the wait to the last call', () => {
    let t = transition(base, 'call', { now: 5 * min, counterId: 'c1' });
    t = transition(t, 'recall', { now: 7 * min });
    expect(t.callCount).toBe(2);
    expect(transactionWaitMs(t)).toBe(7 * min);
  });

  it('calling back a parked ticket keeps the wait that led to service', () => {
    let t = transition(base, 'call', { now: 4 * min, counterId: 'c1' });
    t = transition(t, 'start', { now: 5 * min });
    t = transition(t, 'park', { now: 8 * min });
    t = transition(t, 'call', { now: 30 * min, counterId: 'c1' });
    expect(t.status).toBe('called');
    expect(transactionWaitMs(t)).toBe(4 * min);
    t = transition(t, 'recall', { now: 31 * min });
    expect(transactionWaitMs(t)).toBe(4 * min);
  });

  it('finishing a ticket nobody called is a conflict that names the ticket', () => {
    expect(() => transition(base, 'finish', { now: 1 })).toThrowError(DomainError);
    try {
      transition(base, 'finish', { now: 1 });
    } catch (e) {
      expect((e as DomainError).kind).toBe('conflict');
      expect((e as DomainError).message).toContain('1001');
    }
  });

  it('transfer closes the transaction and opens a waiting one with the same number, carrying the wait', () => {
    const called = transition({ ...base, enqueuedAt: 0 }, 'call', { now: 6 * min, counterId: 'c1' });
    const { closed, opened } = transfer(called, 'dat-dai', 't2', { now: 10 * min });
    expect(closed.status).toBe('transferred');
    expect(opened).toMatchObject({ id: 't2', visitId: 't1', leg: 1, number: '1001', serviceId: 'dat-dai', status: 'waiting', enqueuedAt: 10 * min, arrivedAt: 0, priorWaitMs: 6 * min });
    expect(() => transfer(called, 'ho-tich', 't3', { now: 1 })).toThrowError(/already/);
  });

  it('every action either follows the table or throws; terminal tickets accept nothing', () => {
    const actions = Object.keys(ALLOWED_FROM) as Action[];
    fc.assert(
      fc.property(fc.constantFrom(...TICKET_STATUSES), fc.constantFrom(...actions.filter((a) => a !== 'transfer')), (status, action) => {
        const t = { ...base, status, calledAt: 1, waitEndAt: 1 };
        const allowed = ALLOWED_FROM[action].includes(status);
        if (allowed) expect(() => transition(t, action as Exclude<Action, 'transfer'>, { now: 2 })).not.toThrow();
        else expect(() => transition(t, action as Exclude<Action, 'transfer'>, { now: 2 })).toThrowError(DomainError);
        if (['done', 'no_show', 'cancelled', 'transferred'].includes(status)) expect(allowed).toBe(false);
      }),
    );
  });
});
