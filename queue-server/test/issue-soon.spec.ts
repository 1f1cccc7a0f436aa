// The kiosk route's issue: requests of one turn of the event loop are made
// together after it, in the order they came, each alone in its savepoint.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('issueSoon', () => {
  it('makes a turn’s tickets after it, in order; a refused one fails alone; one key twice is one ticket', async () => {
    server = await startTestServer();
    const { queue } = server.ctx;
    const store = server.sqlite;
    const before = queue.tickets.list().length;
    const a = queue.issue.issueSoon({ serviceId: 'ho-tich', channel: 'kiosk' }, null);
    const bad = queue.issue.issueSoon({ serviceId: 'khong-co', channel: 'kiosk' }, null);
    const c = queue.issue.issueSoon({ serviceId: 'ho-tich', channel: 'kiosk' }, 'soon-key');
    const again = queue.issue.issueSoon({ serviceId: 'ho-tich', channel: 'kiosk' }, 'soon-key');
    // Nothing is made while the turn is still going.
    expect(queue.tickets.list()).toHaveLength(before);
    const [ra, rbad, rc, ragain] = await Promise.allSettled([a, bad, c, again]);
    expect(rbad.status).toBe('rejected');
    expect((rbad as PromiseRejectedResult).reason).toMatchObject({ code: 'unknown_service' });
    const ta = (ra as PromiseFulfilledResult<Awaited<typeof a>>).value;
    const tc = (rc as PromiseFulfilledResult<Awaited<typeof c>>).value;
    const tagain = (ragain as PromiseFulfilledResult<Awaited<typeof again>>).value;
    expect([ta.replay, tc.replay, tagain.replay]).toEqual([false, false, true]);
    expect(tagain.ticket.id).toBe(tc.ticket.id);
    // In the order asked: consecutive numbers of the field.
    expect(tc.ticket.seq).toBe(ta.ticket.seq + 1);
    expect(queue.tickets.list()).toHaveLength(before + 2);
    await store.durable();
    expect(store.tickets.get(ta.ticket.id)?.number).toBe(ta.ticket.number);
    expect(store.tickets.get(tc.ticket.id)?.number).toBe(tc.ticket.number);
  });
});
