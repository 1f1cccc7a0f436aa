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
