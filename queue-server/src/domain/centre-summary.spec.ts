import { describe, expect, it } from 'vitest';
import { centreDay } from './centre-summary.ts';
import type { DomainEvent, EventType } from './events.ts';

const AT = Date.parse('2026-11-23T08:00:00+07:00');
const MIN = 60_000;
const o = { targetWaitMs: 15 * MIN, serviceTargetMs: 30 * MIN, satisfiedScores: new Set([3, 4]) };
const ev = (type: EventType, visit: string, minute: number, data: Record<string, unknown> = {}): DomainEvent => ({
  at: AT + minute * MIN, type, ticketId: `${visit}-0`, visitId: visit, serviceId: 'ho-tich', counterId: type === 'issued' ? null : 'quay-1', actor: type === 'issued' ? null : 'staff:ab', data,
});

describe('centreDay', () => {
  it('an empty day: nothing issued, nobody waiting, no shares', () => {
    expect(centreDay([], o, AT)).toEqual({ issued: 0, served: 0, waiting: 0, oldestWaitingSince: null, withinTargetPct: null, satisfactionPct: null, breaches: 0 });
  });

  it('counts issued, served, waiting now and the oldest wait; the within-target share and satisfaction as the KPIs define them; breaches served and waiting', () => {
    const events = [
      ev('issued', 'a', 0, { leg: 0 }),
      ev('issued', 'b', 1, { leg: 0 }),
      ev('issued', 'c', 2, { leg: 0 }),
      ev('issued', 'd', 3, { leg: 0 }),
      ev('called', 'a', 5), ev('started', 'a', 6), ev('finished', 'a', 10), ev('rated', 'a', 11, { score: 4 }),
      // b waited 20 minutes: served past the target.
      ev('called', 'b', 21), ev('finished', 'b', 25), ev('rated', 'b', 26, { score: 1 }),
      // c is at a counter, d still waits since minute 3.
      ev('called', 'c', 30),
    ];
    expect(centreDay(events, o, AT + 30 * MIN)).toEqual({
      issued: 4, served: 2, waiting: 1, oldestWaitingSince: AT + 3 * MIN, withinTargetPct: 50, satisfactionPct: 50, breaches: 2,
    });
    // Before d passes the target it is no breach.
    expect(centreDay(events, o, AT + 10 * MIN).breaches).toBe(1);
  });
});
