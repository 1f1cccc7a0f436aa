// The staffing planner over a real SQLite file holding weeks of history served
// on the real engine: a skewed commune (land at 35% of visits, 20 minutes each)
// is told plainly that the policy cannot fix its capacity gap; a light one that
// its counters suffice; a "what if" moves a counter; bad changes are refused.
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, type PolicySettings } from '../domain/index.ts';
import { SqlitePort } from '../store/index.ts';
import { PlannerService } from './planner.service.ts';
import { demoDemand, seedHistory } from './planner.fixture.ts';
import { openQueue, type QueueFixture } from './queue.fixture.ts';

let f: QueueFixture;
afterEach(() => f?.close());

/** Sunday 2026-11-29, 10:00 in Vietnam: the plan is for Monday the 30th. */
const SUNDAY = Date.parse('2026-11-29T10:00:00+07:00');
const WEEKDAYS = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];

async function plannerWith(history: { perDay: number; landShare: number; landMin: number } | null) {
  f = await openQueue();
  const config = f.queue.centre.config;
  const policy: PolicySettings = f.queue.centre.policy;
  const port = new SqlitePort(f.store);
  if (history) expect(await seedHistory(port, config, policy, WEEKDAYS, demoDemand(config, history))).toBeGreaterThan(history.perDay * 8);
  return new PlannerService(config, port.reads, () => policy, () => SUNDAY);
}

describe('PlannerService', () => {
  it('a skewed centre: land needs more counters than serve it, and the planner says the policy cannot fix a capacity gap', async () => {
    const planner = await plannerWith({ perDay: 150, landShare: 0.35, landMin: 20 });
    const plan = await planner.plan(undefined);
    expect(plan.date).toBe('2026-11-30');
    expect(plan.history).toEqual({ from: '2026-11-02', to: '2026-11-29', days: 10 });
    expect(plan.hours).toEqual([7, 8, 9, 10, 11, 13, 14, 15, 16]);
    const land = plan.fields.find((x) => x.serviceId === 'dat-dai')!;
    // The measured service, not the configured typical time, drives the simulation.
    expect(land.serviceMeasured).toBe(true);
    expect(land.serviceMin).toBeGreaterThan(16);
    expect(land.serviceMin).toBeLessThan(24);
    const peak = land.hours.find((h) => h.hour === 9)!;
    expect(peak.configured).toBe(2); // quay-1 and quay-4
    expect(peak.needed).toBeGreaterThan(peak.configured);
    expect(peak.erlang).toBeGreaterThan(peak.configured);
    expect(land.withinPct!).toBeLessThan(80);
    const gap = plan.findings.find((x) => x.code === 'field_gap');
    expect(gap).toMatchObject({ serviceId: 'dat-dai', have: 2 });
    expect(gap!.message).toMatch(/^Đất đai: lúc .* cần \d+ quầy, chỉ 2 quầy phục vụ lĩnh vực này\. Chính sách gọi số không bù được thiếu hụt năng lực/);
    const capacity = plan.findings.find((x) => x.code === 'capacity_gap');
    expect(capacity).toMatchObject({ have: 6 });
    expect(capacity!.message).toContain('Chính sách gọi số không bù được thiếu hụt năng lực');
    expect(plan.totals.find((t) => t.hour === 9)!.needed).toBeGreaterThan(6);
    expect(plan.findings.some((x) => x.code === 'below_level')).toBe(true);
    // One date, one plan: the same citizens each time it is asked.
    expect(await planner.plan('2026-11-30')).toEqual(plan);
  });

  it('a light centre: no gap, the counters as configured suffice', async () => {
    const planner = await plannerWith({ perDay: 90, landShare: 0.1, landMin: 12 });
    const plan = await planner.plan('2026-11-30');
    expect(plan.findings.map((x) => x.code)).toEqual(['meets']);
    expect(plan.withinPct!).toBeGreaterThanOrEqual(95);
    for (const field of plan.fields) for (const h of field.hours) expect(h.needed, `${field.serviceId} ${h.hour}`).toBeLessThanOrEqual(h.configured);
    for (const t of plan.totals) expect(t.needed).toBeLessThanOrEqual(t.neededByField);
  });

  it('what if: a counter moved to land serves it in the simulation, and the centre keeps its counters', async () => {
    const planner = await plannerWith({ perDay: 150, landShare: 0.35, landMin: 20 });
    const before = await planner.plan('2026-11-30');
    const after = await planner.plan('2026-11-30', [{ counterId: 'quay-2', serviceIds: ['dat-dai'] }]);
    const land = (p: typeof before) => p.fields.find((x) => x.serviceId === 'dat-dai')!;
    expect(after.changes).toEqual([{ counterId: 'quay-2', serviceIds: ['dat-dai'] }]);
    expect(land(after).hours[0]!.configured).toBe(3);
    expect(land(after).withinPct!).toBeGreaterThan(land(before).withinPct!);
    // Its old field lost it: ho-tich is now served by quay-1 and quay-3 only.
    expect(after.fields.find((x) => x.serviceId === 'ho-tich')!.hours[0]!.configured).toBe(2);
    // The needs come from the demand, not from the counters.
    expect(land(after).hours.map((h) => h.needed)).toEqual(land(before).hours.map((h) => h.needed));
    expect(f.queue.centre.config.counters.find((c) => c.id === 'quay-2')!.serviceIds).toEqual(['ho-tich']);
  });

  it('refuses an unknown counter or field and a counter named twice; says so without history or on a closed day', async () => {
    const planner = await plannerWith(null);
    await expect(planner.plan('2026-11-30', [{ counterId: 'quay-9', serviceIds: ['dat-dai'] }])).rejects.toMatchObject({ code: 'unknown_counter', message: expect.stringMatching(/^Không có quầy "quay-9"/) });
    await expect(planner.plan('2026-11-30', [{ counterId: 'quay-2', serviceIds: ['nope'] }])).rejects.toMatchObject({ code: 'unknown_service' });
    const twice = [{ counterId: 'quay-2', serviceIds: ['dat-dai'] }, { counterId: 'quay-2', serviceIds: ['ho-tich'] }];
    await expect(planner.plan('2026-11-30', twice)).rejects.toMatchObject({ code: 'planner_counter_twice', message: expect.stringContaining('hai lần') });
    const empty = await planner.plan('2026-11-30');
    expect(empty.findings).toEqual([{ code: 'no_history', message: expect.stringMatching(/^Sổ sự kiện chưa có lượt đến nào/) }]);
    expect(empty.history.days).toBe(0);
    expect((await planner.plan(addDays('2026-11-30', 6))).findings.map((x) => x.code)).toEqual(['closed_day']);
  });

  it('lets the event loop run between its simulated days', async () => {
    const planner = await plannerWith({ perDay: 150, landShare: 0.35, landMin: 20 });
    let turns = 0;
    let done = false;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    await planner.plan('2026-11-30');
    done = true;
    expect(turns).toBeGreaterThan(10);
  });
});
