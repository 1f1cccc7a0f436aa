// The day's figures from the event log of a real SQLite file: each group named for the
// screens (fields by name, counters by number and name, officials by full name).
import { afterEach, describe, expect, it } from 'vitest';
import { dayKey } from '../domain/index.ts';
import { SqlitePort } from '../store/index.ts';
import { StatsService } from './stats.service.ts';
import { openQueue, staffAt, type QueueFixture } from './queue.fixture.ts';

let f: QueueFixture;
afterEach(() => f?.close());

describe('StatsService', () => {
  it('counts issued, served and waits against the target, and names each group', async () => {
    f = await openQueue();
    const { issue, counters } = f.queue;
    const clerk = staffAt('quay-2');
    await counters.signIn('quay-2', clerk.kind === 'user' ? clerk.username : '');
    const a = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    const b = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    f.clock.now += 5 * 60_000;
    await counters.callTicket(a.id, 'quay-2', clerk); // waited 5 minutes
    f.clock.now += 10 * 60_000;
    await counters.act(a.id, 'finish', clerk, { outcome: 'guidance' });
    await counters.callTicket(b.id, 'quay-2', clerk); // waited 15 minutes
    f.clock.now += 20 * 60_000;
    await counters.act(b.id, 'finish', clerk, { outcome: 'received', dossierCode: '261123-HT01-0001' });
    const port = new SqlitePort(f.store);
    const day = dayKey(f.clock.now);
    const s = await new StatsService(f.queue.centre.config, port.reads).between(day, day);
    expect(s).toMatchObject({ issued: 2, served: 2, avgWaitSeconds: 600, withinTargetPct: 100, dossiersReceived: 1, guidanceOnly: 1 });
    expect(s.byService).toEqual([expect.objectContaining({ key: 'ho-tich', name: 'Tư pháp – Hộ tịch', served: 2 })]);
    expect(s.byCounter).toEqual([expect.objectContaining({ key: 'quay-2', name: expect.stringMatching(/^Quầy 2 — /) })]);
    // an official with no account keeps the username as the name
    const staff: { key: string; name: string }[] = s.byStaff;
    expect(staff.map((g) => [g.key, g.name])).toEqual([['staff-quay-2', 'staff-quay-2']]);
  });
});
