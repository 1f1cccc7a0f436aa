// Booking a time, checking in near it, and dossier status — with a controlled clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';
import type { ApiClient } from '../../tests/support/api.ts';
import { DEMO_DOSSIER_CODES } from '../src/services/dossier.service.ts';

type Err = { error: { code: string; message: string } };
let clock = Date.parse('2026-11-24T08:00:00+07:00'); // a Tuesday
let s: TestServer;
let api: ApiClient;

beforeAll(async () => {
  s = await startTestServer({ now: () => clock, enforceHours: true });
  api = s.client();
});
afterAll(() => s.close());

describe('bookings', () => {
  it('offers half-hour slots within opening hours, none in the past', async () => {
    const r = await api.get<{ slots: { time: string; free: number }[] }>('/api/v1/bookings/slots?serviceId=dat-dai&date=2026-11-24');
    expect(r.status).toBe(200);
    const times = r.body.slots.map((x) => x.time);
    expect(times[0]).toBe('08:30');
    expect(times).toContain('13:30');
    expect(times).not.toContain('12:00');
    expect(times).not.toContain('17:00');
    // dat-dai is served at quầy 1 and quầy 4
    expect(r.body.slots[0]!.free).toBe(2);
    const sunday = await api.get<{ slots: unknown[] }>('/api/v1/bookings/slots?serviceId=dat-dai&date=2026-11-29');
    expect(sunday.body.slots).toEqual([]);
  });

  it('offers only days that still have a free time: not a Sunday, a holiday, or a day whose times are past', async () => {
    const days = async () => (await api.get<{ days: { date: string; free: number }[] }>('/api/v1/bookings/days?serviceId=dat-dai')).body.days.map((d) => d.date);
    const saved = clock;
    try {
      // Saturday 28 November at 11:10: its last time (11:00) has begun, Sunday is closed.
      clock = Date.parse('2026-11-28T11:10:00+07:00');
      expect(await days()).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
      // Saturday 28 November at 10:50: 11:00 is still ahead, so the day is offered.
      clock = Date.parse('2026-11-28T10:50:00+07:00');
      expect((await days())[0]).toBe('2026-11-28');
      // 31 December at 23:59: today is over and 1 January is a holiday of the demo centre.
      clock = Date.parse('2026-12-31T23:59:00+07:00');
      expect(await days()).toEqual(['2027-01-02', '2027-01-04', '2027-01-05', '2027-01-06']);
      const bad = await api.get<Err>('/api/v1/bookings/days?serviceId=nope');
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('unknown_service');
    } finally {
      clock = saved;
    }
  });

  it('books, refuses a full slot, and checks in only inside the window', async () => {
    const body = { serviceId: 'dat-dai', date: '2026-11-24', time: '10:00', fullName: 'Ngô Thị Mai', phone: '0905 123 456' };
    const a = await api.post<{ code: string; status: string; fullName: string }>('/api/v1/bookings', body);
    expect(a.status).toBe(201);
    expect(a.body.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(a.body.fullName).toBe('Ngô Thị Mai');
    await api.post('/api/v1/bookings', body);
    const full = await api.post<Err>('/api/v1/bookings', body);
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('slot_full');

    const early = await api.post<Err>(`/api/v1/bookings/${a.body.code}/check-in`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('too_early');
    expect(early.body.error.message).toContain('09:30');

    clock = Date.parse('2026-11-24T09:45:00+07:00');
    const t = await api.post<{ channel: string; number: string; status: string }>(`/api/v1/bookings/${a.body.code.toLowerCase()}/check-in`);
    expect(t.status).toBe(201);
    expect(t.body).toMatchObject({ channel: 'appointment', status: 'waiting' });
    const again = await api.post<Err>(`/api/v1/bookings/${a.body.code}/check-in`);
    expect(again.body.error.code).toBe('already_checked_in');
    expect((await api.get<{ status: string }>(`/api/v1/bookings/${a.body.code}`)).body.status).toBe('checked_in');

    const late = await api.post<{ code: string }>('/api/v1/bookings', { ...body, time: '13:30' });
    clock = Date.parse('2026-11-24T14:00:00+07:00');
    const tooLate = await api.post<Err>(`/api/v1/bookings/${late.body.code}/check-in`);
    expect(tooLate.body.error.code).toBe('too_late');
  });

  it.each([
    [{ serviceId: 'dat-dai', date: '2026-11-24', time: '12:00', fullName: 'A B', phone: '0905123456' }, 400, 'no_such_slot'],
    [{ serviceId: 'dat-dai', date: '2026-02-30', time: '10:00', fullName: 'A B', phone: '0905123456' }, 400, 'no_such_slot'],
    [{ serviceId: 'dat-dai', date: '2026-11-25', time: '10:00', fullName: 'A B', phone: 'abc' }, 400, 'bad_request'],
    [{ serviceId: 'nope', date: '2026-11-25', time: '10:00', fullName: 'A B', phone: '0905123456' }, 400, 'unknown_service'],
    [{ serviceId: 'dat-dai', date: '2026-11-25', time: '10:00', fullName: '   ', phone: '0905123456' }, 400, 'bad_request'],
  ])('bad booking %# → %i %s', async (body, status, code) => {
    const r = await api.post<Err>('/api/v1/bookings', body);
    expect(r.status).toBe(status);
    expect(r.body.error.code).toBe(code);
  });

  it('unknown booking code is 404', async () => {
    expect((await api.post<Err>('/api/v1/bookings/ZZZZZZ/check-in')).status).toBe(404);
  });
});

describe('dossier status', () => {
  it('shows the status of a demo dossier with initials only', async () => {
    const r = await api.get<{ status: string; statusText: string; applicantInitials: string; procedureName: string }>(`/api/v1/dossiers/${DEMO_DOSSIER_CODES[2]}`);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('supplement_needed');
    expect(r.body.statusText).toMatch(/^Cần bổ sung/);
    expect(r.body.applicantInitials).toBe('L. Q. D.');
    expect(r.body.procedureName.length).toBeGreaterThan(3);
    const lower = await api.get(`/api/v1/dossiers/${DEMO_DOSSIER_CODES[0].toLowerCase()}`);
    expect(lower.status).toBe(200);
  });
  it('a malformed code is 400 with an example; an unknown one 404', async () => {
    const bad = await api.get<Err>('/api/v1/dossiers/12345');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_dossier_code');
    expect(bad.body.error.message).toContain('261120-HT01-0007');
    const unknown = await api.get<Err>('/api/v1/dossiers/261120-HT01-9999');
    expect(unknown.status).toBe(404);
  });
});

describe('opening hours at the kiosk', () => {
  it('outside hours a ticket is refused with when it opens; the centre says so per field', async () => {
    clock = Date.parse('2026-11-24T12:15:00+07:00');
    const r = await api.post<Err>('/api/v1/tickets', { serviceId: 'ho-tich' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('closed');
    expect(r.body.error.message).toContain('13:30');
    const c = await api.get<{ services: { id: string; open: boolean; opensAt: string | null }[] }>('/api/v1/center');
    expect(c.body.services.find((x) => x.id === 'ho-tich')).toMatchObject({ open: false, opensAt: '2026-11-24T13:30:00.000+07:00' });
    clock = Date.parse('2026-11-24T13:31:00+07:00');
    expect((await api.post('/api/v1/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
  });
});
