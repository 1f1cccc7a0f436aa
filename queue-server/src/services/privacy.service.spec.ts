// The retention purge over a real SQLite file: a scanned citizen's name and age, and a
// booking's name and phone, go once the retention has passed — not before, and never an
// open visit's — with one audit line saying how many.
import { afterEach, describe, expect, it } from 'vitest';
import { SqlitePort } from '../store/index.ts';
import { PrivacyService } from './privacy.service.ts';
import { openQueue, staffAt, type QueueFixture } from './queue.fixture.ts';

let f: QueueFixture;
afterEach(() => f?.close());
const DAY = 86_400_000;
const elderly = () => ({ ok: true as const, value: { idNumber: '001055001234', fullName: 'Nguyễn Văn An', age: 71 } });

describe('PrivacyService', () => {
  it('clears the names of finished visits older than the retention only, and audits it', async () => {
    f = await openQueue({ parseIdentity: elderly });
    const { issue, counters } = f.queue;
    await counters.signIn('quay-2', 'staff-quay-2');
    const done = (await issue.issue({ serviceId: 'ho-tich', identityQr: 'qr' }, null)).ticket;
    const open = (await issue.issue({ serviceId: 'ho-tich', identityQr: 'qr' }, null)).ticket;
    await counters.callTicket(done.id, 'quay-2', staffAt('quay-2'));
    await counters.act(done.id, 'finish', staffAt('quay-2'));
    const port = new SqlitePort(f.store);
    const privacy = new PrivacyService(f.queue.centre.config, port, () => f.clock.now);
    // within the retention (one day in the demo): nothing goes
    expect(await privacy.purge()).toBe(0);
    expect(f.store.tickets.get(done.id)).toMatchObject({ citizenName: 'Nguyễn Văn An', citizenAge: 71 });
    f.clock.now += DAY + 60_000;
    expect(await privacy.purge()).toBe(1);
    expect(f.store.tickets.get(done.id)).toMatchObject({ citizenName: null, citizenAge: null, idHash: null, idLast4: null });
    // the visit still open keeps what the counter needs
    expect(f.store.tickets.get(open.id)).toMatchObject({ citizenName: 'Nguyễn Văn An' });
    const audit = await port.reads.audit();
    expect(audit.filter((a) => a.action === 'privacy.purge').map((a) => a.detail)).toEqual([{ tickets: 1 }]);
    // a second purge finds nothing more and writes no audit line
    expect(await privacy.purge()).toBe(0);
    expect((await port.reads.audit()).filter((a) => a.action === 'privacy.purge')).toHaveLength(1);
  });

  it("deletes ratings' notes once the retention has passed since they were written, not before (issue 16.5)", async () => {
    f = await openQueue();
    const port = new SqlitePort(f.store);
    const note = { ticketId: 't-1', at: f.clock.now, score: 1, serviceId: 'ho-tich', counterId: 'quay-2', staff: 'quay2', note: 'Chờ lâu quá' };
    await port.commit({ ratingNotes: [note] });
    const privacy = new PrivacyService(f.queue.centre.config, port, () => f.clock.now);
    await privacy.purge();
    expect(await port.reads.ratingNotes(0, f.clock.now + 1)).toEqual([note]);
    f.clock.now += DAY + 60_000;
    await privacy.purge();
    expect(await port.reads.ratingNotes(0, f.clock.now + 1)).toEqual([]);
  });
});
