import { afterEach, describe, expect, it } from 'vitest';
import { openQueue, staffAt, type QueueFixture } from './queue.fixture.ts';
import { awaitingArrival } from './check-in.service.ts';

let f: QueueFixture;
afterEach(() => f.close());

const phone = { kind: 'public' } as const;
const kiosk = { kind: 'device', deviceId: 'kiosk-1', deviceKind: 'kiosk', counterId: null } as const;

describe('CheckInService (issue 17.1)', () => {
  it('a number from the phone waits unseen by the policy until its holder checks in; the check-in is kept, logged, told, and survives a restart', async () => {
    f = await openQueue();
    const { issue, counters, checkIns, ratings, entrance } = f.queue;
    const remote = (await issue.issue({ serviceId: 'ho-tich', channel: 'mobile' }, null)).ticket;
    expect(awaitingArrival(remote)).toBe(true);
    expect(counters.queueFor('quay-2').map((t) => t.id)).toEqual([]);
    expect(await counters.callNext('quay-2', staffAt('quay-2'))).toBeNull();

    f.clock.now += 600_000;
    f.told.length = 0;
    // The phone: its key and the code it read at the entrance.
    await expect(checkIns.checkIn(remote.id, ratings.keyOf(remote), phone)).rejects.toMatchObject({ code: 'entrance_code_required' });
    const r = await checkIns.checkIn(remote.id, ratings.keyOf(remote), phone, entrance.current().code);
    expect(r).toMatchObject({ already: false, ticket: { checkedInAt: f.clock.now } });
    expect(f.told.map((x) => x.event)).toEqual(['ticket.updated']);
    expect(f.store.events.forVisit(remote.id).map((e) => [e.type, e.actor])).toEqual([['issued', null], ['checked_in', null]]);
    expect((await (await f.reopen()).tickets.get(remote.id)).checkedInAt).toBe(f.clock.now);
    expect(counters.queueFor('quay-2').map((t) => t.id)).toEqual([remote.id]);
    expect((await counters.callNext('quay-2', staffAt('quay-2')))?.id).toBe(remote.id);
  });

  it('again is no change; a kiosk needs no key, anyone else the right one; a closed ticket is refused', async () => {
    f = await openQueue();
    const { issue, counters, checkIns } = f.queue;
    const remote = (await issue.issue({ serviceId: 'ho-tich', channel: 'mobile' }, null)).ticket;
    await expect(checkIns.checkIn(remote.id, null, phone)).rejects.toMatchObject({ kind: 'forbidden', code: 'bad_ticket_key' });
    await expect(checkIns.checkIn(remote.id, 'x'.repeat(22), phone)).rejects.toMatchObject({ kind: 'forbidden', code: 'bad_ticket_key' });
    await expect(checkIns.checkIn(remote.id, null, staffAt('quay-2'))).rejects.toMatchObject({ code: 'forbidden' });
    expect((await checkIns.checkIn(remote.id, null, kiosk)).already).toBe(false);
    expect((await checkIns.checkIn(remote.id, null, kiosk)).already).toBe(true);
    expect(f.store.events.forVisit(remote.id).filter((e) => e.type === 'checked_in')).toHaveLength(1);
    const other = (await issue.issue({ serviceId: 'ho-tich', channel: 'mobile' }, null)).ticket;
    await counters.act(other.id, 'cancel', staffAt('quay-2'));
    await expect(checkIns.checkIn(other.id, null, kiosk)).rejects.toMatchObject({ kind: 'conflict', code: 'ticket_closed' });
    await expect(checkIns.checkIn('t-none', null, kiosk)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('two check-ins at once make one event', async () => {
    f = await openQueue();
    const { issue, checkIns } = f.queue;
    const remote = (await issue.issue({ serviceId: 'ho-tich', channel: 'mobile' }, null)).ticket;
    const both = await Promise.all([checkIns.checkIn(remote.id, null, kiosk), checkIns.checkIn(remote.id, null, kiosk)]);
    expect(both.map((b) => b.already).sort()).toEqual([false, true]);
    expect(f.store.events.forVisit(remote.id).filter((e) => e.type === 'checked_in')).toHaveLength(1);
  });

  it('a transfer of a number called in its grace keeps the citizen as arrived', async () => {
    const { loadDemoConfig } = await import('@mot-cua/config');
    const config = loadDemoConfig();
    config.services.find((s) => s.id === 'ho-tich')!.remoteGraceMinutes = 3;
    f = await openQueue({ config });
    const { issue, counters } = f.queue;
    const remote = (await issue.issue({ serviceId: 'ho-tich', channel: 'mobile' }, null)).ticket;
    const called = await counters.callNext('quay-1', staffAt('quay-1'));
    expect(called?.id).toBe(remote.id);
    const moved = await counters.transfer(remote.id, 'chung-thuc', staffAt('quay-1'));
    expect(awaitingArrival(moved)).toBe(false);
  });
});
