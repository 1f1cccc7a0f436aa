// Plain data the domain works on. No I/O types here.
/** A ticket still in the hall: waiting, at a counter, or sent away to come back. */
export const OPEN_STATUSES = ['waiting', 'called', 'serving', 'parked'] as const;
/** A transaction that is over: nothing moves it again (a transfer opens a new one). */
/** `expired`: still open when its day closed (the centre's last closing time, midnight at the latest). */
export const TERMINAL_STATUSES = ['done', 'no_show', 'cancelled', 'transferred', 'expired'] as const;
export const TICKET_STATUSES = [...OPEN_STATUSES, ...TERMINAL_STATUSES] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export type TicketStatus = (typeof TICKET_STATUSES)[number];

const OPEN_SET: ReadonlySet<TicketStatus> = new Set(OPEN_STATUSES);
export const isOpenStatus = (s: TicketStatus): s is OpenStatus => OPEN_SET.has(s);
export const CHANNELS = ['kiosk', 'mobile', 'counter', 'appointment'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * One transaction of a visit. A transfer closes a transaction and opens a new
 * one with the same number and visit; `arrivedAt` stays the visit's arrival.
 */
export interface Ticket {
  id: string;
  visitId: string;
  /** 0 for the first transaction of a visit, then 1, 2… after transfers. */
  leg: number;
  number: string;
  day: string;
  serviceId: string;
  status: TicketStatus;
  priorityCategoryId: string | null;
  channel: Channel;
  /** When the citizen took the number (the visit's arrival). */
  arrivedAt: number;
  /** When this transaction joined its queue (arrival, or the transfer). */
  enqueuedAt: number;
  /** For appointments, the booked time. */
  bookedAt: number | null;
  /** The latest call (what boards show). */
  calledAt: number | null;
  /** The call that led to service: ends this transaction's wait (DESIGN). */
  waitEndAt: number | null;
  callCount: number;
  startedAt: number | null;
  finishedAt: number | null;
  counterId: string | null;
  staff: string | null;
  /** The wait of earlier transactions of the visit, in ms. */
  priorWaitMs: number;
}

export interface Citizen {
  name: string;
  age: number;
}
