// The shapes of queue-server/API.md that this console reads; its tickets' come
// from the server's own route schemas.
import type { CounterView, StaffTicket } from '@mot-cua/ui-shared/wire.ts';

// The centre and its counters come from the server's route schemas too (ui-shared/src/wire.ts).
export type { Center, CounterStatus, StaffTicket, Ticket, TicketStatus } from '@mot-cua/ui-shared/wire.ts';
export type Counter = CounterView;

/** What a visit achieved, picked at the finish (queue-server/src/domain/outcome.ts). */
export const OUTCOMES = ['received', 'guidance', 'result', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface User {
  username: string;
  fullName: string;
  role: 'staff' | 'manager' | 'admin';
  counterId: string | null;
}

export interface CounterQueue {
  counter: Counter;
  current: StaffTicket | null;
  waiting: StaffTicket[];
  parked: StaffTicket[];
}
