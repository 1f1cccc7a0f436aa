// The append-only event log's vocabulary. Every change of a ticket is one event;
// KPIs are computed from events alone (kpi.ts).
export const EVENT_TYPES = [
  'issued',
  'called',
  'recalled',
  'started',
  'finished',
  'no_show',
  'cancelled',
  'parked',
  'transferred',
  'expired',
  'rated',
  'print_result',
  /** A number from the phone: its holder arrived at the centre (issue 17.1). */
  'checked_in',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface DomainEvent {
  at: number;
  type: EventType;
  ticketId: string;
  visitId: string;
  serviceId: string;
  counterId: string | null;
  /** Username of the official, device id, or null for the citizen. */
  actor: string | null;
  data: Record<string, unknown>;
}
