// Issuing that knows the closing time (issue 17.3), through the HTTP API on an injected clock:
// Tuesday 2026-11-24, the demo centre closing at 17:00, hours enforced, "Đất đai" (20 minutes a
// visit) served by the official of quầy 4 alone. GET /queue says per field how many waiting
// numbers the estimate puts past closing and what a new number would meet; the issue answer
// and the public ticket view carry beyondClosing.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

type Ticket = { id: string; status: string; estimatedWaitMinutes: number | null; beyondClosing: boolean; closesAt: string | null };
type Field = { serviceId: string; waiting: number; estimatedWaitMinutes: number | null; mayNotBeServedToday: number; closesAt: string | null; newTicketServedAt: string | null; beyondClosing: boolean };
type QueueView = { services: Field[] };

const at = (hhmm: string) => Date.parse(`2026-11-24T${hhmm}:00+07:00`);
const MIN = 60_000;

let s: TestServer;
afterEach(() => s?.close());

async function datDai(): Promise<Field> {
  const q = await s.client().get<QueueView>('/api/v1/queue');
  expect(q.status).toBe(200);
  return q.body.services.find((f) => f.serviceId === 'dat-dai')!;
}

describe('the closing time through the API (issue 17.3)', () => {
  it('numbers past closing are counted and said, and the answer says so of the one issued', async () => {
    let now = at('15:59');
    s = await startTestServer({ now: () => now, enforceHours: true });
    const kiosk = s.client({ authorization: 'Bearer demo-kiosk-1' });
    await s.client().login('quay4', 'quay-4');
    const issued: Ticket[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await kiosk.post<Ticket>('/api/v1/tickets', { serviceId: 'dat-dai' });
      expect(r.status).toBe(201);
      issued.push(r.body);
      now += 10;
    }
    // The last visit can start at 16:40. Each was told at issue, from those come before it in the last
    // hour (issue 18.3, one more expected as often): called about 15:59, 16:19, 16:59 (a newcomer near
    // its target goes before it, past its own) and 17:19.
    expect(issued.map((t) => t.estimatedWaitMinutes)).toEqual([0, 20, 60, 80]);
    expect(issued.map((t) => t.beyondClosing)).toEqual([false, false, true, true]);
    expect(issued[3]!.closesAt).toBe('2026-11-24T17:00:00.000+07:00');
    const f = await datDai();
    // Now all four are known: four an hour, and the second too is expected to be passed (about 16:39, still before the line).
    expect(f).toMatchObject({ waiting: 4, mayNotBeServedToday: 2, beyondClosing: true, closesAt: '2026-11-24T17:00:00.000+07:00' });
    expect(f.estimatedWaitMinutes).toBeGreaterThanOrEqual(80);
    expect(Date.parse(f.newTicketServedAt!)).toBe(now + f.estimatedWaitMinutes! * MIN);
    // The phone's view of the ticket says the same.
    const phone = await s.client().get<Ticket>(`/api/v1/tickets/${issued[3]!.id}`);
    expect(phone.body).toMatchObject({ beyondClosing: true, closesAt: '2026-11-24T17:00:00.000+07:00' });
    expect((await s.client().get<Ticket>(`/api/v1/tickets/${issued[0]!.id}`)).body.beyondClosing).toBe(false);
    // Other fields with no one waiting and no official: nothing to say.
    const q = await s.client().get<QueueView>('/api/v1/queue');
    expect(q.body.services.find((x) => x.serviceId === 'ho-tich')).toMatchObject({ mayNotBeServedToday: 0, beyondClosing: false, newTicketServedAt: null });
  });

  it('a number beyond closing is still issued when asked for (the warning is the kiosk’s question, not a refusal)', async () => {
    let now = at('16:45');
    s = await startTestServer({ now: () => now, enforceHours: true });
    await s.client().login('quay4', 'quay-4');
    expect((await datDai()).beyondClosing).toBe(true);
    const r = await s.client({ authorization: 'Bearer demo-kiosk-1' }).post<Ticket>('/api/v1/tickets', { serviceId: 'dat-dai' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'waiting', beyondClosing: true });
    now += MIN;
    expect((await datDai()).mayNotBeServedToday).toBe(1);
  });

  it('the fixed daily cap stays a hard limit', async () => {
    const now = at('09:00');
    const { loadDemoConfig } = await import('@mot-cua/config');
    const config = loadDemoConfig();
    config.services.find((x) => x.id === 'dat-dai')!.dailyCapacity = 1;
    s = await startTestServer({ now: () => now, enforceHours: true, config });
    const kiosk = s.client({ authorization: 'Bearer demo-kiosk-1' });
    expect((await kiosk.post<Ticket>('/api/v1/tickets', { serviceId: 'dat-dai' })).body.beyondClosing).toBe(false);
    const refused = await kiosk.post<{ error: { code: string } }>('/api/v1/tickets', { serviceId: 'dat-dai' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('capacity_reached');
  });
});
