/**
 * Reports device health to the queue-server on every change and every interval. Only the latest
 * picture matters, so a report still being retried is dropped when a newer one starts.
 */
import type { Parts } from './parts.ts';
import type { QueueClient } from './queue-client.ts';

export class HealthReporter {
  private generation = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly parts: Parts,
    private readonly client: QueueClient,
    private readonly token: string,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.parts.on('change', () => void this.report());
    this.timer = setInterval(() => void this.report(), this.intervalMs);
    this.timer.unref();
    void this.report();
  }

  report(): Promise<unknown> {
    const mine = ++this.generation;
    return this.client.deliver(
      '/api/v1/devices/health',
      this.token,
      () => ({ parts: this.parts.list() }),
      () => mine !== this.generation,
    );
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
