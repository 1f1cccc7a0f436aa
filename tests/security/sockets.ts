// socket.io helpers for the security tests: connect, wait for one event, record everything.
import { io, type Socket } from 'socket.io-client';

export interface Recorder {
  socket: Socket;
  /** Every event received, in order, with its payload. */
  events: { name: string; payload: unknown }[];
  next<T>(event: string, pred?: (x: T) => boolean, ms?: number): Promise<T>;
  close(): void;
}

export function connect(url: string, opts: { token?: unknown; cookie?: string } = {}): Recorder {
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    ...(opts.token !== undefined ? { auth: { token: opts.token } } : {}),
    ...(opts.cookie ? { extraHeaders: { cookie: opts.cookie } } : {}),
  });
  const events: Recorder['events'] = [];
  socket.onAny((name: string, payload: unknown) => events.push({ name, payload }));
  return {
    socket,
    events,
    next: <T>(event: string, pred: (x: T) => boolean = () => true, ms = 10_000) =>
      new Promise<T>((resolve, reject) => {
        const seen = events.find((e) => e.name === event && pred(e.payload as T));
        if (seen) return resolve(seen.payload as T);
        const timer = setTimeout(() => {
          socket.off(event, on);
          reject(new Error(`no ${event} within ${ms} ms`));
        }, ms);
        const on = (x: T) => {
          if (!pred(x)) return;
          clearTimeout(timer);
          socket.off(event, on);
          resolve(x);
        };
        socket.on(event, on);
      }),
    close: () => socket.close(),
  };
}

/** How a connection attempt ends: 'connected' or the connect_error message. */
export function outcome(r: Recorder, ms = 10_000): Promise<string> {
  return new Promise((resolve) => {
    if (r.socket.connected) return resolve('connected');
    const timer = setTimeout(() => resolve('timeout'), ms);
    r.socket.once('connect', () => {
      clearTimeout(timer);
      resolve('connected');
    });
    r.socket.once('connect_error', (e: Error) => {
      clearTimeout(timer);
      resolve(e.message);
    });
  });
}
