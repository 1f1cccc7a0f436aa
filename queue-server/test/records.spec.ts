// Every ticket record the queue keeps in memory has the same fields in the same
// order, whichever path made it (issue, call, transfer, rating, a print result,
// a restart): the forward estimate reads thousands of them per burst, and
// records of one shape are what keeps that fast (ticketRecord).
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';
import type { Actor } from '../src/services/actor.ts';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const staff: Actor = { kind: 'user', username: 'quay1', role: 'staff', counterId: 'quay-1' };

describe('ticket records', () => {
  it('are all made with the same fields in the same order', async () => {
    server = await startTestServer();
    const { queue } = server.ctx;
    const store = server.sqlite;
    const keys = (t: object) => Object.keys(t).join(',');
    const issued = (await queue.issue.issue({ serviceId: 'ho-tich', channel: 'kiosk', kioskId: 'kiosk-1' }, null)).ticket;
    const other = (await queue.issue.issue({ serviceId: 'chung-thuc', channel: 'kiosk' }, 'records-key')).ticket;
    const called = await queue.counters.callTicket(issued.id, 'quay-1', staff);
    const started = await queue.counters.act(issued.id, 'start', staff);
    const moved = await queue.counters.transfer(issued.id, 'chung-thuc', staff);
    const printed = await queue.ratings.recordPrint(other.id, true, null, { kind: 'public' });
    const made = [issued, other, called, started, moved, printed, ...queue.tickets.list(), ...store.tickets.open()];
    const expected = keys(issued);
    for (const t of made) expect(keys(t)).toBe(expected);
    // Not a trivial pass: the records carry every field of the ticket row.
    expect(expected.split(',')).toHaveLength(34);
    expect(expected.startsWith('id,visitId,leg,number,day,seq,serviceId,status')).toBe(true);
  });
});
