import { describe, expect, it } from 'vitest';
import { computeStats, percentileSeconds } from './kpi.ts';
import type { DomainEvent, EventType } from './events.ts';

const min = 60_000;
const T0 = Date.parse('2026-11-22T01:00:00Z'); // 08:00 local
let log: DomainEvent[] = [];
const ev = (m: number, type: EventType, ticketId: string, serviceId: string, extra: Partial<DomainEvent> = {}) =>
  log.push({ at: T0 + m * min, type, ticketId, visitId: extra.visitId ?? ticketId, serviceId, counterId: extra.counterId ?? null, actor: extra.actor ?? null, data: extra.data ?? {} });
const opts = { targetWaitMs: 15 * min, serviceTargetMs: 30 * min, satisfiedScores: new Set([3, 4]) };

describe('KPIs from events', () => {
  it('counts a visit the day’s close expired as issued and not served, not as a no-show, and in no wait figure', () => {
    log = [];
    ev(0, 'issued', 'A', 'ht'); ev(5, 'called', 'A', 'ht', { counterId: 'c1', actor: 'quay1' }); ev(15, 'finished', 'A', 'ht');
    // B waited all day; C was at the counter when the day closed.
    ev(1, 'issued', 'B', 'ht'); ev(540, 'expired', 'B', 'ht', { actor: 'system' });
    ev(2, 'issued', 'C', 'dd'); ev(500, 'called', 'C', 'dd', { counterId: 'c3', actor: 'quay3' }); ev(501, 'started', 'C', 'dd'); ev(540, 'expired', 'C', 'dd', { actor: 'system' });
    const s = computeStats(log, opts);
    expect(s).toMatchObject({ issued: 3, served: 1, noShow: 0, cancelled: 0, expired: 2, open: 0 });
    expect(s.avgWaitSeconds).toBe(5 * 60);
    expect(s.maxWaitSeconds).toBe(5 * 60);
    expect(s.avgServiceSeconds).toBe(10 * 60);
    expect(s.byService.find((g) => g.key === 'dd')).toMatchObject({ issued: 1, served: 0, noShow: 0, expired: 1, avgWaitSeconds: null });
    expect(s.byCounter.find((g) => g.key === 'c3')).toMatchObject({ served: 0, expired: 1 });
    expect(s.byHour).toEqual([{ hour: 8, arrivals: 3, served: 1, avgWaitSeconds: 5 * 60 }]);
  });

  it('a number from the phone waits from its check-in, not from when it was taken at home (issue 17.1)', () => {
    log = [];
    // R taken from the phone at 08:00, checked in at 09:00, called at 09:06; K taken at the kiosk at 08:30, called 09:00.
    ev(0, 'issued', 'R', 'ht', { data: { leg: 0, channel: 'mobile' } }); ev(60, 'checked_in', 'R', 'ht', { actor: 'device:kiosk-1' });
    ev(66, 'called', 'R', 'ht', { counterId: 'c1', actor: 'quay1' }); ev(70, 'finished', 'R', 'ht');
    ev(30, 'issued', 'K', 'ht'); ev(60, 'called', 'K', 'ht', { counterId: 'c2', actor: 'quay2' }); ev(65, 'finished', 'K', 'ht');
    const s = computeStats(log, opts);
    expect(s.maxWaitSeconds).toBe(30 * 60);
    expect(s.avgWaitSeconds).toBe(18 * 60);
    expect(s.withinTargetPct).toBe(50);
    // A check-in after the call (a field's grace) changes no wait.
    log = [];
    ev(0, 'issued', 'G', 'ht', { data: { leg: 0, channel: 'mobile' } }); ev(10, 'called', 'G', 'ht', { counterId: 'c1' }); ev(12, 'checked_in', 'G', 'ht'); ev(20, 'finished', 'G', 'ht');
    expect(computeStats(log, opts).avgWaitSeconds).toBe(10 * 60);
  });

  it('match figures computed by hand', () => {
    log = [];
    // A: waits 5, served 10, rated 4 at c1 by quay1
    ev(0, 'issued', 'A', 'ht'); ev(5, 'called', 'A', 'ht', { counterId: 'c1', actor: 'quay1' }); ev(6, 'started', 'A', 'ht'); ev(15, 'finished', 'A', 'ht'); ev(16, 'rated', 'A', 'ht', { data: { score: 4 } });
    // B: called at 10, recalled at 12 (wait 12), finish at 20 (service 8), rated 1
    ev(0, 'issued', 'B', 'ht'); ev(10, 'called', 'B', 'ht', { counterId: 'c2', actor: 'quay2' }); ev(12, 'recalled', 'B', 'ht'); ev(20, 'finished', 'B', 'ht'); ev(21, 'rated', 'B', 'ht', { data: { score: 1 } });
    // C: waits 8 in ht, transferred to dd at 9, waits 10 more, served (visit wait 18 > 15)
    ev(1, 'issued', 'C', 'ht'); ev(9, 'called', 'C', 'ht', { counterId: 'c1', actor: 'quay1' }); ev(9.5, 'transferred', 'C', 'ht', { data: { toTicketId: 'C2' } });
    ev(9.5, 'issued', 'C2', 'dd', { visitId: 'C', data: { leg: 1 } }); ev(19.5, 'called', 'C2', 'dd', { visitId: 'C', counterId: 'c3', actor: 'quay3' }); ev(40, 'finished', 'C2', 'dd', { visitId: 'C' });
    // D: no-show; E: still waiting
    ev(2, 'issued', 'D', 'dd'); ev(4, 'called', 'D', 'dd', { counterId: 'c3', actor: 'quay3' }); ev(8, 'no_show', 'D', 'dd');
    ev(3, 'issued', 'E', 'dd');

    const s = computeStats(log, opts);
    expect(s).toMatchObject({ issued: 5, served: 3, noShow: 1, open: 1, cancelled: 0 });
    // served visit waits: A 5, B 12, C 8 + 10 = 18 minutes
    expect(s.avgWaitSeconds).toBe(Math.round(((5 + 12 + 18) / 3) * 60));
    expect(s.p90WaitSeconds).toBe(18 * 60);
    expect(s.maxWaitSeconds).toBe(18 * 60);
    expect(s.withinTargetPct).toBe(66.7);
    // service: A 15−5 = 10, B 20−12 = 8, C2 40−19.5 = 20.5
    expect(s.avgServiceSeconds).toBe(Math.round(((10 + 8 + 20.5) / 3) * 60));
    expect(s.withinServiceTargetPct).toBe(100);
    expect(s.ratings).toBe(2);
    expect(s.satisfactionPct).toBe(50);
    const ht = s.byService.find((g) => g.key === 'ht')!;
    expect(ht).toMatchObject({ issued: 3, served: 2, noShow: 0, avgWaitSeconds: Math.round(8.5 * 60) });
    const dd = s.byService.find((g) => g.key === 'dd')!;
    expect(dd).toMatchObject({ issued: 3, served: 1, noShow: 1, avgWaitSeconds: 600 });
    const c1 = s.byCounter.find((g) => g.key === 'c1')!;
    expect(c1).toMatchObject({ served: 1, ratings: 1, satisfactionPct: 100 });
    expect(s.byStaff.map((g) => g.key)).toEqual(['quay1', 'quay2', 'quay3']);
    expect(s.byHour).toEqual([{ hour: 8, arrivals: 5, served: 3, avgWaitSeconds: Math.round(((5 + 12 + 18) / 3) * 60) }]);
  });

  it('no data gives nulls, not zeros', () => {
    const s = computeStats([], opts);
    expect(s).toMatchObject({ issued: 0, avgWaitSeconds: null, withinTargetPct: null, satisfactionPct: null });
  });

  it('nearest-rank p90', () => {
    expect(percentileSeconds([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000], 90)).toBe(9);
    expect(percentileSeconds([5000], 90)).toBe(5);
  });
});
