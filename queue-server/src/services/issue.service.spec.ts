import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoConfig } from '@mot-cua/config';
import { openQueue, MONDAY_8AM, type QueueFixture } from './queue.fixture.ts';
import { priorityProof, type IdentityParse } from './issue.service.ts';

let f: QueueFixture;
afterEach(() => f.close());

const elderly: IdentityParse = () => ({ ok: true, value: { idNumber: '001055001234', fullName: 'Nguyễn Văn An', age: 71 } });

describe('IssueService', () => {
  it('numbers each field’s tickets in order and one key makes one ticket, after a restart too', async () => {
    f = await openQueue();
    const { issue } = f.queue;
    const a = await issue.issue({ serviceId: 'ho-tich' }, 'k1');
    const b = await issue.issue({ serviceId: 'ho-tich' }, null);
    expect([a.ticket.number, b.ticket.number]).toEqual(['1001', '1002']);
    expect(a.replay).toBe(false);
    const again = await issue.issue({ serviceId: 'ho-tich' }, 'k1');
    expect(again).toMatchObject({ replay: true, ticket: { id: a.ticket.id } });
    expect(await (await f.reopen()).issue.issue({ serviceId: 'chung-thuc' }, 'k1')).toMatchObject({ replay: true, ticket: { id: a.ticket.id } });
    expect(f.told.filter((e) => e.event === 'ticket.issued')).toHaveLength(2);
  });

  it('forgets an idempotency key after a day, in memory and in the store, so neither grows for ever', async () => {
    f = await openQueue();
    const { issue } = f.queue;
    const first = await issue.issue({ serviceId: 'ho-tich' }, 'k-old');
    f.clock.now += 3600_000;
    await issue.issue({ serviceId: 'ho-tich' }, 'k-hour');
    // within the day both still answer retries
    expect(await issue.issue({ serviceId: 'ho-tich' }, 'k-old')).toMatchObject({ replay: true, ticket: { id: first.ticket.id } });
    expect([...f.store.idempotency.all().keys()].sort()).toEqual(['k-hour', 'k-old']);
    f.clock.now += 24 * 3600_000 - 1;
    await issue.issue({ serviceId: 'chung-thuc' }, 'k-next-day');
    expect(f.queue.tickets.keyTicketId('k-old')).toBeUndefined();
    expect(f.queue.tickets.keyTicketId('k-hour')).toBeDefined();
    expect([...f.store.idempotency.all().keys()].sort()).toEqual(['k-hour', 'k-next-day']);
    // a restarted server loads only what is kept
    expect((await f.reopen()).tickets.keyTicketId('k-old')).toBeUndefined();
  });

  it('refuses unknown fields, categories and procedures', async () => {
    f = await openQueue();
    const { issue } = f.queue;
    await expect(issue.issue({ serviceId: 'khong-co' }, null)).rejects.toThrow(expect.objectContaining({ code: 'unknown_service' }));
    await expect(issue.issue({ serviceId: 'ho-tich', priorityCategoryId: 'vip' }, null)).rejects.toThrow(expect.objectContaining({ code: 'unknown_priority_category' }));
    await expect(issue.issue({ serviceId: 'ho-tich', procedureCode: 'XX' }, null)).rejects.toThrow(expect.objectContaining({ code: 'unknown_procedure' }));
    expect(f.queue.tickets.list()).toHaveLength(0);
  });

  it('outside the opening hours the tile says when it opens, and a ticket is refused with the same time', async () => {
    f = await openQueue({ enforceHours: true });
    f.clock.now = MONDAY_8AM + 4 * 3600_000; // 12:00, the lunch break
    const service = f.queue.centre.service('ho-tich');
    expect(f.queue.issue.availability(service)).toEqual({ open: false, opensAt: '2026-11-23T13:30:00.000+07:00' });
    await expect(f.queue.issue.issue({ serviceId: 'ho-tich' }, null)).rejects.toThrow(expect.objectContaining({ code: 'closed', message: expect.stringMatching(/^Lĩnh vực .* mở lại lúc 13:30 ngày 23\/11\/2026/) }));
    f.clock.now = MONDAY_8AM;
    expect(f.queue.issue.availability(service)).toEqual({ open: true, opensAt: null });
  });

  it('a field with a daily capacity closes when it is reached, until the next day’s opening', async () => {
    const config = loadDemoConfig();
    const field = config.services.find((s) => s.id === 'dat-dai')!;
    f = await openQueue({ config: { ...config, services: config.services.map((s) => (s === field ? { ...s, dailyCapacity: 2 } : s)) } });
    const { issue, centre } = f.queue;
    await issue.issue({ serviceId: 'dat-dai' }, null);
    await issue.issue({ serviceId: 'dat-dai' }, null);
    expect(issue.availability(centre.service('dat-dai'))).toEqual({ open: false, opensAt: '2026-11-24T07:00:00.000+07:00' });
    await expect(issue.issue({ serviceId: 'dat-dai' }, null)).rejects.toThrow(expect.objectContaining({ code: 'capacity_reached' }));
    // Other fields go on.
    expect((await issue.issue({ serviceId: 'ho-tich' }, null)).replay).toBe(false);
  });

  it('a scanned CCCD gives an elderly citizen priority and keeps only a keyed hash and the last four digits', async () => {
    f = await openQueue({ parseIdentity: elderly });
    const t = (await f.queue.issue.issue({ serviceId: 'ho-tich', identityQr: 'raw' }, null)).ticket;
    expect(t).toMatchObject({ priorityCategoryId: 'nguoi-cao-tuoi', citizenName: 'Nguyễn Văn An', citizenAge: 71, idLast4: '1234' });
    expect(t.idHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await f.queue.tickets.get(t.id))).not.toContain('001055001234');
    // A category asked for is kept.
    expect((await f.queue.issue.issue({ serviceId: 'ho-tich', identityQr: 'raw', priorityCategoryId: 'nguoi-khuyet-tat' }, null)).ticket.priorityCategoryId).toBe('nguoi-khuyet-tat');
  });

  it('a priority group is marked by how it was shown: a scan proving the age, an official at the counter, or only claimed', async () => {
    f = await openQueue({ parseIdentity: elderly });
    const { issue, centre } = f.queue;
    const proof = async (input: Parameters<typeof issue.issue>[0]) => priorityProof(centre.config, (await issue.issue(input, null)).ticket);
    expect(await proof({ serviceId: 'ho-tich' })).toBeNull();
    expect(await proof({ serviceId: 'ho-tich', identityQr: 'raw' })).toBe('scan');
    expect(await proof({ serviceId: 'ho-tich', identityQr: 'raw', priorityCategoryId: 'nguoi-cao-tuoi' })).toBe('scan');
    // A card shows an age, never a pregnancy or a disability.
    expect(await proof({ serviceId: 'ho-tich', identityQr: 'raw', priorityCategoryId: 'phu-nu-mang-thai' })).toBe('self');
    expect(await proof({ serviceId: 'ho-tich', priorityCategoryId: 'nguoi-cao-tuoi', channel: 'kiosk' })).toBe('self');
    expect(await proof({ serviceId: 'ho-tich', priorityCategoryId: 'nguoi-khuyet-tat', channel: 'mobile' })).toBe('self');
    expect(await proof({ serviceId: 'ho-tich', priorityCategoryId: 'nguoi-khuyet-tat', channel: 'counter' })).toBe('staff');
  });

  it('a source address takes a few tickets, then is refused (429) until its window moves; a replay of a key is free', async () => {
    f = await openQueue({ limits: { perWindow: 2, windowMs: 600_000, perDay: 3 } });
    const { issue } = f.queue;
    const first = await issue.issue({ serviceId: 'ho-tich', channel: 'mobile', source: '10.1.1.1' }, 'phone-1');
    await issue.issue({ serviceId: 'ho-tich', channel: 'mobile', source: '10.1.1.1' }, null);
    await expect(issue.issue({ serviceId: 'ho-tich', channel: 'mobile', source: '10.1.1.1' }, null)).rejects.toThrow(
      expect.objectContaining({ kind: 'too_many', code: 'too_many_tickets', message: expect.stringMatching(/^Máy này đã lấy nhiều số trong ít phút; mời thử lại sau 10 phút/) }),
    );
    expect(await issue.issue({ serviceId: 'ho-tich', channel: 'mobile', source: '10.1.1.1' }, 'phone-1')).toMatchObject({ replay: true, ticket: { id: first.ticket.id } });
    // A refused request (an unknown field) costs nothing; no source, no count.
    await expect(issue.issue({ serviceId: 'khong-co', source: '10.1.1.2' }, null)).rejects.toThrow(expect.objectContaining({ code: 'unknown_service' }));
    for (let i = 0; i < 2; i++) await issue.issue({ serviceId: 'ho-tich', channel: 'mobile', source: '10.1.1.2' }, null);
    for (let i = 0; i < 5; i++) await issue.issue({ serviceId: 'ho-tich', channel: 'kiosk', kioskId: 'kiosk-1' }, null);
    f.clock.now += 600_001;
    await issue.issue({ serviceId: 'ho-tich', channel: 'mobile', source: '10.1.1.1' }, null);
    await expect(issue.issue({ serviceId: 'ho-tich', channel: 'mobile', source: '10.1.1.1' }, null)).rejects.toThrow(
      expect.objectContaining({ code: 'too_many_tickets', message: expect.stringMatching(/^Máy này đã lấy đủ 3 số hôm nay/) }),
    );
  });

  it('a field that needs the citizen in person takes no number from a phone, and kiosks still issue there (issue 17.1)', async () => {
    const config = loadDemoConfig();
    config.services.find((s) => s.id === 'dat-dai')!.remoteQueue = false;
    f = await openQueue({ config });
    const { issue } = f.queue;
    await expect(issue.issue({ serviceId: 'dat-dai', channel: 'mobile', source: '127.0.0.2' }, null)).rejects.toMatchObject({ kind: 'forbidden', code: 'in_person_only' });
    await expect(issue.issue({ serviceId: 'dat-dai', channel: 'mobile' }, null)).rejects.toThrow(/Đất đai cần quý vị có mặt tại trung tâm/);
    expect((await issue.issue({ serviceId: 'dat-dai', channel: 'kiosk' }, null)).ticket.channel).toBe('kiosk');
    expect((await issue.issue({ serviceId: 'ho-tich', channel: 'mobile', source: '127.0.0.2' }, null)).ticket.channel).toBe('mobile');
    expect(f.told.filter((e) => e.event === 'ticket.issued')).toHaveLength(2);
  });

  it('without an ID parser a scan is refused as unavailable', async () => {
    f = await openQueue();
    await expect(f.queue.issue.issue({ serviceId: 'ho-tich', identityQr: 'raw' }, null)).rejects.toThrow(expect.objectContaining({ code: 'no_identity_parser' }));
  });

  it('issueSoon makes a turn’s tickets after it, in the order asked', async () => {
    f = await openQueue();
    const { issue, tickets } = f.queue;
    const asked = [issue.issueSoon({ serviceId: 'ho-tich' }, null), issue.issueSoon({ serviceId: 'ho-tich' }, null)];
    expect(tickets.list()).toHaveLength(0);
    const [a, b] = await Promise.all(asked);
    expect(b!.ticket.seq).toBe(a!.ticket.seq + 1);
  });
});
