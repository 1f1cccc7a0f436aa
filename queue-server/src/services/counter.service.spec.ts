import { afterEach, describe, expect, it } from 'vitest';
import { manager, openQueue, staffAt, type QueueFixture } from './queue.fixture.ts';

let f: QueueFixture;
afterEach(() => f.close());
const min = 60_000;

describe('CounterService', () => {
  it('call next finishes the ticket being served and calls the next by the policy, then says nobody waits', () => {
    f = openQueue();
    const { issue, counters } = f.queue;
    const a = issue.issue({ serviceId: 'ho-tich' }, null).ticket;
    f.clock.now += min;
    const b = issue.issue({ serviceId: 'ho-tich' }, null).ticket;
    const clerk = staffAt('quay-2');
    expect(counters.callNext('quay-2', clerk)?.id).toBe(a.id);
    expect(counters.current('quay-2')?.id).toBe(a.id);
    f.clock.now += min;
    expect(counters.callNext('quay-2', clerk)?.id).toBe(b.id);
    expect(f.queue.tickets.get(a.id)).toMatchObject({ status: 'done', finishedAt: f.clock.now });
    expect(counters.callNext('quay-2', clerk)).toBeNull();
    expect(counters.current('quay-2')).toBeNull();
    expect(f.told.map((e) => e.event)).toEqual(['ticket.issued', 'ticket.issued', 'ticket.called', 'ticket.updated', 'ticket.called', 'ticket.updated']);
  });

  it('staff act only at their own counter; managers anywhere', () => {
    f = openQueue();
    const { issue, counters } = f.queue;
    const t = issue.issue({ serviceId: 'ho-tich' }, null).ticket;
    expect(() => counters.callNext('quay-2', staffAt('quay-3'))).toThrow(expect.objectContaining({ code: 'wrong_counter' }));
    // Waiting, the ticket may be touched by staff of a counter serving its field, not of another.
    expect(() => counters.act(t.id, 'cancel', staffAt('quay-4'))).toThrow(expect.objectContaining({ code: 'wrong_counter' }));
    counters.callTicket(t.id, 'quay-2', manager);
    expect(() => counters.act(t.id, 'start', staffAt('quay-3'))).toThrow(expect.objectContaining({ code: 'wrong_counter' }));
    expect(counters.act(t.id, 'start', staffAt('quay-2')).status).toBe('serving');
  });

  it('a paused counter calls nobody until it opens again; its state survives a restart', () => {
    f = openQueue();
    const { issue, counters } = f.queue;
    issue.issue({ serviceId: 'ho-tich' }, null);
    const clerk = staffAt('quay-2');
    counters.setStatus('quay-2', 'paused', clerk);
    expect(() => counters.callNext('quay-2', clerk)).toThrow(expect.objectContaining({ code: 'counter_paused' }));
    expect(f.reopen().counters.states.status('quay-2')).toBe('paused');
    counters.setStatus('quay-2', 'closed', clerk);
    expect(() => counters.callNext('quay-2', clerk)).toThrow(expect.objectContaining({ code: 'counter_closed' }));
    // Signing in opens a closed counter and records who sits there.
    counters.signIn('quay-2', 'staff-quay-2');
    expect([counters.states.status('quay-2'), counters.states.staff('quay-2')]).toEqual(['open', 'staff-quay-2']);
    expect(counters.callNext('quay-2', clerk)).not.toBeNull();
  });

  it('a counter busy with a ticket refuses to call a given one; a field it does not serve is refused', () => {
    f = openQueue();
    const { issue, counters } = f.queue;
    const a = issue.issue({ serviceId: 'ho-tich' }, null).ticket;
    const b = issue.issue({ serviceId: 'ho-tich' }, null).ticket;
    const land = issue.issue({ serviceId: 'dat-dai' }, null).ticket;
    counters.callTicket(a.id, 'quay-2', staffAt('quay-2'));
    expect(() => counters.callTicket(b.id, 'quay-2', staffAt('quay-2'))).toThrow(expect.objectContaining({ code: 'counter_busy' }));
    expect(() => counters.callTicket(land.id, 'quay-3', staffAt('quay-3'))).toThrow(expect.objectContaining({ code: 'not_served_here' }));
  });

  it('recalls up to the configured limit, then asks for a no-show', () => {
    f = openQueue();
    const { issue, counters, centre } = f.queue;
    const t = issue.issue({ serviceId: 'ho-tich' }, null).ticket;
    const clerk = staffAt('quay-2');
    counters.callTicket(t.id, 'quay-2', clerk);
    for (let i = 0; i < centre.config.policy.maxRecalls; i++) expect(counters.act(t.id, 'recall', clerk).callCount).toBe(i + 2);
    expect(() => counters.act(t.id, 'recall', clerk)).toThrow(expect.objectContaining({ code: 'too_many_recalls' }));
    expect(counters.act(t.id, 'no-show', clerk).status).toBe('no_show');
  });

  it('a transfer keeps the number and the visit, and the new transaction waits in the other field’s queue', () => {
    f = openQueue();
    const { issue, counters } = f.queue;
    const t = issue.issue({ serviceId: 'ho-tich' }, null).ticket;
    counters.callTicket(t.id, 'quay-3', staffAt('quay-3'));
    const moved = counters.transfer(t.id, 'chung-thuc', staffAt('quay-3'));
    expect(moved).toMatchObject({ number: t.number, visitId: t.visitId, leg: 1, serviceId: 'chung-thuc', status: 'waiting' });
    expect(f.queue.tickets.get(t.id)).toMatchObject({ status: 'transferred', transferredTo: moved.id });
    expect(counters.queueFor('quay-5').map((x) => x.id)).toEqual([moved.id]);
    expect(counters.queueFor('quay-2')).toEqual([]);
  });

  it('a parked ticket waits at its counter and is called back there', () => {
    f = openQueue();
    const { issue, counters } = f.queue;
    const t = issue.issue({ serviceId: 'ho-tich' }, null).ticket;
    const clerk = staffAt('quay-2');
    counters.callTicket(t.id, 'quay-2', clerk);
    counters.act(t.id, 'start', clerk);
    counters.act(t.id, 'park', clerk);
    expect(counters.parkedFor('quay-2').map((x) => x.id)).toEqual([t.id]);
    expect(counters.currentOrFail.bind(counters, 'quay-2')).toThrow(expect.objectContaining({ code: 'no_current_ticket' }));
    expect(counters.callTicket(t.id, 'quay-2', clerk).status).toBe('called');
    expect(counters.parkedFor('quay-2')).toEqual([]);
  });
});
