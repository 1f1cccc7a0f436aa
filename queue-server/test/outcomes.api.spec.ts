// What a visit achieved (issue 16.1): the official's finish records an outcome —
// dossier received, guidance only, result returned, other — with the dossier's code;
// the keypad's finish and call-next record the counter's default; the reports count
// dossiers, dossiers per staff-year, reception minutes per dossier and the
// guidance-only share per procedure, from the events alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { loadDemoConfig } from '@mot-cua/config';
import { startTestServer, type TestServer } from './harness.ts';
import type { ApiClient } from '../../tests/support/api.ts';

let clock = 0;
const at = (hhmm: string, day = '2026-11-16') => (clock = Date.parse(`${day}T${hhmm}:00+07:00`));
let s: TestServer;
let q2: ApiClient;
let q4: ApiClient;
let kiosk: ApiClient;

type Row = { key: string; served: number; dossiersReceived: number; dossiersPerStaffYear: number | null; minutesPerDossier: number | null; guidanceOnlyPct: number | null; dossiersPerYear: number };
type Report = {
  period: { days: number };
  targets: { dossiersPerStaffYear: number };
  rows: { center: Row[]; byService: Row[]; byCounter: Row[]; byStaff: Row[] };
  procedures: { key: string; name: string; withOutcome: number; dossiersReceived: number; guidanceOnly: number; guidanceOnlyPct: number | null }[];
};
type Finished = { at: number; type: string; ticketId: string; data: Record<string, unknown> };

const issue = async (serviceId: string, procedureCode?: string) =>
  (await kiosk.post<{ id: string; number: string }>('/api/v1/tickets', { serviceId, channel: 'kiosk', ...(procedureCode ? { procedureCode } : {}) })).body;

/** The `finished` events of the log, as the reports read them. */
async function finishedEvents(): Promise<Finished[]> {
  const events = await s.ctx.store.reads.visitEvents('2026-11-16', '2026-11-16');
  return events.filter((e) => e.type === 'finished').map((e) => ({ at: e.at, type: e.type, ticketId: e.ticketId, data: e.data }));
}

beforeAll(async () => {
  at('07:00');
  const config = loadDemoConfig();
  // quay-4 hands results back: its keypad's finish records a result returned
  config.counters.find((c) => c.id === 'quay-4')!.defaultOutcome = 'result';
  s = await startTestServer({ now: () => clock, config });
  q2 = s.client();
  await q2.login('quay2', 'quay-2');
  q4 = s.client();
  await q4.login('quay4', 'quay-4');
  kiosk = s.client({ authorization: 'Bearer demo-kiosk-1' });
});
afterAll(() => s.close());

describe('the outcome of a visit', () => {
  it('a finish records what the official picked, with the dossier code normalised; no body records the counter’s default', async () => {
    at('08:00');
    const a = await issue('ho-tich', '1.001193');
    const b = await issue('ho-tich', '1.001193');
    const c = await issue('ho-tich');
    at('08:02');
    await q2.post('/api/v1/counters/quay-2/call-next');
    at('08:12'); // A served 10 minutes: a dossier received, the code scanned with a stray space and lower case
    expect((await q2.post(`/api/v1/tickets/${a.id}/finish`, { outcome: 'received', dossierCode: ' 261116-ht01-0042' })).status).toBe(200);
    await q2.post('/api/v1/counters/quay-2/call-next');
    at('08:15'); // B: guidance only, sent home for a paper
    expect((await q2.post('/api/v1/counters/quay-2/current/finish', { outcome: 'guidance' })).status).toBe(200);
    await q2.post('/api/v1/counters/quay-2/call-next');
    at('08:35'); // C: no body — the centre's default (received), with no code; 20 minutes of reception
    expect((await q2.req('POST', '/api/v1/counters/quay-2/current/finish')).status).toBe(200);

    const byTicket = new Map((await finishedEvents()).map((e) => [e.ticketId, e.data]));
    expect(byTicket.get(a.id)).toEqual({ outcome: 'received', dossierCode: '261116-HT01-0042' });
    expect(byTicket.get(b.id)).toEqual({ outcome: 'guidance' });
    expect(byTicket.get(c.id)).toEqual({ outcome: 'received' });
  });

  it('the keypad’s finish and call-next record the counter’s own default', async () => {
    at('09:00');
    const d = await issue('dat-dai');
    const e = await issue('dat-dai');
    const keypad = s.client({ authorization: 'Bearer demo-keypad-4' });
    await keypad.post('/api/v1/counters/quay-4/call-next');
    at('09:05');
    expect((await keypad.post('/api/v1/counters/quay-4/call-next')).status).toBe(200); // finishes D, calls E
    at('09:06');
    expect((await keypad.req('POST', '/api/v1/counters/quay-4/current/finish')).status).toBe(200);
    const byTicket = new Map((await finishedEvents()).map((x) => [x.ticketId, x.data]));
    expect([byTicket.get(d.id), byTicket.get(e.id)]).toEqual([{ outcome: 'result' }, { outcome: 'result' }]);
  });

  it('refuses a malformed code with its format, a code with guidance, an unknown outcome — and keeps the ticket open', async () => {
    at('10:00');
    const t = await issue('ho-tich');
    await q2.post('/api/v1/counters/quay-2/call-next');
    const bad = await q2.post<{ error: { code: string; message: string } }>(`/api/v1/tickets/${t.id}/finish`, { outcome: 'received', dossierCode: '2611-HT01' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'bad_dossier_code', message: expect.stringMatching(/^Mã hồ sơ phải có dạng YYMMDD-XXNN-NNNN.* \/ a dossier code has the form YYMMDD-XXNN-NNNN/) });
    const guidance = await q2.post<{ error: { code: string } }>(`/api/v1/tickets/${t.id}/finish`, { outcome: 'guidance', dossierCode: '261116-HT01-0043' });
    expect([guidance.status, guidance.body.error.code]).toEqual([400, 'dossier_code_not_expected']);
    const unknown = await q2.post<{ error: { code: string } }>(`/api/v1/tickets/${t.id}/finish`, { outcome: 'done' });
    expect(unknown.status).toBe(400);
    const extra = await q2.post(`/api/v1/tickets/${t.id}/finish`, { outcome: 'other', note: 'x' });
    expect(extra.status).toBe(400);
    expect((await s.client().get<{ status: string }>(`/api/v1/tickets/${t.id}`)).body.status).toBe('called');
    expect((await q2.post(`/api/v1/tickets/${t.id}/finish`, { outcome: 'other' })).status).toBe(200);
  });
});

