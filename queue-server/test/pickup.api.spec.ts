// Result pickup (issue 16.3): a dossier the one-stop system says is ready gets a
// "Nhận kết quả" number in the centre's returns lane. The server checks the code's
// format and, through the dossier source, that it is ready; the counter's console
// sees the code on the waiting list and on the current ticket; the finish of a pickup
// records the result returned with that code; the hall sees only the number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { DEMO_DOSSIER_CODES } from '../src/services/dossier.service.ts';
import { startTestServer, type TestServer } from './harness.ts';
import type { ApiClient } from '../../tests/support/api.ts';

type Err = { error: { code: string; message: string } };
type StaffTicket = { id: string; number: string; serviceId: string; dossierCode: string | null };
const READY = DEMO_DOSSIER_CODES[3];

let s: TestServer;
let kiosk: ApiClient;
let q3: ApiClient;

beforeAll(async () => {
  s = await startTestServer();
  kiosk = s.client({ authorization: 'Bearer demo-kiosk-1' });
  q3 = s.client();
  await q3.login('quay3', 'quay-3');
});
afterAll(() => s.close());

const pickup = (dossierCode?: string, serviceId = 'tra-ket-qua') =>
  kiosk.post<{ id: string; number: string } & Err>('/api/v1/tickets', { serviceId, ...(dossierCode !== undefined ? { dossierCode } : {}) });

describe('result pickup', () => {
  it('the centre names its returns lane in /center', async () => {
    const c = await s.client().get<{ services: { id: string; returns: boolean }[] }>('/api/v1/center');
    expect(c.body.services.filter((x) => x.returns).map((x) => x.id)).toEqual(['tra-ket-qua']);
    expect(c.body.services.find((x) => x.id === 'ho-tich')?.returns).toBe(false);
  });

  it('refuses, with a clear 4xx and nothing issued, a code that is missing, malformed, unknown or not ready, and a code on another field', async () => {
    const before = (await s.client().get<{ services: { serviceId: string; waiting: number }[] }>('/api/v1/queue')).body.services.find((x) => x.serviceId === 'tra-ket-qua')!.waiting;
    const cases: [string | undefined, string, number, string, RegExp][] = [
      [undefined, 'tra-ket-qua', 400, 'dossier_code_required', /^Số nhận kết quả cần mã hồ sơ \(dạng YYMMDD-XXNN-NNNN\).* \/ a result-pickup number needs/],
      ['12345', 'tra-ket-qua', 400, 'bad_dossier_code', /261120-HT01-0007/],
      ['261120-HT01-9999', 'tra-ket-qua', 404, 'not_found', /^Không tìm thấy hồ sơ 261120-HT01-9999/],
      [DEMO_DOSSIER_CODES[1], 'tra-ket-qua', 409, 'dossier_not_ready', /^Hồ sơ 261102-CT02-0002 chưa có kết quả để nhận.* \/ dossier 261102-CT02-0002 has no result/],
      [DEMO_DOSSIER_CODES[4], 'tra-ket-qua', 409, 'dossier_not_ready', /chưa có kết quả/],
      [READY, 'ho-tich', 400, 'dossier_code_not_expected', /^Chỉ ghi mã hồ sơ khi lấy số nhận kết quả/],
    ];
    for (const [code, service, status, errCode, message] of cases) {
      const r = await pickup(code, service);
      expect([code, r.status, r.body.error?.code]).toEqual([code, status, errCode]);
      expect(r.body.error.message).toMatch(message);
    }
    const after = (await s.client().get<{ services: { serviceId: string; waiting: number }[] }>('/api/v1/queue')).body.services.find((x) => x.serviceId === 'tra-ket-qua')!.waiting;
    expect(after).toBe(before);
  });

  it('a ready dossier gets a number with its code normalised; the console sees the code, the hall and the public ticket do not; the finish records the result with it', async () => {
    const hall = io(s.url, { transports: ['websocket'] });
    const issuedOnHall: unknown[] = [];
    hall.on('ticket.issued', (m) => issuedOnHall.push(m));
    await new Promise<void>((r) => hall.on('state', () => r()));

    const r = await pickup(` ${READY.toLowerCase()} `);
    expect(r.status).toBe(201);
    expect(r.body.number).toMatch(/^9/);
    // the waiting list of the counter that serves the lane shows the code, so the result can be fetched first
    const queue = await q3.get<{ waiting: StaffTicket[] }>('/api/v1/counters/quay-3/queue');
    expect(queue.body.waiting.find((t) => t.id === r.body.id)?.dossierCode).toBe(READY);
    // nowhere public
    const pub = await s.client().get<Record<string, unknown>>(`/api/v1/tickets/${r.body.id}`);
    expect(JSON.stringify(pub.body)).not.toContain(READY);
    expect(JSON.stringify(r.body)).not.toContain(READY);
    await new Promise((res) => setTimeout(res, 300));
    expect(issuedOnHall.length).toBeGreaterThan(0);
    expect(JSON.stringify(issuedOnHall)).not.toContain(READY);
    hall.close();

    const called = await q3.post<{ ticket: StaffTicket }>('/api/v1/counters/quay-3/call-next');
    expect(called.body.ticket.id).toBe(r.body.id);
    const cur = await q3.get<{ current: StaffTicket | null }>('/api/v1/counters/quay-3/queue');
    expect(cur.body.current?.dossierCode).toBe(READY);

    // no body: a pickup's finish is the result returned, with its code
    expect((await q3.post('/api/v1/counters/quay-3/current/finish')).status).toBe(200);
    const events = await s.ctx.store.reads.visitEvents('2000-01-01', '2999-12-31');
    expect(events.find((e) => e.type === 'issued' && e.ticketId === r.body.id)?.data).toMatchObject({ dossierCode: READY });
    expect(events.find((e) => e.type === 'finished' && e.ticketId === r.body.id)?.data).toEqual({ outcome: 'result', dossierCode: READY });
  });

  it('an official may still record another outcome for a pickup', async () => {
    const r = await pickup(READY);
    await q3.post('/api/v1/counters/quay-3/call-next');
    expect((await q3.post('/api/v1/counters/quay-3/current/finish', { outcome: 'other' })).status).toBe(200);
    const events = await s.ctx.store.reads.visitEvents('2000-01-01', '2999-12-31');
    expect(events.find((e) => e.type === 'finished' && e.ticketId === r.body.id)?.data).toEqual({ outcome: 'other' });
  });
});
