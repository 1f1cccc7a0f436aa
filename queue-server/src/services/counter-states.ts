// Whether each counter is open, paused or closed, and who sits there: kept in
// memory beside the file, written through the open-ticket mirror's writes.
import type { Store, CounterStatus } from '../store/index.ts';

interface CounterState {
  status: CounterStatus;
  staff: string | null;
}

export class CounterStates {
  private readonly byId = new Map<string, CounterState>();

  constructor(private readonly store: Store) {
    this.reload();
    store.onRollback(() => this.reload());
  }

  private reload(): void {
    this.byId.clear();
    for (const [id, st] of this.store.counters.all()) this.byId.set(id, st);
  }

  /** A counter never set is open. */
  status(counterId: string): CounterStatus {
    return this.byId.get(counterId)?.status ?? 'open';
  }

  staff(counterId: string): string | null {
    return this.byId.get(counterId)?.staff ?? null;
  }

  /** Records the counter's state; call inside a write. */
  set(counterId: string, status: CounterStatus, staff: string | null, now: number): void {
    this.store.counters.set(counterId, status, staff, now);
    this.byId.set(counterId, { status, staff });
  }
}
