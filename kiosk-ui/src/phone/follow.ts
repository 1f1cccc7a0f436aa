// What the phone page says for a ticket in each state.
import type { Ticket } from '../lib/types.ts';

export type FollowView =
  | { kind: 'waiting'; ahead: number; minutes: number | null }
  | { kind: 'called' | 'serving' | 'parked'; counter: number | null }
  | { kind: 'done' | 'no_show' | 'cancelled' | 'transferred' | 'expired' };

export function followView(t: Ticket): FollowView {
  switch (t.status) {
    case 'waiting':
      return { kind: 'waiting', ahead: t.peopleAhead, minutes: t.estimatedWaitMinutes };
    case 'called':
    case 'serving':
    case 'parked':
      return { kind: t.status, counter: t.counterNumber ?? null };
    default:
      return { kind: t.status };
  }
}
