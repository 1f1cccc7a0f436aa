// The shapes of queue-server/API.md that this console reads; its tickets' come
// from the server's own route schemas.
import type { StaffTicket } from '@mot-cua/ui-shared/wire.ts';

export type { StaffTicket, Ticket, TicketStatus } from '@mot-cua/ui-shared/wire.ts';

export type CounterStatus = 'open' | 'paused' | 'closed';

export interface Counter {
  id: string;
  number: number;
  name: string;
  nameEn?: string;
  serviceIds: string[];
  priority: boolean;
  status?: CounterStatus;
  staff?: { fullName: string; title: string; phone?: string } | null;
  /** What a finish records when nobody picks another outcome. */
  defaultOutcome?: Outcome;
}

/** What a visit achieved, picked at the finish (queue-server/src/domain/outcome.ts). */
export const OUTCOMES = ['received', 'guidance', 'result', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Center {
  id: string;
  name: string;
  nameEn?: string;
  targetWaitMinutes: number;
  warnWaitMinutes?: number;
  services: { id: string; code: string; name: string; nameEn?: string; prefix: string }[];
  counters: Counter[];
  priorityCategories: { id: string; name: string; nameEn?: string }[];
}

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
