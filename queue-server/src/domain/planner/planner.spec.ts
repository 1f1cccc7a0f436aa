// The planner's pure parts: the demand read from an event log, the rule that
// calls an hour short, the hours as spans, and a plan on a hand-made demand.
import { loadDemoConfig } from '@mot-cua/config';
import { describe, expect, it } from 'vitest';
import type { DomainEvent, EventType } from '../index.ts';
import { demandFrom, type FieldDemand } from './demand.ts';
import { hourSpans } from '@mot-cua/config/hours.ts';
import { planDay } from './planner.ts';
import { shortOf } from './search.ts';

const at = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+07:00`);
const ev = (type: EventType, ms: number, ticketId: string, serviceId: string, data: Record<string, unknown> = {}): DomainEvent => ({ at: ms, type, ticketId, visitId: ticketId, serviceId, counterId: null, actor: null, data });

describe('demandFrom', () => {
  it('averages first visits per hour over the working days, measures service from the last call, counts priority and no-shows', () => {
    const events: DomainEvent[] = [];
    for (const day of ['2026-11-23', '2026-11-24']) {
      for (let i = 0; i < 6; i++) {
        const id = `${day}-${i}`;
        events.push(ev('issued', at(day, '08:1' + i), id, 'ho-tich', { leg: 0, priorityCategoryId: i === 0 ? 'nguoi-cao-tuoi' : null }));
        events.push(ev('called', at(day, '08:20'), id, 'ho-tich'));
        events.push(ev('recalled', at(day, '08:21'), id, 'ho-tich'));
        events.push(ev('finished', at(day, '08:31'), id, 'ho-tich'));
      }
      events.push(ev('issued', at(day, '14:05'), `${day}-x`, 'dat-dai', { leg: 0 }));
      events.push(ev('no_show', at(day, '14:30'), `${day}-x`, 'dat-dai'));
      // A transfer's new leg is not a new arrival.
      events.push(ev('issued', at(day, '09:00'), `${day}-0b`, 'dat-dai', { leg: 1 }));
    }
    const d = demandFrom(events.reverse(), ['ho-tich', 'dat-dai', 'xay-dung']);
    expect(d.days).toEqual(['2026-11-23', '2026-11-24']);
    const [ht, dd, xd] = d.fields;
    expect(ht).toEqual({ serviceId: 'ho-tich', perHour: { 8: 6 }, serviceMin: 10, serviceCv: 0, priorityShare: 1 / 6, noShowShare: 0 });
    expect(dd).toMatchObject({ perHour: { 14: 1 }, serviceMin: null, serviceCv: null, noShowShare: 1 });
    expect(xd).toMatchObject({ perHour: {}, serviceMin: null, priorityShare: 0 });
  });
});

describe('shortOf and hourSpans', () => {
  it('calls an hour short only beyond the chance of a few simulated days', () => {
    expect(shortOf({ n: 20, within: 18 }, 0.95)).toBe(false);
    expect(shortOf({ n: 20, within: 17 }, 0.95)).toBe(true);
    expect(shortOf({ n: 500, within: 470 }, 0.95)).toBe(false);
    expect(shortOf({ n: 500, within: 460 }, 0.95)).toBe(true);
    expect(shortOf({ n: 0, within: 0 }, 0.95)).toBe(false);
  });
  it('words hours as spans (the one function of config/hours.ts, which the findings use)', () => {
    expect(hourSpans([14, 8, 9])).toBe('8:00–10:00, 14:00–15:00');
    expect(hourSpans([])).toBe('');
  });
});

describe('planDay', () => {
  it('a field with one counter and a load of three Erlangs needs more: the gap is said, Erlang C agrees', () => {
    const config = loadDemoConfig();
    const policy = { kind: config.policy.kind, targetWaitMinutes: 15, priorityAdvanceMinutes: 10 };
    const fields = config.services.map((s): FieldDemand => ({ serviceId: s.id, perHour: s.id === 'ho-tich' ? { 8: 12, 9: 12 } : {}, serviceMin: 15, serviceCv: 0.5, priorityShare: 0, noShowShare: 0 }));
    const changes = config.counters.filter((c) => c.serviceIds.includes('ho-tich') && c.id !== 'quay-2').map((c) => ({ counterId: c.id, serviceIds: ['chung-thuc'] }));
    const plan = planDay({ config, policy, demand: { days: ['2026-11-23'], fields }, date: '2026-11-30', changes });
    const ht = plan.fields.find((f) => f.serviceId === 'ho-tich')!;
    const eight = ht.hours.find((h) => h.hour === 8)!;
    expect(eight).toMatchObject({ arrivals: 12, configured: 1 });
    expect(eight.erlang).toBeGreaterThanOrEqual(4);
    expect(eight.needed).toBeGreaterThanOrEqual(4);
    expect(ht.hours.find((h) => h.hour === 14)).toMatchObject({ arrivals: 0, needed: 0, erlang: 0, withinPct: null });
    expect(plan.findings.find((f) => f.code === 'field_gap')).toMatchObject({ serviceId: 'ho-tich', hours: [8, 9], have: 1 });
    // Six counters suffice for the centre as a whole: the gap is the fields', not the centre's.
    expect(plan.findings.some((f) => f.code === 'capacity_gap')).toBe(false);
    expect(planDay({ config, policy, demand: { days: ['2026-11-23'], fields }, date: '2026-11-30', changes })).toEqual(plan);
  });
});
