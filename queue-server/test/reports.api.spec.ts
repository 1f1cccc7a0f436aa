// Report figures from a seeded day of events equal figures computed by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { startTestServer, type TestServer } from './harness.ts';
import { ApiClient } from '../../tests/support/api.ts';

let clock = 0;
const at = (hhmm: string, day = '2026-11-16') => (clock = Date.parse(`${day}T${hhmm}:00+07:00`));
let s: TestServer;
let mgr: ApiClient;

type Row = { key: string; name: string; issued: number; served: number; noShow: number; avgWaitSeconds: number; p90WaitSeconds: number; withinTargetPct: number; avgServiceSeconds: number; withinServiceTargetPct: number; ratings: number; satisfactionPct: number; dossiersPerYear: number };
type Report = { period: { from: string; to: string; label: string; days: number }; rows: { center: Row[]; byService: Row[]; byCounter: Row[]; byStaff: Row[] } };

beforeAll(async () => {
  at('07:00');
  s = await startTestServer({ now: () => clock });
  const anon = s.client();
  const q2 = s.client();
  await q2.login('quay2', 'quay-2');
  const q4 = s.client();
  await q4.login('quay4', 'quay-4');

  at('08:00');
  const a = (await anon.post<{ id: string; statusUrl: string }>('/api/v1/tickets', { serviceId: 'ho-tich' })).body;
  const b = (await anon.post<{ id: string; statusUrl: string }>('/api/v1/tickets', { serviceId: 'ho-tich' })).body;
  /** The slip's rating key, as its QR carries it. */
  const k = (t: { statusUrl: string }) => new URL(t.statusUrl).searchParams.get('k');
  at('08:05');
  await q2.post('/api/v1/counters/quay-2/call-next'); // A waited 5
  at('08:10');
  await anon.post('/api/v1/tickets', { serviceId: 'dat-dai' }); // C
  await anon.post('/api/v1/tickets', { serviceId: 'dat-dai' }); // D
  at('08:15');
  await q2.post('/api/v1/counters/quay-2/call-next'); // finishes A (service 10), calls B (waited 15)
  await anon.post(`/api/v1/tickets/${a.id}/rating`, { score: 4, k: k(a) });
  at('08:30');
  await q4.post('/api/v1/counters/quay-4/call-next'); // C waited 20
  at('08:35');
  await q4.post('/api/v1/counters/quay-4/current/no-show');
  at('08:36');
  await q4.post('/api/v1/counters/quay-4/call-next'); // D waited 26
  at('08:40');
  await q2.post('/api/v1/counters/quay-2/current/finish'); // B service 25
  await anon.post(`/api/v1/tickets/${b.id}/rating`, { score: 2, k: k(b) });
  at('09:20');
  await q4.post('/api/v1/counters/quay-4/current/finish'); // D service 44
  // A visit on the 21st belongs to the next An Giang month.
  at('08:00', '2026-11-21');
  await anon.post('/api/v1/tickets', { serviceId: 'ho-tich' });
  // Sessions last 12 hours of the (controlled) clock: sign in on the day the report is read.
  mgr = s.client();
  await mgr.login('quanly');
});
afterAll(() => s.close());

describe('reports', () => {
  it('the month of 16 Nov runs 21 Oct – 20 Nov and its figures match the hand count', async () => {
    const r = await mgr.get<Report>('/api/v1/reports?period=month&date=2026-11-16');
    expect(r.status).toBe(200);
    expect(r.body.period).toMatchObject({ from: '2026-10-21', to: '2026-11-20', label: 'Tháng 11/2026', days: 31 });
    const c = r.body.rows.center[0]!;
    // served visit waits 5, 15, 26 min; services 10, 25, 44 min; ratings 4 and 2
    expect(c).toMatchObject({
      issued: 4,
      served: 3,
      noShow: 1,
      avgWaitSeconds: Math.round(((5 + 15 + 26) / 3) * 60),
      p90WaitSeconds: 26 * 60,
      withinTargetPct: 66.7,
      avgServiceSeconds: Math.round(((10 + 25 + 44) / 3) * 60),
      withinServiceTargetPct: 66.7,
      ratings: 2,
      satisfactionPct: 50,
      dossiersPerYear: Math.round((3 * 365) / 31),
    });
    const staff = Object.fromEntries(r.body.rows.byStaff.map((x) => [x.key, x]));
    expect(staff.quay2).toMatchObject({ name: 'Trần Văn Minh', served: 2, avgWaitSeconds: 600, avgServiceSeconds: Math.round(17.5 * 60), satisfactionPct: 50 });
    expect(staff.quay4).toMatchObject({ served: 1, noShow: 1, avgWaitSeconds: 26 * 60, withinServiceTargetPct: 0 });
    const fields = Object.fromEntries(r.body.rows.byService.map((x) => [x.key, x]));
    expect(fields['ho-tich']).toMatchObject({ name: 'Tư pháp – Hộ tịch', issued: 2, served: 2 });
    expect(fields['dat-dai']).toMatchObject({ issued: 2, served: 1, noShow: 1 });
    expect(r.body.rows.byCounter.find((x) => x.key === 'quay-2')?.name).toMatch(/^Quầy 2/);
  });

  it('a range includes the 21st; the next month holds only it', async () => {
    const range = await mgr.get<Report>('/api/v1/reports?period=range&from=2026-11-16&to=2026-11-21');
    expect(range.body.rows.center[0]!.issued).toBe(5);
    const dec = await mgr.get<Report>('/api/v1/reports?period=month&date=2026-11-21');
    expect(dec.body.period.label).toBe('Tháng 12/2026');
    expect(dec.body.rows.center[0]!.issued).toBe(1);
    const quarter = await mgr.get<Report>('/api/v1/reports?period=quarter&date=2026-11-16');
    expect(quarter.body.period.label).toBe('Quý IV/2026');
    expect(quarter.body.rows.center[0]!.issued).toBe(5);
  });

  it('CSV keeps Vietnamese (BOM) and carries the same figures; XLSX has one sheet per section', async () => {
    const csv = await mgr.get<string>('/api/v1/reports?period=month&date=2026-11-16&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body.startsWith('Bộ phận') || csv.body.startsWith('"Bộ phận')).toBe(true);
    const centerLine = csv.body.split('\r\n').find((l) => l.startsWith('"Toàn trung tâm","ubnd'))!;
    // issued, served, no-show, avg wait 15.3 min, p90 26 min, 66.7 %
    expect(centerLine).toContain(',4,3,1,15.3,26,66.7,');
    expect(csv.body).toContain('"Trần Văn Minh"');

    const res = await fetch(`${s.url}/api/v1/reports?period=month&date=2026-11-16&format=xlsx`, { headers: { cookie: `sid=${mgr.cookie('sid')}` } });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toContain('name="Toàn trung tâm"');
    expect(workbook).toContain('name="Theo cán bộ"');
    const staffSheet = strFromU8(files['xl/worksheets/sheet4.xml']!);
    expect(staffSheet).toContain('Trần Văn Minh');
  });

  it('only managers; bad periods are 400', async () => {
    expect((await s.client().get('/api/v1/reports')).status).toBe(401);
    const staff = s.client();
    await staff.login('quay3', 'quay-3');
    expect((await staff.get('/api/v1/reports')).status).toBe(403);
    expect((await mgr.get('/api/v1/reports?period=range&from=2026-11-01')).status).toBe(400);
    expect((await mgr.get('/api/v1/reports?period=week')).status).toBe(400);
    expect((await mgr.get('/api/v1/reports?date=2026-02-31')).status).toBe(400);
  });
});
