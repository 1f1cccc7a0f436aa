// Personal data from a scanned ID card is kept only as long as the visit needs:
// after `privacy.scanRetentionDays` a finished visit keeps its keyed hash and
// last four digits, and loses the name and age.
import type { CenterConfig } from '@mot-cua/config';
import type { Store } from '../store/index.ts';

export class PrivacyService {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: CenterConfig,
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  /** Clears names and ages of finished visits older than the retention; returns how many tickets were cleared. */
  purge(): number {
    const cutoff = this.now() - this.config.privacy.scanRetentionDays * 86_400_000;
    const n = this.store.tickets.forgetCitizens(cutoff);
    if (n > 0) this.store.audit.append('system', 'privacy.purge', null, { tickets: n }, this.now());
    return n;
  }

  /** Purges now and then every hour. */
  start(): void {
    this.purge();
    this.timer = setInterval(() => this.purge(), 3600_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
