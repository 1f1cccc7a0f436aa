import { afterEach, describe, expect, it } from 'vitest';
import { openQueue, staffAt, type QueueFixture } from './queue.fixture.ts';

let f: QueueFixture;
afterEach(() => f.close());

describe('HallService', () => {
  it('lists calls newest first, a recall moved to the top and marked, and rebuilds the list after a restart', async () => {
    f = await openQueue();
    const { issue, counters, hall } = f.queue;
    const a = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    const b = (await issue.issue({ serviceId: 'dat-dai' }, null)).ticket;
    await counters.callTicket(a.id, 'quay-2', staffAt('quay-2'));
    f.clock.now += 1000;
    await counters.callTicket(b.id, 'quay-4', staffAt('quay-4'));
    expect(hall.calls().map((c) => [c.number, c.counterNumber, c.recall])).toEqual([[b.number, 4, false], [a.number, 2, false]]);
    f.clock.now += 1000;
    await counters.act(a.id, 'recall', staffAt('quay-2'));
    expect(hall.calls().map((c) => [c.number, c.recall])).toEqual([[a.number, true], [b.number, false]]);
    expect((await f.reopen()).hall.calls().map((c) => [c.number, c.recall])).toEqual([[a.number, true], [b.number, false]]);
  });

  it('keeps the twelve latest calls', async () => {
    f = await openQueue();
    const { issue, counters, hall } = f.queue;
    for (let i = 0; i < 14; i++) {
      const t = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
      await counters.callTicket(t.id, 'quay-2', staffAt('quay-2'));
      await counters.act(t.id, 'finish', staffAt('quay-2'));
      f.clock.now += 1000;
    }
    expect(hall.calls()).toHaveLength(12);
    expect(hall.calls()[0]!.number).toBe('1014');
  });

  it('the announcement fills the centre’s voice template', async () => {
    f = await openQueue();
    const { issue, counters, hall } = f.queue;
    const t = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    await counters.callTicket(t.id, 'quay-2', staffAt('quay-2'));
    expect(hall.announcement(hall.calls()[0]!)).toBe('Mời công dân có số thứ tự 1001 đến quầy số 2');
  });
});
