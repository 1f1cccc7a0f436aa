import { afterEach, describe, expect, it } from 'vitest';
import { openQueue, staffAt, type QueueFixture } from './queue.fixture.ts';

let f: QueueFixture;
afterEach(() => f.close());

describe('OpenTickets', () => {
  it('mirrors the open tickets of the store, and drops those that close', async () => {
    f = await openQueue();
    const { issue, counters, tickets } = f.queue;
    const a = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    const b = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    expect(tickets.list().map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
    await counters.callTicket(a.id, 'quay-2', staffAt('quay-2'));
    await counters.act(a.id, 'finish', staffAt('quay-2'));
    expect(tickets.list().map((t) => t.id)).toEqual([b.id]);
    expect((await f.reopen()).tickets.list().map((t) => t.id)).toEqual([b.id]);
    expect((await tickets.get(a.id)).status).toBe('done');
  });

  it('a decision that throws records nothing, in memory or in the store', async () => {
    f = await openQueue();
    const { tickets, issue } = f.queue;
    const a = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    const version = tickets.version;
    await expect(
      tickets.write((w) => {
        w.updateTicket({ ...a, status: 'cancelled' });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(tickets.list()).toEqual([a]);
    expect(tickets.version).toBe(version);
    expect((await (await f.reopen()).tickets.get(a.id)).status).toBe('waiting');
  });

  it('a refused commit answers storage_failed and memory is the store’s again: numbers, keys and open tickets', async () => {
    f = await openQueue({ groupCommit: true });
    const { tickets, issue } = f.queue;
    const kept = (await issue.issue({ serviceId: 'ho-tich' }, 'kept')).ticket;
    // A deferred foreign key fails only at COMMIT: the whole turn's batch is refused.
    f.store.db.exec('CREATE TABLE orphans (p TEXT REFERENCES tickets(id) DEFERRABLE INITIALLY DEFERRED)');
    const lost = issue.issue({ serviceId: 'ho-tich' }, 'lost');
    f.store.tx(() => f.store.db.prepare("INSERT INTO orphans (p) VALUES ('nobody')").run());
    expect(tickets.list()).toHaveLength(2);
    await expect(lost).rejects.toMatchObject({ code: 'storage_failed', kind: 'unavailable' });
    expect(tickets.list().map((t) => t.id)).toEqual([kept.id]);
    // The refused ticket's number and key are free again.
    const again = await issue.issue({ serviceId: 'ho-tich' }, 'lost');
    expect([again.replay, again.ticket.number]).toEqual([false, '1002']);
  });

  it('finds today’s ticket by its number, and says so when there is none', async () => {
    f = await openQueue();
    const t = (await f.queue.issue.issue({ serviceId: 'chung-thuc' }, null)).ticket;
    expect((await f.queue.tickets.byNumber(t.number)).id).toBe(t.id);
    await expect(f.queue.tickets.byNumber('999')).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
    await expect(f.queue.tickets.get('nope')).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('numbers start again from 1 the next day, and the day’s visit count with them', async () => {
    f = await openQueue();
    const { issue, tickets } = f.queue;
    expect((await issue.issue({ serviceId: 'ho-tich' }, null)).ticket.number).toBe('1001');
    expect(tickets.issuedToday('ho-tich')).toBe(1);
    f.clock.now += 86_400_000;
    expect(tickets.issuedToday('ho-tich')).toBe(0);
    expect((await issue.issue({ serviceId: 'ho-tich' }, null)).ticket.number).toBe('1001');
  });
});
