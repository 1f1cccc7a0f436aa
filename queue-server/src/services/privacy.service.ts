// Personal data from a scanned ID card is kept only as long as the visit needs:
// after `privacy.scanRetentionDays` a finished visit keeps its keyed hash and
// last four digits, and loses the name and age; the declaration prefilled from the card at
// the kiosk (issue 16.2) goes after the same retention.
import type { CenterConfig } from '@mot-cua/config';
import { liveConfig, type ConfigSource } from './centre.ts';
import type { StorePort } from '../store/index.ts';

export class PrivacyService {
  private timer: NodeJS.Timeout | null = null;

  /** The live configuration, read at each use (issue 13.2). */
  private readonly liveConfig: () => CenterConfig;
  private get config(): CenterConfig {
    return this.liveConfig();
  }

  constructor(
    config: ConfigSource,
    private readonly store: StorePort,
    private readonly now: () => number,
  ) {
    this.liveConfig = liveConfig(config);
  }

  /** Clears names and ages of finished visits older than the retention; returns how many tickets were cleared. */
  purge(): Promise<number> {
    const cutoff = this.now() - this.config.privacy.scanRetentionDays * 86_400_000;
    const tickets = this.store.forgetCitizens(cutoff, (n) => ({ actor: 'system', action: 'privacy.purge', target: null, detail: { tickets: n }, at: this.now() }));
    // Bookings' names and phone numbers go after the same retention, counted from the booked time.
    // Ratings' notes (free text a citizen typed) too, counted from when they were written, and the
    // declarations prefilled at the kiosk, once their visits are closed.
    return tickets.then(async (n) => (await this.store.forgetBookings(cutoff), await this.store.forgetRatingNotes(cutoff), await this.store.forgetDeclarations(cutoff), n));
  }

  /** A purge the timer runs: a refused one is tried again at the next. */
  private purgeLater(): void {
    this.purge().catch((e: unknown) => process.emitWarning(e instanceof Error ? e : new Error(String(e))));
  }

  /** Purges now and then every hour. */
  start(): void {
    this.purgeLater();
    this.timer = setInterval(() => this.purgeLater(), 3600_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
