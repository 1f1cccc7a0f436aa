// The manager's list of waiting tickets, kept current from realtime events. Each
// entry remembers when its visit began on this screen's clock, so ages keep
// growing between events without trusting the two clocks to agree.
import type { StaffTicket } from './types.ts';

export interface WaitingEntry {
  id: string;
  number: string;
  serviceId: string;
  priorityCategoryId: string | null;
  /** Local epoch ms at which the visit's wait began. */
  since: number;
}

export function fromSnapshot(tickets: StaffTicket[], nowMs: number): WaitingEntry[] {
  return tickets
    .filter((t) => t.status === 'waiting')
    .map((t) => ({ id: t.id, number: t.number, serviceId: t.serviceId, priorityCategoryId: t.priorityCategoryId ?? null, since: nowMs - (t.visitWaitSeconds ?? t.waitSeconds) * 1000 }));
}

type TicketLike = { id: string; number: string; serviceId: string; status: string; priorityCategoryId?: string | null; visitWaitSeconds?: number; waitSeconds?: number };

/** Applies one ticket from `ticket.issued` or `ticket.updated`. */
export function applyTicket(list: WaitingEntry[], t: TicketLike, nowMs: number): WaitingEntry[] {
  const existing = list.find((e) => e.id === t.id);
  const rest = list.filter((e) => e.id !== t.id);
  if (t.status !== 'waiting') return existing ? rest : list;
  // A transferred visit keeps its number and its first arrival time.
  const sameVisit = rest.find((e) => e.number === t.number);
  const since = existing?.since ?? sameVisit?.since ?? nowMs - (t.visitWaitSeconds ?? t.waitSeconds ?? 0) * 1000;
  return [...rest, { id: t.id, number: t.number, serviceId: t.serviceId, priorityCategoryId: t.priorityCategoryId ?? null, since }];
}

export function removeTicket(list: WaitingEntry[], id: string): WaitingEntry[] {
  return list.some((e) => e.id === id) ? list.filter((e) => e.id !== id) : list;
}

export interface Overdue {
  warn: WaitingEntry[];
  breach: WaitingEntry[];
}

/** Tickets past the warning line and past the target, oldest first. */
export function overdue(list: WaitingEntry[], nowMs: number, warnMinutes: number, targetMinutes: number): Overdue {
  const sorted = [...list].sort((a, b) => a.since - b.since);
  const age = (e: WaitingEntry) => (nowMs - e.since) / 60000;
  return {
    breach: sorted.filter((e) => age(e) > targetMinutes),
    warn: sorted.filter((e) => age(e) > warnMinutes && age(e) <= targetMinutes),
  };
}
