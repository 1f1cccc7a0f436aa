// Estimates that cannot contradict each other (issue 20.7) and their range
// (issue 18.3), through the HTTP API on an injected clock: only counters with an
// official signed in serve; a ticket issued later in a field and priority class
// never shows fewer people ahead than an earlier one, even when the default
// policy's triage calls it first; the range fields are on every ticket view.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

type Ticket = { id: string; serviceId: string; peopleAhead: number; estimatedWaitMinutes: number | null; estimatedWaitLowMinutes: number | null; estimatedWaitHighMinutes: number | null };
type Queue = { services: { serviceId: string; waiting: number; estimatedWaitMinutes: number | null; estimatedWaitLowMinutes: number | null; estimatedWaitHighMinutes: number | null }[] };

/** Monday 2026-11-23, 08:00 in Vietnam. */
const MONDAY_8AM = Date.parse('2026-11-23T08:00:00+07:00');
const MIN = 60_000;

let s: TestServer;
afterEach(() => s?.close());

describe('estimates through the API (issue 20.7, 18.3)', () => {
  it('a counter open with nobody signed in serves nobody: no estimate of minutes until an official signs in', async () => {
    let now = MONDAY_8AM;
    s = await startTestServer({ now: () => now });
    const kiosk = s.client({ authorization: 'Bearer demo-kiosk-1' });
    const issued = await kiosk.post<Ticket>('/api/v1/tickets', { serviceId: 'dat-dai' });
    expect(issued.status).toBe(201);
    // Every counter is open (none was ever set) but nobody is signed in.
    const before = await s.client().get<Queue>('/api/v1/queue');
    expect(before.body.services.find((x) => x.serviceId === 'dat-dai')).toMatchObject({ waiting: 1, estimatedWaitMinutes: null, estimatedWaitLowMinutes: null, estimatedWaitHighMinutes: null });
    expect((await s.client().get<Ticket>(`/api/v1/tickets/${issued.body.id}`)).body).toMatchObject({ peopleAhead: 0, estimatedWaitMinutes: null, estimatedWaitLowMinutes: null });
    // The official of quay-4 (Đất đai, Xây dựng) signs in: now the field has an estimate.
    await s.client().login('quay4', 'quay-4');
    now += 2000;
    const after = await s.client().get<Queue>('/api/v1/queue');
    expect(after.body.services.find((x) => x.serviceId === 'dat-dai')!.estimatedWaitMinutes).not.toBeNull();
    // …and a field none of whose counters has an official still has none (Hộ tịch: quay-1, 2, 3).
    expect(after.body.services.find((x) => x.serviceId === 'ho-tich')!.estimatedWaitMinutes).toBeNull();
    // The official signs out: quay-4 stays open, but nobody sits there, and the estimate goes again.
    const quay4 = s.client();
    await quay4.login('quay4', 'quay-4');
    expect((await quay4.post('/api/v1/auth/logout')).status).toBe(204);
    now += 2000;
    const gone = await s.client().get<Queue>('/api/v1/queue');
    expect(gone.body.services.find((x) => x.serviceId === 'dat-dai')!.estimatedWaitMinutes).toBeNull();
    const counters = await s.client().get<{ counters: { id: string; status: string; signedIn: boolean }[] }>('/api/v1/center');
    expect(counters.body.counters.find((c) => c.id === 'quay-4')).toMatchObject({ status: 'open', signedIn: false });
  });

  it('a ticket issued later never shows fewer people ahead than an earlier one of its field and class, though the triage calls it first', async () => {
    let now = MONDAY_8AM;
    s = await startTestServer({ now: () => now });
    const kiosk = s.client({ authorization: 'Bearer demo-kiosk-1' });
    await s.client().login('quay4', 'quay-4');
    const early = (await kiosk.post<Ticket>('/api/v1/tickets', { serviceId: 'dat-dai' })).body;
    now += 6 * MIN;
    const late = (await kiosk.post<Ticket>('/api/v1/tickets', { serviceId: 'dat-dai' })).body;
    // Ten minutes on: the first has waited 16 minutes (past the 15-minute target), the second 10
    // (within 5 minutes of it); the default policy calls the second first, so it can still make it.
    now += 10 * MIN;
    const anon = s.client();
    const e = (await anon.get<Ticket>(`/api/v1/tickets/${early.id}`)).body;
    const l = (await anon.get<Ticket>(`/api/v1/tickets/${late.id}`)).body;
    expect(e.peopleAhead).toBe(1);
    expect(l.peopleAhead).toBeGreaterThanOrEqual(e.peopleAhead);
    expect(l.estimatedWaitMinutes!).toBeGreaterThanOrEqual(e.estimatedWaitMinutes!);
    // A third taken now shows at least as many.
    const third = (await kiosk.post<Ticket>('/api/v1/tickets', { serviceId: 'dat-dai' })).body;
    expect(third.peopleAhead).toBeGreaterThanOrEqual(l.peopleAhead);
    // The views carry the range fields (null: one figure, nothing learned yet).
    expect(third).toHaveProperty('estimatedWaitLowMinutes', null);
    expect(third).toHaveProperty('estimatedWaitHighMinutes', null);
  });
});
