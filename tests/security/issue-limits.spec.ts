// Issue 14, point 2: taking a number. The `kiosk` channel needs a kiosk's
// device token; a number without one is a `mobile` number, limited per source
// address (5 in 10 minutes, 20 a day) with a 429 in the contract's shape; a
// priority group only claimed is marked self-declared for the official.
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../queue-server/test/harness.ts';
import { DEFAULT_ISSUE_LIMITS } from '../../queue-server/src/services/issue-limit.ts';
import { issueFrom } from './from-address.ts';

interface Ticket {
  id: string;
  number: string;
  channel: string;
  priorityCategoryId: string | null;
}
interface Err {
  error: { code: string; message: string };
}
interface StaffTicket extends Ticket {
  priorityDeclared: 'scan' | 'staff' | 'self' | null;
}

// A fixed Monday morning, so the day's cap and the windows do not depend on when the test runs.
const clock = { now: Date.parse('2026-11-23T09:00:00+07:00') };
const server = await startTestServer({ issueLimits: DEFAULT_ISSUE_LIMITS, now: () => clock.now });
afterAll(() => server.close());
const KIOSK = { authorization: 'Bearer demo-kiosk-1' };
const cccd = (dob: string) => `079123456789|123456789|Nguyễn Văn An|${dob}|Nam|12 Lê Lợi|01012021`;

describe('POST /tickets: who may take a number, and how many', () => {
  it('the kiosk channel needs a kiosk’s device token; no other device issues', async () => {
    const anon = await issueFrom<Err>(server.url, '127.0.0.2', { serviceId: 'ho-tich', channel: 'kiosk' });
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe('kiosk_token_required');
    expect(anon.body.error.message).toMatch(/^Kiosk chưa được cài mã thiết bị/);
    for (const token of ['demo-board-1', 'demo-keypad-2']) {
      const r = await issueFrom<Err>(server.url, '127.0.0.2', { serviceId: 'ho-tich' }, { authorization: `Bearer ${token}` });
      expect(r.status, token).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    }
    const staff = server.client();
    await staff.login('quay2', 'quay-2');
    expect((await staff.post<Err>('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'kiosk' })).status).toBe(403);

    const kiosk = await issueFrom<Ticket>(server.url, '127.0.0.2', { serviceId: 'ho-tich', channel: 'kiosk' }, KIOSK);
    expect(kiosk.status).toBe(201);
    expect(kiosk.body.channel).toBe('kiosk');
    expect((await server.ctx.queue.tickets.get(kiosk.body.id)).kioskId).toBe('kiosk-1');
    // Without a token a number is a mobile one, and the body cannot name a kiosk.
    const phone = await issueFrom<Ticket>(server.url, '127.0.0.2', { serviceId: 'ho-tich', kioskId: 'kiosk-1' });
    expect(phone.status).toBe(201);
    expect(phone.body.channel).toBe('mobile');
    expect((await server.ctx.queue.tickets.get(phone.body.id)).kioskId).toBeNull();
  });

  it(`without a token: ${DEFAULT_ISSUE_LIMITS.perWindow} in 10 minutes per address, then 429 in the API's shape; a replay is free; other addresses and kiosks go on`, async () => {
    const addr = '127.0.0.3';
    const first = await issueFrom<Ticket>(server.url, addr, { serviceId: 'ho-tich' }, { 'idempotency-key': 'phone-3-1' });
    expect(first.status).toBe(201);
    for (let i = 1; i < DEFAULT_ISSUE_LIMITS.perWindow; i++) expect((await issueFrom(server.url, addr, { serviceId: 'ho-tich', channel: 'mobile' })).status).toBe(201);
    const refused = await issueFrom<Err>(server.url, addr, { serviceId: 'ho-tich' });
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
    expect(Object.keys(refused.body)).toEqual(['error']);
    expect(refused.body.error.code).toBe('too_many_tickets');
    expect(refused.body.error.message).toMatch(/^Máy này đã lấy nhiều số trong ít phút; mời thử lại sau 10 phút hoặc lấy số tại kiosk \/ too many/);
    // A retry of a ticket already taken is answered, not refused.
    const replay = await issueFrom<Ticket>(server.url, addr, { serviceId: 'ho-tich' }, { 'idempotency-key': 'phone-3-1' });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(first.body.id);
    expect((await issueFrom(server.url, '127.0.0.4', { serviceId: 'ho-tich' })).status).toBe(201);
    for (let i = 0; i < 10; i++) expect((await issueFrom(server.url, addr, { serviceId: 'ho-tich' }, KIOSK)).status).toBe(201);
  });

  it(`${DEFAULT_ISSUE_LIMITS.perDay} a day per address, whatever the pace; the next day again`, async () => {
    const addr = '127.0.0.5';
    const start = clock.now;
    let taken = 0;
    while (taken < DEFAULT_ISSUE_LIMITS.perDay) {
      for (let i = 0; i < DEFAULT_ISSUE_LIMITS.perWindow; i++, taken++) expect((await issueFrom(server.url, addr, { serviceId: 'chung-thuc' })).status).toBe(201);
      clock.now += DEFAULT_ISSUE_LIMITS.windowMs + 1000;
    }
    const refused = await issueFrom<Err>(server.url, addr, { serviceId: 'chung-thuc' });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/^Máy này đã lấy đủ 20 số hôm nay; mời lấy số tại kiosk/);
    clock.now = start + 24 * 3600_000;
    expect((await issueFrom(server.url, addr, { serviceId: 'chung-thuc' })).status).toBe(201);
  });

  it('a priority group claimed without a scan is marked self-declared in the staff views; a scan that shows the age is marked scan', async () => {
    const claimed = (await issueFrom<Ticket>(server.url, '127.0.0.6', { serviceId: 'dat-dai', priorityCategoryId: 'nguoi-cao-tuoi' })).body;
    const tapped = (await issueFrom<Ticket>(server.url, '127.0.0.6', { serviceId: 'dat-dai', priorityCategoryId: 'phu-nu-mang-thai' }, KIOSK)).body;
    const scanned = (await issueFrom<Ticket>(server.url, '127.0.0.6', { serviceId: 'dat-dai', identityQr: cccd('01011950') }, KIOSK)).body;
    const plain = (await issueFrom<Ticket>(server.url, '127.0.0.6', { serviceId: 'dat-dai' }, KIOSK)).body;
    expect(claimed.priorityCategoryId).toBe('nguoi-cao-tuoi');
    expect(scanned.priorityCategoryId).toBe('nguoi-cao-tuoi');
    const staff = server.client();
    await staff.login('quay4', 'quay-4');
    const q = await staff.get<{ waiting: StaffTicket[] }>('/api/v1/counters/quay-4/queue');
    const declared = (id: string) => q.body.waiting.find((t) => t.id === id)?.priorityDeclared;
    expect(declared(claimed.id)).toBe('self');
    expect(declared(tapped.id)).toBe('self');
    expect(declared(scanned.id)).toBe('scan');
    expect(declared(plain.id)).toBeNull();
  });
});
