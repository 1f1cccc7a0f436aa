// The staffing planner's routes on the real server (issue 18.4), over an event
// log seeded with two weeks of a skewed centre (land at 35% of visits, 20
// minutes each) served on the real engine: managers only, the plan for
// tomorrow by default, a "what if" that changes nothing in the centre, and
// clear refusals of bad input. Runs on PostgreSQL too (TEST_STORE=postgres).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDemand, seedHistory } from '../src/services/planner.fixture.ts';
import { startTestServer, type TestServer } from './harness.ts';

type Err = { error: { code: string; message: string } };
type Plan = {
  date: string;
  history: { days: number };
  fields: { serviceId: string; withinPct: number; hours: { hour: number; needed: number; configured: number; erlang: number }[] }[];
  totals: { hour: number; needed: number; counters: number }[];
  findings: { code: string; serviceId?: string; message: string }[];
  changes: { counterId: string; serviceIds: string[] }[];
};

const SUNDAY = Date.parse('2026-11-29T10:00:00+07:00');
const DAYS = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
let s: TestServer;

beforeAll(async () => {
  s = await startTestServer({ now: () => SUNDAY });
  const config = s.ctx.centerConfig.current();
  await seedHistory(s.ctx.store, config, s.ctx.queue.centre.policy, DAYS, demoDemand(config, { perDay: 150, landShare: 0.35, landMin: 20 }));
});
afterAll(() => s?.close());

const as = async (username: string, counterId?: string) => {
  const c = s.client();
  expect((await c.post('/api/v1/auth/login', { username, password: 'demo', ...(counterId ? { counterId } : {}) })).status).toBe(200);
  return c;
};

describe('GET/POST /api/v1/manage/planner', () => {
  it("plans tomorrow from the log: land's gap said plainly, beside the configured counters and Erlang C", async () => {
    const manager = await as('quanly');
    const r = await manager.get<Plan>('/api/v1/manage/planner');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ date: '2026-11-30', history: { days: 10 }, changes: [] });
    const land = r.body.fields.find((f) => f.serviceId === 'dat-dai')!;
    const peak = land.hours.find((h) => h.hour === 9)!;
    expect(peak.configured).toBe(2);
    expect(peak.needed).toBeGreaterThan(2);
    expect(peak.erlang).toBeGreaterThan(2);
    expect(r.body.findings.find((f) => f.code === 'field_gap' && f.serviceId === 'dat-dai')!.message).toContain('Chính sách gọi số không bù được thiếu hụt năng lực');
    expect(r.body.findings.map((f) => f.code)).toContain('capacity_gap');
    // The plan carries no ticket nor citizen: only fields, hours and counts.
    expect(JSON.stringify(r.body)).not.toMatch(/2026-11-1\d-\d|ticketId|visitId/);
  });

  it('what if: quay-2 serves land — the simulated day changes, the centre does not', async () => {
    const manager = await as('quanly');
    const base = (await manager.get<Plan>('/api/v1/manage/planner?date=2026-11-30')).body;
    const r = await manager.post<Plan>('/api/v1/manage/planner', { date: '2026-11-30', changes: [{ counterId: 'quay-2', serviceIds: ['dat-dai'] }] });
    expect(r.status).toBe(200);
    const land = (p: Plan) => p.fields.find((f) => f.serviceId === 'dat-dai')!;
    expect(land(r.body).hours[0]!.configured).toBe(3);
    expect(land(r.body).withinPct).toBeGreaterThan(land(base).withinPct);
    expect(r.body.changes).toEqual([{ counterId: 'quay-2', serviceIds: ['dat-dai'] }]);
    const center = (await s.client().get<{ counters: { id: string; serviceIds: string[] }[] }>('/api/v1/center')).body;
    expect(center.counters.find((c) => c.id === 'quay-2')!.serviceIds).toEqual(['ho-tich']);
  });

  it('managers only; bad dates and changes answer 400 with the error shape, Vietnamese first', async () => {
    expect((await s.client().get<Err>('/api/v1/manage/planner')).status).toBe(401);
    const staff = await as('quay2', 'quay-2');
    expect((await staff.get<Err>('/api/v1/manage/planner')).status).toBe(403);
    const manager = await as('quanly');
    const feb = await manager.get<Err>('/api/v1/manage/planner?date=2026-02-31');
    expect(feb.status).toBe(400);
    expect(feb.body.error).toMatchObject({ code: 'bad_date', message: expect.stringMatching(/^Ngày 2026-02-31 không có thật/) });
    expect((await manager.get<Err>('/api/v1/manage/planner?date=tomorrow')).status).toBe(400);
    const unknown = await manager.post<Err>('/api/v1/manage/planner', { changes: [{ counterId: 'quay-9', serviceIds: ['dat-dai'] }] });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'unknown_counter']);
    const field = await manager.post<Err>('/api/v1/manage/planner', { changes: [{ counterId: 'quay-2', serviceIds: ['nope'] }] });
    expect([field.status, field.body.error.code]).toEqual([400, 'unknown_service']);
    const none = await manager.post<Err>('/api/v1/manage/planner', { changes: [{ counterId: 'quay-2', serviceIds: [] }] });
    expect(none.status).toBe(400);
    const twice = await manager.post<Err>('/api/v1/manage/planner', { changes: [{ counterId: 'quay-2', serviceIds: ['dat-dai'] }, { counterId: 'quay-2', serviceIds: ['ho-tich'] }] });
    expect([twice.status, twice.body.error.code]).toEqual([400, 'planner_counter_twice']);
  });
});