describe('the month report counts dossiers', () => {
  let report: Report;
  beforeAll(async () => {
    const mgr = s.client();
    await mgr.login('quanly');
    report = (await mgr.get<Report>('/api/v1/reports?period=month&date=2026-11-16')).body;
  });

  it('dossiers received, per staff-year against the target, reception minutes per dossier, guidance-only share', () => {
    const [centre] = report.rows.center;
    // received: A (10 min) and C (20 min) at quay-2; results and other are not dossiers received
    expect(centre).toMatchObject({ served: 6, dossiersReceived: 2, minutesPerDossier: 15, guidanceOnlyPct: round1((1 / 6) * 100) });
    const quay2 = report.rows.byStaff.find((r) => r.key === 'quay2')!;
    // one official: 2 dossiers in a 31-day month, scaled to 365 days
    expect(quay2).toMatchObject({ dossiersReceived: 2, dossiersPerStaffYear: Math.round((2 * 365) / report.period.days), minutesPerDossier: 15 });
    // the results counter: visits served, no dossier received
    const quay4 = report.rows.byCounter.find((r) => r.key === 'quay-4')!;
    expect(quay4).toMatchObject({ served: 2, dossiersReceived: 0, dossiersPerStaffYear: 0, minutesPerDossier: null, guidanceOnlyPct: 0 });
    // two officials finished visits in the centre: its per-staff figure divides by them
    expect(centre!.dossiersPerStaffYear).toBe(Math.round(Math.round((2 * 365) / report.period.days) / 2));
    expect(report.targets.dossiersPerStaffYear).toBeGreaterThan(0);
  });

  it('per procedure: the one that sends people home comes first', () => {
    expect(report.procedures[0]).toMatchObject({ key: '1.001193', name: 'Đăng ký khai sinh', withOutcome: 2, dossiersReceived: 1, guidanceOnly: 1, guidanceOnlyPct: 50 });
  });

  it('CSV and XLSX carry the new columns and the procedures section, with every diacritic', async () => {
    const mgr = s.client();
    await mgr.login('quanly');
    const csv = (await mgr.get<string>('/api/v1/reports?period=month&date=2026-11-16&format=csv')).body;
    for (const title of ['Hồ sơ tiếp nhận', 'Hồ sơ/cán bộ/năm (quy đổi)', 'Phút tiếp nhận/hồ sơ', 'Chỉ hướng dẫn (%)', 'Theo thủ tục', 'Đăng ký khai sinh']) expect(csv).toContain(title);
    const xlsx = await fetch(`${s.url}/api/v1/reports?period=month&date=2026-11-16&format=xlsx`, { headers: { cookie: `sid=${mgr.cookie('sid')}` } });
    const files = unzipSync(new Uint8Array(await xlsx.arrayBuffer()));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toContain('name="Theo thủ tục"');
    expect(strFromU8(files['xl/worksheets/sheet5.xml']!)).toContain('1.001193');
  });
});

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
