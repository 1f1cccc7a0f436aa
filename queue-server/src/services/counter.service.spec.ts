import { afterEach, describe, expect, it } from 'vitest';
import { manager, openQueue, staffAt, type QueueFixture } from './queue.fixture.ts';

let f: QueueFixture;
afterEach(() => f.close());
const min = 60_000;

describe('CounterService', () => {
  it('call next finishes the ticket being served and calls the next by the policy, then says nobody waits', async () => {
    f = await openQueue();
    const { issue, counters } = f.queue;
    const a = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    f.clock.now += min;
    const b = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    const clerk = staffAt('quay-2');
    expect((await counters.callNext('quay-2', clerk))?.id).toBe(a.id);
    expect(counters.current('quay-2')?.id).toBe(a.id);
    f.clock.now += min;
    expect((await counters.callNext('quay-2', clerk))?.id).toBe(b.id);
    expect(await f.queue.tickets.get(a.id)).toMatchObject({ status: 'done', finishedAt: f.clock.now });
    expect(await counters.callNext('quay-2', clerk)).toBeNull();
    expect(counters.current('quay-2')).toBeNull();
    expect(f.told.map((e) => e.event)).toEqual(['ticket.issued', 'ticket.issued', 'ticket.called', 'ticket.updated', 'ticket.called', 'ticket.updated']);
  });

  it('staff act only at their own counter; managers anywhere', async () => {
    f = await openQueue();
    const { issue, counters } = f.queue;
    const t = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    await expect(counters.callNext('quay-2', staffAt('quay-3'))).rejects.toThrow(expect.objectContaining({ code: 'wrong_counter' }));
    // Waiting, the ticket may be touched by staff of a counter serving its field, not of another.
    await expect(counters.act(t.id, 'cancel', staffAt('quay-4'))).rejects.toThrow(expect.objectContaining({ code: 'wrong_counter' }));
    await counters.callTicket(t.id, 'quay-2', manager);
    await expect(counters.act(t.id, 'start', staffAt('quay-3'))).rejects.toThrow(expect.objectContaining({ code: 'wrong_counter' }));
    expect((await counters.act(t.id, 'start', staffAt('quay-2'))).status).toBe('serving');
  });

  it('a paused counter calls nobody until it opens again; its state survives a restart', async () => {
    f = await openQueue();
    const { issue, counters } = f.queue;
    await issue.issue({ serviceId: 'ho-tich' }, null);
    const clerk = staffAt('quay-2');
    await counters.setStatus('quay-2', 'paused', clerk);
    await expect(counters.callNext('quay-2', clerk)).rejects.toThrow(expect.objectContaining({ code: 'counter_paused' }));
    expect((await f.reopen()).counters.states.status('quay-2')).toBe('paused');
    await counters.setStatus('quay-2', 'closed', clerk);
    await expect(counters.callNext('quay-2', clerk)).rejects.toThrow(expect.objectContaining({ code: 'counter_closed' }));
    // Signing in opens a closed counter and records who sits there.
    await counters.signIn('quay-2', 'staff-quay-2');
    expect([counters.states.status('quay-2'), counters.states.staff('quay-2')]).toEqual(['open', 'staff-quay-2']);
    expect(await counters.callNext('quay-2', clerk)).not.toBeNull();
  });

  it('a counter busy with a ticket refuses to call a given one; a field it does not serve is refused', async () => {
    f = await openQueue();
    const { issue, counters } = f.queue;
    const a = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    const b = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    const land = (await issue.issue({ serviceId: 'dat-dai' }, null)).ticket;
    await counters.callTicket(a.id, 'quay-2', staffAt('quay-2'));
    await expect(counters.callTicket(b.id, 'quay-2', staffAt('quay-2'))).rejects.toThrow(expect.objectContaining({ code: 'counter_busy' }));
    await expect(counters.callTicket(land.id, 'quay-3', staffAt('quay-3'))).rejects.toThrow(expect.objectContaining({ code: 'not_served_here' }));
  });

  it('recalls up to the configured limit, then asks for a no-show', async () => {
    f = await openQueue();
    const { issue, counters, centre } = f.queue;
    const t = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    const clerk = staffAt('quay-2');
    await counters.callTicket(t.id, 'quay-2', clerk);
    for (let i = 0; i < centre.config.policy.maxRecalls; i++) expect((await counters.act(t.id, 'recall', clerk)).callCount).toBe(i + 2);
    await expect(counters.act(t.id, 'recall', clerk)).rejects.toThrow(expect.objectContaining({ code: 'too_many_recalls' }));
    expect((await counters.act(t.id, 'no-show', clerk)).status).toBe('no_show');
  });

  it('a transfer keeps the number and the visit, and the new transaction waits in the other field’s queue', async () => {
    f = await openQueue();
    const { issue, counters } = f.queue;
    const t = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    await counters.callTicket(t.id, 'quay-3', staffAt('quay-3'));
    const moved = await counters.transfer(t.id, 'chung-thuc', staffAt('quay-3'));
    expect(moved).toMatchObject({ number: t.number, visitId: t.visitId, leg: 1, serviceId: 'chung-thuc', status: 'waiting' });
    expect(await f.queue.tickets.get(t.id)).toMatchObject({ status: 'transferred', transferredTo: moved.id });
    expect(counters.queueFor('quay-5').map((x) => x.id)).toEqual([moved.id]);
    expect(counters.queueFor('quay-2')).toEqual([]);
  });

  it('a parked ticket waits at its counter and is called back there', async () => {
    f = await openQueue();
    const { issue, counters } = f.queue;
    const t = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    const clerk = staffAt('quay-2');
    await counters.callTicket(t.id, 'quay-2', clerk);
    await counters.act(t.id, 'start', clerk);
    await counters.act(t.id, 'park', clerk);
    expect(counters.parkedFor('quay-2').map((x) => x.id)).toEqual([t.id]);
    expect(counters.currentOrFail.bind(counters, 'quay-2')).toThrow(expect.objectContaining({ code: 'no_current_ticket' }));
    expect((await counters.callTicket(t.id, 'quay-2', clerk)).status).toBe('called');
    expect(counters.parkedFor('quay-2')).toEqual([]);
  });
});
