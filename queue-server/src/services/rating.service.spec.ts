import { afterEach, describe, expect, it } from 'vitest';
import { openQueue, staffAt, type QueueFixture } from './queue.fixture.ts';

let f: QueueFixture;
afterEach(() => f.close());

const citizen = { kind: 'public' } as const;

async function served(fx: QueueFixture, serviceId: string, counterId: string) {
  const { issue, counters } = fx.queue;
  const t = (await issue.issue({ serviceId }, null)).ticket;
  await counters.callTicket(t.id, counterId, staffAt(counterId));
  return await counters.act(t.id, 'finish', staffAt(counterId));
}

describe('RatingService', () => {
  it('rates a served ticket once; an unserved one not at all', async () => {
    f = await openQueue();
    const waiting = (await f.queue.issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    const { ratings } = f.queue;
    await expect(ratings.rate(waiting.id, 4, ratings.keyOf(waiting), citizen)).rejects.toThrow(expect.objectContaining({ code: 'not_served' }));
    const done = await served(f, 'dat-dai', 'quay-4');
    expect((await ratings.rate(done.id, 4, ratings.keyOf(done), citizen)).rating).toBe(4);
    await expect(ratings.rate(done.id, 1, ratings.keyOf(done), citizen)).rejects.toThrow(expect.objectContaining({ code: 'already_rated' }));
    expect((await (await f.reopen()).tickets.get(done.id)).rating).toBe(4);
  });

  it('a transferred visit is rated on its last transaction, from the first one’s id', async () => {
    f = await openQueue();
    const { issue, counters, ratings } = f.queue;
    const t = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    await counters.callTicket(t.id, 'quay-3', staffAt('quay-3'));
    const moved = await counters.transfer(t.id, 'chung-thuc', staffAt('quay-3'));
    await counters.callTicket(moved.id, 'quay-5', staffAt('quay-5'));
    await counters.act(moved.id, 'finish', staffAt('quay-5'));
    // The slip's key is the visit's: every leg has the same one.
    expect(ratings.keyOf(moved)).toBe(ratings.keyOf(t));
    expect(await ratings.rate(t.id, 3, ratings.keyOf(t), citizen)).toMatchObject({ id: moved.id, rating: 3 });
  });

  it('without the slip’s key, with another visit’s, or from a staff account, nothing is rated', async () => {
    f = await openQueue();
    const { ratings } = f.queue;
    const done = await served(f, 'dat-dai', 'quay-4');
    const other = await served(f, 'ho-tich', 'quay-2');
    expect(ratings.keyOf(done)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(ratings.keyOf(done)).not.toBe(ratings.keyOf(other));
    for (const key of [null, '', 'x', ratings.keyOf(other), ratings.keyOf(done).slice(1), done.id, done.number]) {
      await expect(ratings.rate(done.id, 4, key, citizen)).rejects.toThrow(expect.objectContaining({ code: 'bad_rating_key' }));
    }
    await expect(ratings.rate(done.id, 1, ratings.keyOf(done), staffAt('quay-4'))).rejects.toThrow(expect.objectContaining({ code: 'forbidden' }));
    await expect(ratings.rateAtCounter('quay-4', 1, staffAt('quay-4'))).rejects.toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect((await f.queue.tickets.get(done.id)).rating).toBeNull();
  });

  it('a rating keypad rates the last ticket finished at its counter', async () => {
    f = await openQueue();
    const keypad = { kind: 'device', deviceId: 'rate-4', deviceKind: 'keypad', counterId: 'quay-4' } as const;
    await expect(f.queue.ratings.rateAtCounter('quay-4', 4, keypad)).rejects.toThrow(expect.objectContaining({ code: 'nothing_to_rate' }));
    // The phone rating an earlier ticket does not make it the counter's last.
    const earlier = await served(f, 'dat-dai', 'quay-4');
    f.clock.now += 1000;
    const last = await served(f, 'dat-dai', 'quay-4');
    await f.queue.ratings.rate(earlier.id, 3, f.queue.ratings.keyOf(earlier), citizen);
    expect((await f.queue.ratings.rateAtCounter('quay-4', 4, keypad)).id).toBe(last.id);
    await expect(f.queue.ratings.rateAtCounter('quay-2', 4, keypad)).rejects.toThrow(expect.objectContaining({ code: 'wrong_counter' }));
  });

  it('records the kiosk’s print result and announces the change', async () => {
    f = await openQueue();
    const t = (await f.queue.issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    expect((await f.queue.ratings.recordPrint(t.id, false, 'paper_out', { kind: 'device', deviceId: 'kiosk-1', deviceKind: 'kiosk', counterId: null })).printed).toBe(false);
    expect((await f.queue.tickets.get(t.id)).printed).toBe(false);
    expect(f.told.at(-1)).toMatchObject({ event: 'ticket.updated', args: [{ id: t.id, printed: false }] });
  });
});
