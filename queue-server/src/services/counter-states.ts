// Whether each counter is open, paused or closed, and who sits there: kept in
// memory from the store's runtime state, written in the batch of a decision.
import type { CounterStatus } from '../store/index.ts';
import type { CounterStateRow, RuntimeState } from '../store/port.ts';
import type { Writes } from './writes.ts';

export class CounterStates {
  private readonly byId = new Map<string, { status: CounterStatus; staff: string | null }>();

  constructor(rows: readonly CounterStateRow[]) {
    this.load(rows);
  }

  /** Memory again from the store (after a refused commit). */
  reload(rt: RuntimeState): void {
    this.load(rt.counters);
  }

  private load(rows: readonly CounterStateRow[]): void {
    this.byId.clear();
    for (const r of rows) this.byId.set(r.counterId, { status: r.status, staff: r.staff });
  }

  /** A counter never set is open. */
  status(counterId: string): CounterStatus {
    return this.byId.get(counterId)?.status ?? 'open';
  }

  staff(counterId: string): string | null {
    return this.byId.get(counterId)?.staff ?? null;
  }

  /** Records the counter's state in a decision's writes, and in memory. */
  set(w: Writes, counterId: string, status: CounterStatus, staff: string | null, now: number): void {
    w.counter(counterId, status, staff, now);
    this.byId.set(counterId, { status, staff });
  }
}
