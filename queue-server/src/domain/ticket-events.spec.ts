import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyEvent, eventOfAction, eventTypeOf, openTransaction } from './ticket-events.ts';
import { ALLOWED_FROM, transition, type Action } from './ticket-state.ts';
import { EVENT_TYPES, type DomainEvent } from './events.ts';
import { OPEN_STATUSES, TERMINAL_STATUSES, TICKET_STATUSES, isOpenStatus, type Ticket } from './types.ts';

const base: Ticket = {
  id: 't1', visitId: 't1', leg: 0, number: '1001', day: '2026-11-22', serviceId: 'ho-tich', status: 'waiting',
  priorityCategoryId: null, channel: 'kiosk', arrivedAt: 0, enqueuedAt: 0, bookedAt: null, calledAt: null, waitEndAt: null,
  callCount: 0, startedAt: null, finishedAt: null, counterId: null, staff: null, priorWaitMs: 0,
};
const issued: DomainEvent = { at: 0, type: 'issued', ticketId: 't1', visitId: 't1', serviceId: 'ho-tich', counterId: null, actor: null, data: { leg: 0 } };
const actions = Object.keys(ALLOWED_FROM).filter((a): a is Exclude<Action, 'transfer'> => a !== 'transfer');

describe('ticket events', () => {
  it('every action writes its own event type, one of the log’s', () => {
    const types = (Object.keys(ALLOWED_FROM) as Action[]).map(eventTypeOf);
    expect(new Set(types).size).toBe(types.length);
    for (const type of types) expect(EVENT_TYPES).toContain(type);
  });

  it('a call keeps its call count and where it came from', () => {
    const called = transition(base, 'call', { now: 60_000, counterId: 'c1', staff: 'quay1' });
    expect(eventOfAction('call', base, called, 60_000, 'quay1')).toEqual({
      at: 60_000, type: 'called', ticketId: 't1', visitId: 't1', serviceId: 'ho-tich', counterId: 'c1', actor: 'quay1', data: { callCount: 1, fromStatus: 'waiting' },
    });
  });

  it('property: folding the events of any run of transitions gives the transaction those transitions gave', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ action: fc.constantFrom(...actions), gap: fc.integer({ min: 1, max: 600 }) }), { maxLength: 12 }), (steps) => {
        let ticket = base;
        let at = 0;
        const txn = openTransaction(issued);
        for (const { action, gap } of steps) {
          if (!ALLOWED_FROM[action].includes(ticket.status)) continue;
          at += gap * 1000;
          const next = transition(ticket, action, { now: at, counterId: 'c1', staff: 'quay1' });
          applyEvent(txn, eventOfAction(action, ticket, next, at, 'quay1'));
          ticket = next;
        }
        expect({ status: txn.status, waitEndAt: txn.waitEndAt, finishedAt: txn.finishedAt, counterId: txn.counterId, staff: txn.staff }).toEqual({
          status: ticket.status, waitEndAt: ticket.waitEndAt, finishedAt: ticket.finishedAt, counterId: ticket.counterId, staff: ticket.staff,
        });
      }),
      { numRuns: 500 },
    );
  });

  it('every status is open or terminal, never both', () => {
    for (const s of TICKET_STATUSES) expect(isOpenStatus(s)).toBe(!(TERMINAL_STATUSES as readonly string[]).includes(s));
    expect(OPEN_STATUSES.length + TERMINAL_STATUSES.length).toBe(new Set(TICKET_STATUSES).size);
  });
});
