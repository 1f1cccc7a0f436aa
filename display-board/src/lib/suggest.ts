// When a field's wait heads past the target, name a counter that could open for it.
import type { QueueItem } from './types.ts';

/** What the advice reads of a field's queue figures (a queue item of the server's, or fewer). */
export type QueueFigures = Pick<QueueItem, 'serviceId' | 'waiting' | 'estimatedWaitMinutes'> & {
  oldestWaitSeconds: number | null;
  estimatedWaitIfStaffedMinutes?: number | null;
};

export interface CounterRef {
  id: string;
  number: number;
  serviceIds: string[];
  status: string;
}

export interface Suggestion {
  serviceId: string;
  /** The longer of the expected wait for a newcomer and the oldest wait now. */
  minutes: number;
  /** A closed or paused counter that serves this field, if there is one. */
  counterNumber: number | null;
}

export function suggestions(queue: readonly QueueFigures[], counters: CounterRef[], warnMinutes: number): Suggestion[] {
  const out: Suggestion[] = [];
  for (const q of queue) {
    if (q.waiting === 0) continue;
    // Nobody signed in serves the field: the wait once its open counters have an official.
    const minutes = Math.max(q.estimatedWaitMinutes ?? q.estimatedWaitIfStaffedMinutes ?? 0, (q.oldestWaitSeconds ?? 0) / 60);
    if (minutes < warnMinutes) continue;
    const idle = counters
      .filter((c) => c.status !== 'open' && c.serviceIds.includes(q.serviceId))
      .sort((a, b) => a.number - b.number)[0];
    out.push({ serviceId: q.serviceId, minutes: Math.round(minutes), counterNumber: idle?.number ?? null });
  }
  return out.sort((a, b) => b.minutes - a.minutes);
}

/** The one-tap action of a suggestion (issue 13.3): open (resume) an idle counter where an official sits, else give the field to a working counter. */
export type OneTap = { kind: 'open'; counterId: string; counterNumber: number } | { kind: 'addField'; counterId: string; counterNumber: number; serviceIds: string[] };

/**
 * `counters`' status is the board's: 'open' an open counter with an official, 'paused' or
 * 'closed' one an official can resume, 'unstaffed' nobody there (no tap can staff it).
 * Giving the field goes to the open counter with the fewest fields (the least to lose).
 */
export function oneTap(s: Suggestion, counters: readonly CounterRef[]): OneTap | null {
  const idle = counters.filter((c) => (c.status === 'paused' || c.status === 'closed') && c.serviceIds.includes(s.serviceId)).sort((a, b) => a.number - b.number)[0];
  if (idle) return { kind: 'open', counterId: idle.id, counterNumber: idle.number };
  const working = counters
    .filter((c) => c.status === 'open' && !c.serviceIds.includes(s.serviceId))
    .sort((a, b) => a.serviceIds.length - b.serviceIds.length || a.number - b.number)[0];
  return working ? { kind: 'addField', counterId: working.id, counterNumber: working.number, serviceIds: [...working.serviceIds, s.serviceId] } : null;
}
