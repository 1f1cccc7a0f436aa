import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDemoConfig } from '@mot-cua/config';
import { addDays, dayKey, dayStart } from '../domain/index.ts';
import { SqlitePort } from '../store/index.ts';
import { MONDAY_8AM, openQueue, staffAt, type QueueFixture } from './queue.fixture.ts';

let f: QueueFixture;
afterEach(() => {
  f.queue.dayClose.stop();
  f.close();
});
const min = 60_000;
const MONDAY = dayKey(MONDAY_8AM);
const at = (day: string, hhmm: string) => dayStart(day) + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * min;

/** One ticket in each open status at Monday 08:00+: waiting, called, serving, parked; and one done. */
async function hallOfFive(fx: QueueFixture) {
  const { issue, counters } = fx.queue;
  const take = async (serviceId: string) => {
    const t = (await issue.issue({ serviceId }, null)).ticket;
    fx.clock.now += min;
    return t;
  };
  const done = await take('ho-tich');
  await counters.callTicket(done.id, 'quay-2', staffAt('quay-2'));
  await counters.act(done.id, 'finish', staffAt('quay-2'));
  const parked = await take('ho-tich');
  await counters.callTicket(parked.id, 'quay-2', staffAt('quay-2'));
  await counters.act(parked.id, 'start', staffAt('quay-2'));
  await counters.act(parked.id, 'park', staffAt('quay-2'));
  const serving = await take('ho-tich');
  await counters.callTicket(serving.id, 'quay-2', staffAt('quay-2'));
  await counters.act(serving.id, 'start', staffAt('quay-2'));
  const called = await take('dat-dai');
  await counters.callTicket(called.id, 'quay-4', staffAt('quay-4'));
  const waiting = await take('chung-thuc');
  return { done, parked, serving, called, waiting };
}

