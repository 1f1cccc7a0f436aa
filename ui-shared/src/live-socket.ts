// The one socket.io connection a screen keeps to the queue-server. On every
// connect the server sends a full `state` snapshot, so a screen that listens
// for `state` is right again after any gap. What socket.io does not do by
// itself: after the server drops a client on purpose ("io server disconnect",
// which a graceful stop does to everyone) it waits for the client to ask
// again. This module asks again, with a growing pause, so no screen stays
// offline with stale numbers after a server restart.
//
// It also asks for gathered events (`batch: 1`): the server then sends what
// follows from a change as one `batch { events }` packet per gathering, which
// this module hands to the listeners one event at a time, in order, exactly as
// if they had come alone.
import { io, type Socket } from 'socket.io-client';

/** Pauses between attempts: short, because a hall has a handful of screens, and capped low so a restarted server is followed within seconds. */
export const RETRY = { firstMs: 500, maxMs: 2000 } as const;

/** The pause before the attempt after `failures` failed ones (0, 1, 2, …), doubling up to the cap. */
export function retryDelay(failures: number): number {
  return Math.min(RETRY.firstMs * 2 ** failures, RETRY.maxMs);
}

export interface LiveSocketOptions {
  /** A device token (boards, kiosks); without it the session cookie, if any, says who this is. */
  token?: string | null;
  /** Told on every connect and disconnect. */
  onConnection?: (connected: boolean) => void;
  /** Told when the server refuses the handshake (its reason, e.g. `bad_device_token` for a revoked token). */
  onRefused?: (reason: string) => void;
  /** Where the server is; the page's own origin when left out. */
  url?: string;
}

/** A live connection to the queue-server's realtime events; `close()` ends it for good. */
export class LiveSocket {
  readonly #socket: Socket;
  #dropped = 0;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #closed = false;
  readonly #listeners = new Map<string, ((payload: unknown) => void)[]>();

  constructor(opts: LiveSocketOptions = {}) {
    const settings = {
      path: '/socket.io',
      withCredentials: true,
      auth: opts.token ? { token: opts.token, batch: 1 } : { batch: 1 },
      transports: ['websocket', 'polling'],
      reconnectionDelay: RETRY.firstMs,
      reconnectionDelayMax: RETRY.maxMs,
    };
    const socket = opts.url === undefined ? io(settings) : io(opts.url, settings);
    socket.on('connect', () => {
      this.#dropped = 0;
      opts.onConnection?.(true);
    });
    // a refusal by the server's middleware (not a network failure): socket.io does not try again by itself
    socket.on('connect_error', (err) => {
      if (!socket.active) opts.onRefused?.(err.message);
    });
    socket.on('disconnect', (reason) => {
      opts.onConnection?.(false);
      // For any other reason (network, server gone) socket.io tries again by
      // itself, and it also retries an attempt that fails after this one.
      if (reason === 'io server disconnect' && !this.#closed) this.#askAgain();
    });
    socket.on('batch', (b: { events?: unknown }) => {
      if (!Array.isArray(b?.events)) return;
      for (const e of b.events as unknown[]) {
        if (!Array.isArray(e) || typeof e[0] !== 'string') continue;
        for (const listener of this.#listeners.get(e[0]) ?? []) listener(e[1]);
      }
    });
    this.#socket = socket;
  }

  get connected(): boolean {
    return this.#socket.connected;
  }

  /** Listen for one server event; payloads are as the server's realtime module sends them. */
  on<T = unknown>(event: string, listener: (payload: T) => void): this {
    this.#socket.on(event, listener);
    const list = this.#listeners.get(event) ?? [];
    list.push(listener as (payload: unknown) => void);
    this.#listeners.set(event, list);
    return this;
  }

  /** Ask the server for a fresh `state` snapshot (a screen waking from sleep may have missed events). */
  requestState(): void {
    if (this.#socket.connected) this.#socket.emit('state.request');
  }

  close(): void {
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
    this.#socket.close();
  }

  #askAgain(): void {
    this.#retry = setTimeout(() => {
      this.#retry = null;
      if (!this.#closed) this.#socket.connect();
    }, retryDelay(this.#dropped++));
  }
}
