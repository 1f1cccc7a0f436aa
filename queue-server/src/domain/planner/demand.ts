// What the last weeks' event log says a centre's day asks of it: per field, how
// many first visits arrive in each local hour of a working day (a day with any
// arrival), how long a service takes (call → finish, the walk up included, as
// DESIGN counts it), and how many are priority citizens or leave before their
// call. The planner simulates tomorrow from these.
import { dayKey, minuteOfDay, type DomainEvent } from '../index.ts';

export interface FieldDemand {
  serviceId: string;
  /** Mean first visits per working day in each local hour (0–23). */
  perHour: Record<number, number>;
  /** Measured mean call → finish, minutes, or null with fewer than MIN_SAMPLES services. */
  serviceMin: number | null;
  /** Coefficient of variation of those service times, or null (as serviceMin). */
  serviceCv: number | null;
  priorityShare: number;
  noShowShare: number;
}

export interface Demand {
  /** The working days the figures average over (days with at least one arrival), oldest first. */
  days: string[];
  fields: FieldDemand[];
}

/** Below this many measured services a field keeps its configured typical time. */
export const MIN_SAMPLES = 5;

const MIN = 60_000;

/** The demand in `events` (a period's visit events, any order) for the fields `serviceIds`. */
export function demandFrom(events: readonly DomainEvent[], serviceIds: readonly string[]): Demand {
  const days = new Set<string>();
  const arrivals = new Map<string, Map<number, number>>();
  const visits = new Map<string, number>();
  const priority = new Map<string, number>();
  const noShows = new Map<string, number>();
  const services = new Map<string, number[]>();
  const calledAt = new Map<string, number>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    if (e.type === 'issued' && (e.data.leg ?? 0) === 0) {
      days.add(dayKey(e.at));
      const hour = Math.floor(minuteOfDay(e.at) / 60);
      const byHour = arrivals.get(e.serviceId) ?? new Map<number, number>();
      byHour.set(hour, (byHour.get(hour) ?? 0) + 1);
      arrivals.set(e.serviceId, byHour);
      add(visits, e.serviceId);
      if (typeof e.data.priorityCategoryId === 'string') add(priority, e.serviceId);
    } else if (e.type === 'called' || e.type === 'recalled') {
      // The service runs from the last call, the one the citizen answered.
      calledAt.set(e.ticketId, e.at);
    } else if (e.type === 'finished') {
      const from = calledAt.get(e.ticketId);
      if (from !== undefined && e.at > from) services.set(e.serviceId, [...(services.get(e.serviceId) ?? []), (e.at - from) / MIN]);
    } else if (e.type === 'no_show') add(noShows, e.serviceId);
  }
  const n = days.size;
  return {
    days: [...days].sort(),
    fields: serviceIds.map((serviceId) => {
      const times = services.get(serviceId) ?? [];
      const mean = times.reduce((s, x) => s + x, 0) / (times.length || 1);
      const sd = Math.sqrt(times.reduce((s, x) => s + (x - mean) ** 2, 0) / (times.length || 1));
      const seen = visits.get(serviceId) ?? 0;
      return {
        serviceId,
        perHour: Object.fromEntries([...(arrivals.get(serviceId) ?? new Map<number, number>())].map(([h, c]) => [h, c / n])),
        serviceMin: times.length >= MIN_SAMPLES ? mean : null,
        serviceCv: times.length >= MIN_SAMPLES && mean > 0 ? sd / mean : null,
        priorityShare: seen ? (priority.get(serviceId) ?? 0) / seen : 0,
        noShowShare: seen ? Math.min(1, (noShows.get(serviceId) ?? 0) / seen) : 0,
      };
    }),
  };
}
