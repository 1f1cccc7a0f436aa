/**
 * Keeps the LED counter displays on the number each counter is serving, whoever called it
 * (keypad or staff console): follows the queue-server's realtime feed as a device. A fresh
 * `state` after every reconnect — after a graceful server restart too (ui-shared's live
 * socket asks again when the server drops it) — puts every display right again.
 */
import type { LedDisplay } from '@mot-cua/hardware';
import { LiveSocket } from '@mot-cua/ui-shared/live-socket.ts';
import type { Logger } from './queue-client.ts';

type CounterView = { id: string; currentTicket?: { number: string } | null };
type CallView = { counterId: string; number: string };

export class CounterFeed {
  private socket: LiveSocket | null = null;
  private readonly shown = new Map<string, string>();

  constructor(
    private readonly url: string,
    private readonly token: string,
    /** counterId → its display */
    private readonly displays: Map<string, LedDisplay>,
    private readonly logger: Logger,
  ) {}

  private show(counterId: string, number: string): void {
    const d = this.displays.get(counterId);
    if (!d || this.shown.get(counterId) === number) return;
    this.shown.set(counterId, number);
    void d.show(number).then((r) => {
      // Let the next update try again rather than believe a number is up that is not.
      if (!r.ok) this.shown.delete(counterId);
    });
  }

  private counter(c: CounterView): void {
    if (c.currentTicket !== undefined) this.show(c.id, c.currentTicket?.number ?? '');
  }

  start(): void {
    if (this.displays.size === 0) return;
    // One warning per outage, not one per reconnection attempt.
    let warned = false;
    this.socket = new LiveSocket({ url: this.url, token: this.token, onConnection: (connected) => connected && (warned = false) })
      .on<{ counters?: CounterView[] }>('state', (st) => {
        this.shown.clear();
        for (const c of st.counters ?? []) this.counter(c);
      })
      .on<{ counter?: CounterView }>('counter.updated', (m) => m.counter && this.counter(m.counter))
      .on<{ call?: CallView }>('ticket.called', (m) => m.call && this.show(m.call.counterId, m.call.number))
      .on<Error>('connect_error', (e) => {
        if (!warned) this.logger.warn(`counter feed: ${e.message}; retrying`);
        warned = true;
      });
  }

  /** Immediate feedback from a keypad call, before the realtime echo arrives. */
  local(counterId: string, number: string): void {
    this.show(counterId, number);
  }

  close(): void {
    this.socket?.close();
    this.socket = null;
  }
}
