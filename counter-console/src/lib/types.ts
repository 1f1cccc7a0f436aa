// The shapes of queue-server/API.md that this console reads.
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'parked' | 'done' | 'no_show' | 'cancelled' | 'transferred';

export interface Ticket {
  id: string;
  number: string;
  serviceId: string;
  serviceName?: string;
  status: TicketStatus;
  priorityCategoryId: string | null;
  channel?: string;
  issuedAt: string;
  calledAt?: string | null;
  counterId?: string | null;
  counterNumber?: number | null;
}

export interface StaffTicket extends Ticket {
  waitSeconds: number;
  visitWaitSeconds?: number;
  citizen?: { name: string; age: number | null } | null;
  procedureCode?: string | null;
}

export type CounterStatus = 'open' | 'paused' | 'closed';

export interface Counter {
  id: string;
  number: number;
  name: string;
  serviceIds: string[];
  priority: boolean;
  status?: CounterStatus;
  staff?: { fullName: string; title: string; phone?: string } | null;
}

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
