import { afterEach, describe, expect, it } from 'vitest';
import { openQueue, staffAt, type QueueFixture } from './queue.fixture.ts';

let f: QueueFixture;
afterEach(() => f.close());

describe('OpenTickets', () => {
  it('mirrors the open tickets of the file, and drops those that close', () => {
    f = openQueue();
    const { issue, counters, tickets } = f.queue;
    const a = issue.issue({ serviceId: 'ho-tich' }, null).ticket;
    const b = issue.issue({ serviceId: 'ho-tich' }, null).ticket;
    expect(tickets.list().map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
    counters.callTicket(a.id, 'quay-2', staffAt('quay-2'));
    counters.act(a.id, 'finish', staffAt('quay-2'));
    expect(tickets.list().map((t) => t.id)).toEqual([b.id]);
    expect(f.reopen().tickets.list().map((t) => t.id)).toEqual([b.id]);
    expect(tickets.get(a.id).status).toBe('done');
  });

  it('a write that throws leaves the mirror and the file as they were', () => {
    f = openQueue();
    const { tickets, issue } = f.queue;
    const a = issue.issue({ serviceId: 'ho-tich' }, null).ticket;
    const version = tickets.version;
    expect(() =>
      tickets.write(() => {
        tickets.save({ ...a, status: 'cancelled' });
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(tickets.list()).toEqual([a]);
    expect(tickets.get(a.id).status).toBe('waiting');
    expect(tickets.version).toBe(version);
  });

  it('a failed group commit reloads the mirror from the file', async () => {
    f = openQueue({ groupCommit: true });
    const { tickets, issue } = f.queue;
    const kept = issue.issue({ serviceId: 'ho-tich' }, null).ticket;
    await f.store.durable();
    // A deferred foreign key fails only at COMMIT: the whole batch is refused.
    f.store.db.exec('CREATE TABLE orphans (p TEXT REFERENCES tickets(id) DEFERRABLE INITIALLY DEFERRED)');
    const lost = issue.issue({ serviceId: 'ho-tich' }, null).ticket;
    f.store.tx(() => f.store.db.prepare("INSERT INTO orphans (p) VALUES ('nobody')").run());
    expect(tickets.list().map((t) => t.id)).toContain(lost.id);
    await expect(f.store.durable()).rejects.toThrow();
    expect(tickets.list().map((t) => t.id)).toEqual([kept.id]);
  });

  it('finds today’s ticket by its number, and says so when there is none', () => {
    f = openQueue();
    const t = f.queue.issue.issue({ serviceId: 'chung-thuc' }, null).ticket;
    expect(f.queue.tickets.byNumber(t.number).id).toBe(t.id);
    expect(() => f.queue.tickets.byNumber('999')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => f.queue.tickets.get('nope')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
