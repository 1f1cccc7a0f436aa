// The centre's side of the province link (issue 15.3–4): with PROVINCE_URL and
// PROVINCE_TOKEN set, the append-only event log is the outbox. From the cursor kept in
// the store (meta province.cursor) the shipper reads the next events in id order, sends
// them as one batch (POST /api/v1/province/events), and moves the cursor to the last id
// the province says it holds. A link that is down is retried with a growing back-off;
// the hall never waits for it — the loop only reads the store, a page at a time, and
// writes the cursor as a batch of its own. Days of backlog go in pages, one after another.
// Beside the log it sends the devices' summary (domain/device-trouble.ts: counts, no names)
// to POST /api/v1/province/devices when it changed, and once a minute all the same.
import { deviceTrouble, sameTrouble, type DeviceStatusSummary } from '../domain/device-trouble.ts';
import type { DeviceService } from './device.service.ts';
import type { StorePort } from '../store/index.ts';
import { MAX_BATCH, shipEvent } from '../province/wire.ts';

export const CURSOR_KEY = 'province.cursor';

export interface ShipperOptions {
  /** The province server's base address (PROVINCE_URL). */
  url: string;
  /** The centre's bearer token at the province (PROVINCE_TOKEN). */
  token: string;
  /** Events per batch (default 300, at most MAX_BATCH). */
  batchSize?: number;
  /** How long to wait when there is nothing to send (default 1 s). */
  idleMs?: number;
  /** Back-off after a failure: starts at minBackoffMs, doubles to maxBackoffMs (defaults 500 ms, 30 s). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** The centre's device summary now (absent: none is sent). */
  deviceStatus?: () => Promise<DeviceStatusSummary>;
  /** Sends the device summary unchanged after this long (default 60 s); a change goes at the next turn. */
  deviceEveryMs?: number;
  /** A line for the log about the link (never an event's content). */
  log?: (line: string) => void;
}

export interface ShipperStatus {
  cursor: number;
  /** Consecutive failures since the last batch the province accepted. */
  failures: number;
  lastError: string | null;
  lastShippedAt: number | null;
  /** Why the last device summary did not go (null: it went, or none was due). */
  deviceError: string | null;
}

/** The summary the shipper sends, from the device service's view (silences included). */
export const provinceDeviceStatus =
  (devices: Pick<DeviceService, 'overview'>, now: () => number) =>
  async (): Promise<DeviceStatusSummary> => {
    const { devices: list, alerts } = await devices.overview();
    return deviceTrouble(list, alerts, now());
  };

export class ProvinceShipper {
  private running = false;
  private wake: (() => void) | null = null;
  private loopDone: Promise<void> = Promise.resolve();
  readonly status: ShipperStatus = { cursor: 0, failures: 0, lastError: null, lastShippedAt: null, deviceError: null };
  private readonly batchSize: number;
  private devicesSent: DeviceStatusSummary | null = null;
  private devicesCheckedAt = 0;

  constructor(
    private readonly store: StorePort,
    private readonly secret: Buffer,
    private readonly opts: ShipperOptions,
  ) {
    this.batchSize = Math.max(1, Math.min(MAX_BATCH, opts.batchSize ?? 300));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loopDone;
  }

  /** Sends at once if it is waiting (new events were committed). */
  nudge(): void {
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(t);
        this.wake = null;
        resolve();
      };
      const t = setTimeout(done, ms);
      t.unref();
      this.wake = done;
    });
  }

  private async loop(): Promise<void> {
    let backoff = this.opts.minBackoffMs ?? 500;
    const stored = await this.store.reads.meta(CURSOR_KEY).catch(() => null);
    this.status.cursor = stored && /^\d+$/.test(stored) ? Number(stored) : 0;
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.shipOnce();
        // The device summary's own trouble (an older province without the route) never holds the log back.
        await this.shipDevices().catch((e: unknown) => {
          if (this.status.deviceError === null) this.opts.log?.(`province device summary not sent: ${(e as Error).message}`);
          this.status.deviceError = (e as Error).message;
        });
        this.status.failures = 0;
        this.status.lastError = null;
        backoff = this.opts.minBackoffMs ?? 500;
      } catch (e) {
        this.status.failures++;
        this.status.lastError = (e as Error).message;
        if (this.status.failures === 1) this.opts.log?.(`province link down, retrying with back-off: ${this.status.lastError}`);
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, this.opts.maxBackoffMs ?? 30_000);
        continue;
      }
      // A full page: more is waiting (a backlog), go on at the next turn; else wait for news.
      if (sent < this.batchSize) await this.sleep(this.opts.idleMs ?? 1000);
      else await new Promise((r) => setImmediate(r));
    }
  }

  /** The device summary, when it changed or has not gone for a while; looked at once a second at most. */
  private async shipDevices(): Promise<void> {
    const now = Date.now();
    if (!this.opts.deviceStatus || now - this.devicesCheckedAt < 1000) return;
    this.devicesCheckedAt = now;
    const status = await this.opts.deviceStatus();
    if (sameTrouble(this.devicesSent, status) && status.at - this.devicesSent!.at < (this.opts.deviceEveryMs ?? 60_000)) return;
    const res = await fetch(new URL('/api/v1/province/devices', this.opts.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.opts.token}` },
      body: JSON.stringify(status),
      signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
    });
    if (!res.ok) {
      this.devicesCheckedAt = now + 9000;
      throw new Error(`province answered ${res.status} to the device summary`);
    }
    this.devicesSent = status;
    this.status.deviceError = null;
  }

  /** One page: read, send, move the cursor. Resolves with how many events went. */
  private async shipOnce(): Promise<number> {
    const events = await this.store.reads.eventsAfter(this.status.cursor, this.batchSize);
    if (events.length === 0) return 0;
    const res = await fetch(new URL('/api/v1/province/events', this.opts.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.opts.token}` },
      body: JSON.stringify({ events: events.map((e) => shipEvent(e, this.secret)) }),
      signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
    });
    if (!res.ok) throw new Error(`province answered ${res.status}`);
    const body = (await res.json()) as { lastId?: unknown };
    if (typeof body.lastId !== 'number' || !Number.isInteger(body.lastId)) throw new Error('province answer without lastId');
    // The province holds everything up to lastId: never go back, never past what was sent.
    const next = Math.min(Math.max(this.status.cursor, body.lastId), events.at(-1)!.id);
    // Nothing taken (the province refused the page's first event): a failure, retried with back-off.
    if (next === this.status.cursor) throw new Error('province took none of the batch');
    await this.store.commit({ meta: [{ key: CURSOR_KEY, value: String(next) }] });
    this.status.cursor = next;
    this.status.lastShippedAt = Date.now();
    return events.length;
  }
}
