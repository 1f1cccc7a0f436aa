// What the phone page says for a ticket in each state.
import type { Ticket } from '../lib/types.ts';

export type FollowView =
  | { kind: 'waiting'; ahead: number; minutes: number | null; range?: { low: number; high: number } }
  | { kind: 'called' | 'serving' | 'parked'; counter: number | null }
  | { kind: 'done' | 'no_show' | 'cancelled' | 'transferred' | 'expired' };

export function followView(t: Ticket): FollowView {
  switch (t.status) {
    case 'waiting':
    {
      const low = t.estimatedWaitLowMinutes;
      const high = t.estimatedWaitHighMinutes;
      // The range where measured waits back one (issue 18.3), else the figure alone.
      if (t.estimatedWaitMinutes !== null && typeof low === 'number' && typeof high === 'number' && high > low) {
        return { kind: 'waiting', ahead: t.peopleAhead, minutes: t.estimatedWaitMinutes, range: { low, high } };
      }
      return { kind: 'waiting', ahead: t.peopleAhead, minutes: t.estimatedWaitMinutes };
    }
    case 'called':
    case 'serving':
    case 'parked':
      return { kind: t.status, counter: t.counterNumber ?? null };
    default:
      return { kind: t.status };
  }
}
