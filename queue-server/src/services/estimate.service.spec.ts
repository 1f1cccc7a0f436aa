import { afterEach, describe, expect, it } from 'vitest';
import { manager, openQueue, staffAt, type QueueFixture } from './queue.fixture.ts';

let f: QueueFixture;
afterEach(() => f.close());

/** An official signed in at each of these counters: only staffed counters serve (issue 20.7). */
async function staff(...counterIds: string[]): Promise<void> {
  for (const c of counterIds) await f.queue.counters.signIn(c, `staff-${c}`);
}

describe('EstimateService', () => {
  it('each waiting ticket has those ahead of it; one being served has none', async () => {
    f = await openQueue();
    const { issue, estimates, counters } = f.queue;
    await staff('quay-4');
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
    await staff('quay-2');
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
    await staff('quay-4');
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

  it('a counter open with nobody signed in serves nobody: it shortens no estimate (issue 20.7)', async () => {
    f = await openQueue();
    const { issue, estimates, counters } = f.queue;
    // Đất đai is served by quay-4 and the priority counter quay-1; only quay-4 has an official.
    await staff('quay-4');
    for (let i = 0; i < 4; i++) {
      await issue.issue({ serviceId: 'dat-dai' }, null);
      f.clock.now += 10;
    }
    // quay-1 is open (a counter never set is) but nobody sits there: it counts as if it were closed.
    expect([counters.states.status('quay-1'), counters.states.staff('quay-1')]).toEqual(['open', null]);
    const one = estimates.newTicketEstimates().get('dat-dai')!;
    // With nobody signed in at any counter of a field (ho-tich: quay-1, 2, 3), there is no estimate of minutes.
    expect(estimates.newTicketEstimates().get('ho-tich')!.estimatedWaitMinutes).toBeNull();
    await counters.setStatus('quay-1', 'closed', manager);
    f.clock.now += 2000;
    expect(estimates.newTicketEstimates().get('dat-dai')).toEqual(one);
    // An official signs in there: now it serves, and the wait is shorter.
    await staff('quay-1');
    f.clock.now += 2000;
    expect(estimates.newTicketEstimates().get('dat-dai')!.estimatedWaitMinutes!).toBeLessThan(one.estimatedWaitMinutes!);
  });

  it('the manager\'s "if staffed" wait is one run for a few seconds while the same counters serve, and fresh once staffing changes', async () => {
    f = await openQueue();
    const { issue, estimates } = f.queue;
    // Nobody signed in: no citizen's estimate, the advice's wait instead.
    await issue.issue({ serviceId: 'dat-dai' }, null);
    f.clock.now += 10;
    const first = estimates.queueSummary().find((s) => s.serviceId === 'dat-dai')!;
    expect([first.estimatedWaitMinutes, first.waiting]).toEqual([null, 1]);
    expect(first.estimatedWaitIfStaffedMinutes).not.toBeNull();
    for (let i = 0; i < 6; i++) {
      await issue.issue({ serviceId: 'dat-dai' }, null);
      f.clock.now += 10;
    }
    // Seven waiting now, a fraction of a second later: the same advice (no run per burst of issues).
    const soon = estimates.queueSummary().find((s) => s.serviceId === 'dat-dai')!;
    expect([soon.waiting, soon.estimatedWaitIfStaffedMinutes]).toEqual([7, first.estimatedWaitIfStaffedMinutes]);
    // Some seconds on, a run of its own: seven ahead take longer than one.
    f.clock.now += 6000;
    const later = estimates.queueSummary().find((s) => s.serviceId === 'dat-dai')!;
    expect(later.estimatedWaitIfStaffedMinutes!).toBeGreaterThan(first.estimatedWaitIfStaffedMinutes!);
    // An official signs in at one of the field's counters: the advice is gone at once (the field has a figure now).
    await staff('quay-4');
    const staffed = estimates.queueSummary().find((s) => s.serviceId === 'dat-dai')!;
    expect([staffed.estimatedWaitIfStaffedMinutes, staffed.estimatedWaitMinutes !== null]).toEqual([null, true]);
  });

  it('learns from measured waits: after enough calls the estimate comes with a range that holds them, the figure still the run\'s (issue 18.3)', async () => {
    f = await openQueue();
    const { issue, estimates, counters } = f.queue;
    await staff('quay-2');
    const clerk = staffAt('quay-2');
    // Each ticket is estimated at 0 minutes (an idle counter) but waits 3 to 8 minutes: later ones overtook it, say.
    for (let i = 0; i < 16; i++) {
      const t = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
      if (i < 12) expect(estimates.estimateOf(t)).toEqual({ peopleAhead: 0, estimatedWaitMinutes: 0 });
      f.clock.now += (3 + (i % 6)) * 60_000;
      await counters.callTicket(t.id, 'quay-2', clerk);
      // the hall's screens ask after each call (queue.changed): the estimate sees the call
      estimates.queueSummary();
      f.clock.now += 1000;
      await counters.act(t.id, 'finish', clerk);
      f.clock.now += 1000;
    }
    f.clock.now += 10_000;
    const e = estimates.newTicketEstimates().get('ho-tich')!;
    // The run says 0 (an idle counter, nobody ahead); the range holds the 3 to 8 minutes measured.
    expect(e.estimatedWaitMinutes).toBe(0);
    expect(e.estimatedWaitLowMinutes).toBe(0);
    expect(e.estimatedWaitHighMinutes).toBeGreaterThanOrEqual(7);
    expect(e.estimatedWaitHighMinutes).toBeLessThanOrEqual(8);
    expect(estimates.queueSummary().find((s) => s.serviceId === 'ho-tich')).toMatchObject({ estimatedWaitLowMinutes: e.estimatedWaitLowMinutes, estimatedWaitHighMinutes: e.estimatedWaitHighMinutes });
    // An estimate of a length nothing was learned about shows one figure: four ahead at one counter.
    await staff('quay-4');
    for (let i = 0; i < 4; i++) {
      await issue.issue({ serviceId: 'dat-dai' }, null);
      f.clock.now += 10;
    }
    f.clock.now += 2000;
    expect(estimates.queueSummary().find((s) => s.serviceId === 'dat-dai')).toMatchObject({ estimatedWaitLowMinutes: null, estimatedWaitHighMinutes: null });
  });

  it('counts who will come: the last hour\'s priority citizens, expected again, go first at the priority counter (issue 18.3)', async () => {
    /** Half an hour of six tickets of ho-tich served at quay-1 (4 minutes each), priority ones or not; then R, regular, while X is served there. */
    const estimateOfR = async (priority: boolean) => {
      f = await openQueue();
      const { issue, estimates, counters } = f.queue;
      await staff('quay-1');
      const clerk = staffAt('quay-1');
      for (let i = 0; i < 6; i++) {
        const t = (await issue.issue({ serviceId: 'ho-tich', priorityCategoryId: priority ? 'nguoi-cao-tuoi' : null }, null)).ticket;
        estimates.queueSummary();
        await counters.callTicket(t.id, 'quay-1', clerk);
        f.clock.now += 4 * 60_000;
        await counters.act(t.id, 'finish', clerk);
        f.clock.now += 60_000;
      }
      const x = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
      await counters.callTicket(x.id, 'quay-1', clerk);
      f.clock.now += 1000;
      const r = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
      f.clock.now += 10_000;
      const e = estimates.estimateOf(r);
      f.close();
      return e;
    };
    // Regular arrivals come after R and never pass it: R is called when X is done, in 4 minutes.
    expect(await estimateOfR(false)).toEqual({ peopleAhead: 0, estimatedWaitMinutes: 4 });
    // Twelve priority citizens an hour (one every 5 minutes, the first in 2.5): two are called first, at 4 and 8; R at 12.
    const e = await estimateOfR(true);
    expect(e).toEqual({ peopleAhead: 0, estimatedWaitMinutes: 12 });
    f = await openQueue();
  });
});