describe('DayCloseService', () => {
  it('at the last closing time (hours enforced) expires waiting, called, serving and parked tickets, logs each and tells the screens', async () => {
    f = await openQueue({ enforceHours: true });
    const hall = await hallOfFive(f);
    const { dayClose, tickets, counters } = f.queue;
    expect(dayClose.closesAt(MONDAY)).toBe(at(MONDAY, '17:00'));

    f.clock.now = at(MONDAY, '16:59');
    expect(await dayClose.closeDue()).toEqual([]);
    expect(tickets.list()).toHaveLength(4);

    f.clock.now = at(MONDAY, '17:00');
    f.told.length = 0;
    const expired = await dayClose.closeDue();
    const ids = [hall.parked.id, hall.serving.id, hall.called.id, hall.waiting.id];
    expect(expired.map((t) => t.id).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await tickets.get(id)).toMatchObject({ status: 'expired', finishedAt: at(MONDAY, '17:00') });
    expect((await tickets.get(hall.done.id)).status).toBe('done');
    expect(tickets.list()).toEqual([]);
    expect(counters.current('quay-2')).toBeNull();
    expect(counters.current('quay-4')).toBeNull();
    // The boards drop the calls of expired tickets; the screens get each change.
    expect(f.queue.hall.calls().map((c) => c.ticketId)).toEqual([hall.done.id]);
    expect(f.told.filter((e) => e.event === 'ticket.updated').map((e) => (e.args[0] as { id: string }).id).sort()).toEqual([...ids].sort());

    // One `expired` event per ticket, by the system, after which the log folds to `expired`.
    for (const id of ids) {
      const events = f.store.events.forVisit(id);
      expect(events.at(-1)).toMatchObject({ type: 'expired', actor: 'system', at: at(MONDAY, '17:00') });
      expect(events.filter((e) => e.type === 'expired')).toHaveLength(1);
    }
    // Nothing left: a second close writes nothing.
    expect(await dayClose.closeDue()).toEqual([]);
  });

  it('without enforced hours the day closes at midnight, and tomorrow numbers from the first again', async () => {
    f = await openQueue();
    const { issue, dayClose, tickets } = f.queue;
    const first = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    f.clock.now += min;
    const second = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    expect([first.number, second.number]).toEqual(['1001', '1002']);
    const tuesday = addDays(MONDAY, 1);
    expect(dayClose.closesAt(MONDAY)).toBe(dayStart(tuesday));

    f.clock.now = at(MONDAY, '17:00');
    expect(await dayClose.closeDue()).toEqual([]);
    f.clock.now = dayStart(tuesday) - 1;
    expect(await dayClose.closeDue()).toEqual([]);
    f.clock.now = dayStart(tuesday);
    expect((await dayClose.closeDue()).map((t) => t.number)).toEqual(['1001', '1002']);
    expect(await tickets.get(first.id)).toMatchObject({ status: 'expired', finishedAt: dayStart(tuesday) });

    f.clock.now = at(tuesday, '08:00');
    const next = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    expect(next).toMatchObject({ number: '1001', day: tuesday, status: 'waiting' });
    // Today's number 1001 is today's ticket, not yesterday's.
    expect((await tickets.byNumber('1001')).id).toBe(next.id);
    expect(tickets.list().map((t) => t.id)).toEqual([next.id]);
  });

  it('the day ends at the latest close of the centre and of any field with its own hours, and at midnight on a day without hours', async () => {
    const config = loadDemoConfig();
    const late = { ...config.hours, mon: [{ open: '13:00', close: '19:30' }] };
    config.services = config.services.map((s) => (s.id === 'dat-dai' ? { ...s, hours: late } : s));
    f = await openQueue({ config, enforceHours: true });
    const { dayClose } = f.queue;
    expect(dayClose.closesAt(MONDAY)).toBe(at(MONDAY, '19:30'));
    // Saturday: only the morning.
    expect(dayClose.closesAt(addDays(MONDAY, 5))).toBe(at(addDays(MONDAY, 5), '11:30'));
    // Sunday has no hours: midnight.
    expect(dayClose.closesAt(addDays(MONDAY, 6))).toBe(dayStart(addDays(MONDAY, 7)));
  });

  it('a queue built after days it did not close expires those tickets at their own day’s close and keeps today’s', async () => {
    f = await openQueue();
    const { issue } = f.queue;
    const monday = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    f.clock.now = at(addDays(MONDAY, 2), '09:00');
    const wednesday = (await f.queue.issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    // As a restarted server: a queue built on the same file.
    const again = await f.reopen();
    expect(again.tickets.list().map((t) => t.id).sort()).toEqual([monday.id, wednesday.id].sort());
    expect((await again.dayClose.closeDue()).map((t) => t.id)).toEqual([monday.id]);
    expect(await again.tickets.get(monday.id)).toMatchObject({ status: 'expired', finishedAt: dayStart(addDays(MONDAY, 1)) });
    expect(again.tickets.list().map((t) => t.id)).toEqual([wednesday.id]);
  });

  it('the retention purge clears an expired visit’s personal data as it does a finished one’s', async () => {
    f = await openQueue({ parseIdentity: () => ({ ok: true, value: { idNumber: '001055001234', fullName: 'Nguyễn Văn An', age: 71 } }) });
    const t = (await f.queue.issue.issue({ serviceId: 'ho-tich', identityQr: 'raw' }, null)).ticket;
    const port = new SqlitePort(f.store);
    const audit = (tickets: number) => ({ actor: 'system', action: 'privacy.purge', target: null, detail: { tickets }, at: f.clock.now });
    // Open, it keeps its data whatever its age.
    expect(await port.forgetCitizens(f.clock.now + 1000, audit)).toBe(0);
    f.clock.now = dayStart(addDays(MONDAY, 1));
    await f.queue.dayClose.closeDue();
    expect(f.store.tickets.get(t.id)).toMatchObject({ status: 'expired', citizenName: 'Nguyễn Văn An' });
    expect(await port.forgetCitizens(f.clock.now, audit)).toBe(1);
    expect(f.store.tickets.get(t.id)).toMatchObject({ status: 'expired', citizenName: null, citizenAge: null });
  });

  it('its timer closes the day when the injected clock crosses midnight', async () => {
    f = await openQueue();
    const t = (await f.queue.issue.issue({ serviceId: 'chung-thuc' }, null)).ticket;
    f.queue.dayClose.start(10);
    f.clock.now = dayStart(addDays(MONDAY, 1)) + 1000;
    await vi.waitFor(async () => expect((await f.queue.tickets.get(t.id)).status).toBe('expired'), { timeout: 5000, interval: 20 });
  });
});
