// A booking's reminders (issue 17.2): POST /bookings with `remind: true` (a mobile number, and the
// centre's SMS gateway — a local stub server here, speaking the gateway's JSON) is texted the day
// before and an hour before its time, once each; refused clearly without a mobile number or a
// gateway; the number in no log line and in no booking look-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';
import { startSmsGateway, type SmsGateway } from '../../tests/support/sms-gateway.ts';

type Err = { error: { code: string; message: string } };
type Booked = { code: string; remind: boolean; status: string };
const HOUR = 3600_000;
let clock = Date.parse('2026-11-24T08:00:00+07:00'); // a Tuesday
let gateway: SmsGateway;
let texts: SmsGateway['texts'] = [];
let s: TestServer;
let plain: TestServer;

beforeAll(async () => {
  gateway = await startSmsGateway();
  texts = gateway.texts;
  const url = gateway.url;
  s = await startTestServer({ now: () => clock, notify: { sms: { url, token: 't', timeoutMs: 2000, sender: 'UBNDTANAN' }, zalo: null, push: null, subject: 'mailto:a@b.c', timeoutMs: 2000 } });
  plain = await startTestServer({ now: () => clock });
});
afterAll(async () => {
  await s?.close();
  await plain?.close();
  await gateway?.close();
});

const body = { serviceId: 'ho-tich', date: '2026-11-25', time: '09:00', fullName: 'Lê Thị Ánh', phone: '0912 345 678' };

describe('booking reminders (issue 17.2)', () => {
  it('a booking that asked is texted the day before and an hour before, once each', async () => {
    await s.ctx.reminders.tick(); // the server's first round marks where its rounds start
    const r = await s.client().post<Booked>('/api/v1/bookings', { ...body, remind: true });
    expect(r.status).toBe(201);
    expect(r.body.remind).toBe(true);
    const other = await s.client().post<Booked>('/api/v1/bookings', body);
    expect(other.body.remind).toBe(false);
    expect(JSON.stringify((await s.client().get(`/api/v1/bookings/${r.body.code}`)).body)).not.toMatch(/0912|345 ?678/);

    clock += 2 * HOUR; // 10:00 Tuesday: a day before 09:00 Wednesday has passed
    expect(await s.ctx.reminders.tick()).toBe(1);
    expect(await s.ctx.reminders.tick()).toBe(0);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ to: '0912345678', brandName: 'UBNDTANAN' });
    expect(texts[0]!.text).toMatch(new RegExp(`^Nhắc lịch hẹn ${r.body.code}: Tư pháp – Hộ tịch lúc 09:00 ngày mai 25/11/2026`));

    clock = Date.parse('2026-11-25T08:01:00+07:00');
    expect(await s.ctx.reminders.tick()).toBe(1);
    expect(texts.map((x) => x.text.split(':')[0])).toEqual([`Nhắc lịch hẹn ${r.body.code}`, `Còn 1 giờ đến lịch hẹn ${r.body.code}`]);
  });

  it('refused clearly, and nothing booked: no mobile number, or a centre with no SMS or Zalo', async () => {
    const land = await s.client().post<Err>('/api/v1/bookings', { ...body, time: '10:00', phone: '024 3825 1234', remind: true });
    expect([land.status, land.body.error.code]).toEqual([400, 'bad_phone']);
    const none = await plain.client().post<Err>('/api/v1/bookings', { ...body, time: '10:00', remind: true });
    expect([none.status, none.body.error.code]).toEqual([400, 'notify_unavailable']);
    expect(none.body.error.message).toMatch(/^Trung tâm chưa dùng cách báo tin này/);
    const slots = (await plain.client().get<{ slots: { time: string; free: number }[] }>('/api/v1/bookings/slots?serviceId=ho-tich&date=2026-11-25')).body.slots;
    const ten = slots.find((x) => x.time === '10:00')!;
    expect(ten.free).toBeGreaterThan(0);
    expect((await plain.client().post<Booked>('/api/v1/bookings', { ...body, time: '10:00' })).status).toBe(201);
    expect((await plain.client().get<{ slots: { time: string; free: number }[] }>('/api/v1/bookings/slots?serviceId=ho-tich&date=2026-11-25')).body.slots.find((x) => x.time === '10:00')!.free).toBe(ten.free - 1);
  });
});
