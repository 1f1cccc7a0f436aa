/**
 * A kiosk that keeps issuing offline (issue 17.4): while the server answers, keep `size` numbers of
 * every field leased (POST /api/v1/kiosk/leases); while it does not, issue from them (the journal,
 * offline-journal.ts); once it answers again, replay what was issued, oldest first, each with its
 * idempotency key and issue time (POST /api/v1/kiosk/replays), saying how many remain so the boards
 * show "đang đồng bộ". A refusal the server gives for good (4xx, e.g. a replay after the day's close)
 * is kept in the journal as `refused` with its message; anything else is retried on the next round.
 */
import { OfflineJournal, type JournalLease, type JournalTicket } from './offline-journal.ts';

export type OfflineTicket = JournalTicket & { statusUrl: string | null };

export type OfflineOptions = {
  queueServerUrl: string;
  deviceToken: string;
  dataDir: string;
  logger: { info(m: string): void; warn(m: string): void };
  /** numbers per field to hold (default 20); a new lease is taken under half of it */
  size?: number;
  /** how often to top up and replay (default 5 s) */
  intervalMs?: number;
  now?: () => number;
};

export class OfflineIssuer {
  readonly journal: OfflineJournal;
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private readonly size: number;
  private readonly now: () => number;
  /** Whether the last round reached the server. */
  reachable = false;

  constructor(private readonly opts: OfflineOptions) {
    this.journal = new OfflineJournal(opts.dataDir);
    this.size = opts.size ?? 20;
    this.now = opts.now ?? Date.now;
  }

  start(): void {
    void this.sync();
    this.timer = setInterval(() => void this.sync(), this.opts.intervalMs ?? 5000);
  }

  private async call(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown } | null> {
    try {
      const res = await fetch(new URL(path, this.opts.queueServerUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${this.opts.deviceToken}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    } catch {
      return null;
    }
  }

  /** One round: replay what is pending, then top the leases up. Rounds never overlap. */
  sync(): Promise<void> {
    this.round ??= this.runRound().finally(() => (this.round = null));
    return this.round;
  }

  private async runRound(): Promise<void> {
    this.journal.dropPast(this.now());
    const pending = this.journal.pending();
    for (let i = 0; i < pending.length; i++) {
      const t = pending[i]!;
      const r = await this.call('/api/v1/kiosk/replays', {
        leaseId: t.leaseId, number: t.number, issuedAt: new Date(t.issuedAt).toISOString(), ticketId: t.ticketId,
        ...(t.lang ? { lang: t.lang } : {}), ...(t.priorityCategoryId ? { priorityCategoryId: t.priorityCategoryId } : {}), remaining: pending.length - i - 1,
      }, { 'idempotency-key': t.key });
      if (!r || r.status >= 500 || r.status === 429) {
        this.reachable = false;
        return;
      }
      this.reachable = true;
      if (r.status < 300) this.journal.settle(t.key, 'synced');
      else {
        const message = (r.body as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${r.status}`;
        this.opts.logger.warn(`offline ticket ${t.number} refused by the server: ${message}`);
        this.journal.settle(t.key, 'refused', message);
      }
    }
    const unused = this.journal.unused(this.now());
    const known = JSON.parse(this.journal.meta('services') ?? 'null') as string[] | null;
    const low = known ? known.filter((id) => (unused.get(id) ?? 0) < this.size / 2) : undefined;
    if (low && low.length === 0) return;
    const r = await this.call('/api/v1/kiosk/leases', { ...(low ? { serviceIds: low } : {}), size: this.size });
    this.reachable = r !== null && r.status < 500;
    if (!r || r.status !== 201) return;
    const body = r.body as { leases: (Omit<JournalLease, 'validUntil'> & { validUntil: string })[]; statusBase: string };
    this.journal.addLeases(body.leases.map((l) => ({ ...l, validUntil: Date.parse(l.validUntil) })));
    this.journal.setMeta('statusBase', body.statusBase);
    if (!known) this.journal.setMeta('services', JSON.stringify(body.leases.map((l) => l.serviceId)));
  }

  /** A number issued from the lease while the server is unreachable; null when the field has none left. */
  issue(input: { key: string; serviceId: string; lang: string | null; priorityCategoryId: string | null }): OfflineTicket | null {
    const t = this.journal.issue(input, this.now());
    if (!t) return null;
    const base = this.journal.meta('statusBase');
    return { ...t, statusUrl: base ? `${base}/t/${t.ticketId}` : null };
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.round;
    this.journal.close();
  }
}
