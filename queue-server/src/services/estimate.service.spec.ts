import { afterEach, describe, expect, it } from 'vitest';
import { openQueue, staffAt, type QueueFixture } from './queue.fixture.ts';

let f: QueueFixture;
afterEach(() => f.close());

describe('EstimateService', () => {
  it('each waiting ticket has those ahead of it; one being served has none', async () => {
    f = await openQueue();
    const { issue, estimates, counters } = f.queue;
    const ts = [];
    for (let i = 0; i < 3; i++) ts.push((await issue.issue({ serviceId: 'dat-dai' }, null)).ticket);
    expect(ts.map((t) => estimates.estimateOf(t).peopleAhead)).toEqual([0, 1, 2]);
    await counters.callNext('quay-4', staffAt('quay-4'));
    const called = await f.queue.tickets.get(ts[0]!.id);
    expect(estimates.estimateOf(called)).toEqual({ peopleAhead: 0, estimatedWaitMinutes: 0 });
    expect(estimates.estimateOf(await f.queue.tickets.get(ts[2]!.id)).peopleAhead).toBe(1);
  });

  it('a write makes the next answer fresh even within the reuse time', async () => {
    f = await openQueue();
    const { issue, estimates } = f.queue;
    // The clock moves a little between tickets, as it does in a hall (a newcomer of the same instant would tie with them).
    await issue.issue({ serviceId: 'dat-dai' }, null);
    f.clock.now += 10;
    const before = estimates.newTicketEstimates().get('dat-dai')!;
    await issue.issue({ serviceId: 'dat-dai' }, null);
    f.clock.now += 10;
    const after = estimates.newTicketEstimates().get('dat-dai')!;
    expect([before.peopleAhead, after.peopleAhead]).toEqual([1, 2]);
  });

  it('the summary counts each field’s waiting tickets and its longest wait', async () => {
    f = await openQueue();
    const { issue, estimates } = f.queue;
    await issue.issue({ serviceId: 'ho-tich' }, null);
    f.clock.now += 90_000;
    await issue.issue({ serviceId: 'ho-tich' }, null);
    const hoTich = estimates.queueSummary().find((s) => s.serviceId === 'ho-tich')!;
    expect(hoTich).toMatchObject({ waiting: 2, oldestWaitSeconds: 90 });
    expect(hoTich.estimatedWaitMinutes).toBeGreaterThanOrEqual(0);
    expect(estimates.queueSummary().find((s) => s.serviceId === 'dat-dai')).toMatchObject({ waiting: 0, oldestWaitSeconds: 0 });
  });

  it('with every counter of a field closed, a new ticket there has no estimate of minutes', async () => {
    f = await openQueue();
    const { estimates, counters } = f.queue;
    for (const c of ['quay-1', 'quay-2', 'quay-3']) await counters.setStatus(c, 'closed', staffAt(c));
    expect(estimates.newTicketEstimates().get('ho-tich')?.estimatedWaitMinutes).toBeNull();
    expect(estimates.newTicketEstimates().get('dat-dai')?.estimatedWaitMinutes).not.toBeNull();
  });

  it('service times: the day’s mean once a field has three, a rating counts no time twice', async () => {
    f = await openQueue();
    const { issue, counters, ratings, estimates } = f.queue;
    const clerk = staffAt('quay-2');
    const done = [];
    for (const minutes of [4, 6, 8]) {
      const t = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
      await counters.callTicket(t.id, 'quay-2', clerk);
      f.clock.now += minutes * 60_000;
      done.push(await counters.act(t.id, 'finish', clerk));
    }
    await ratings.rate(done[0]!.id, 4, ratings.keyOf(done[0]!), { kind: 'public' });
    f.clock.now += 10_000; // past the cache of the averages
    expect(estimates.serviceTimes()['ho-tich']).toBe(6 * 60_000);
  });

  it('service times start from the configured typical time of each field', async () => {
    f = await openQueue();
    const typical = f.queue.centre.config.services.find((s) => s.id === 'ho-tich')!.avgServiceMinutes * 60_000;
    expect(f.queue.estimates.serviceTimes()['ho-tich']).toBe(typical);
  });
});
