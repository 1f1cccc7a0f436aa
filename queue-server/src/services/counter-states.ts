// Whether each counter is open, paused or closed, who sits there and which fields
// it serves today: kept in memory from the store's runtime state, written in the
// batch of a decision.
import type { CounterStatus } from '../store/index.ts';
import type { CounterStateRow, RuntimeState } from '../store/port.ts';
import type { Writes } from './writes.ts';

interface State {
  status: CounterStatus;
  staff: string | null;
  serviceIds: string[] | null;
}

export class CounterStates {
  private readonly byId = new Map<string, State>();

  constructor(rows: readonly CounterStateRow[]) {
    this.load(rows);
  }

  /** Memory again from the store (after a refused commit). */
  reload(rt: RuntimeState): void {
    this.load(rt.counters);
  }

  private load(rows: readonly CounterStateRow[]): void {
    this.byId.clear();
    for (const r of rows) this.byId.set(r.counterId, { status: r.status, staff: r.staff, serviceIds: r.serviceIds ?? null });
  }

  /** A counter never set is open. */
  status(counterId: string): CounterStatus {
    return this.byId.get(counterId)?.status ?? 'open';
  }

  staff(counterId: string): string | null {
    return this.byId.get(counterId)?.staff ?? null;
  }

  /** The fields the counter serves today, or null for its configured ones (issue 13.3). */
  serviceIds(counterId: string): string[] | null {
    return this.byId.get(counterId)?.serviceIds ?? null;
  }

  /** Records the counter's state in a decision's writes, and in memory; `serviceIds` left out keeps today's fields. */
  set(w: Writes, counterId: string, status: CounterStatus, staff: string | null, now: number, serviceIds: string[] | null = this.serviceIds(counterId)): void {
    w.counter(counterId, status, staff, serviceIds, now);
    this.byId.set(counterId, { status, staff, serviceIds });
  }
}
