/**
 * A printer on a byte stream (TCP socket or serial port): opened on demand, reopened after an
 * error, and status answers matched to queries in order because ESC/POS answers carry no id.
 */
import type { Duplex } from 'node:stream';
import { statusQuery } from '../escpos.ts';

export type Opener = () => Promise<Duplex>;

export class StreamConnection {
  private stream: Duplex | null = null;
  private opening: Promise<Duplex> | null = null;
  private waiters: ((b: number | null) => void)[] = [];
  /** A serial port cannot be reopened until the old handle has really closed. */
  private closing: Promise<void> = Promise.resolve();

  /**
   * @param resetOnTimeout drop the connection after an unanswered query (TCP: the printer may be
   * gone and a late answer must not be taken for the next one). A serial line stays open: the
   * port is still there, and answers that come late find no waiter and are dropped.
   */
  constructor(
    private readonly open: Opener,
    private readonly resetOnTimeout = true,
  ) {}

  private async get(): Promise<Duplex> {
    if (this.stream) return this.stream;
    this.opening ??= this.closing.then(this.open).then(
      (s) => {
        this.stream = s;
        this.opening = null;
        s.on('data', (chunk: Buffer) => {
          for (const b of chunk) this.waiters.shift()?.(b);
        });
        const drop = () => {
          if (this.stream === s) this.stream = null;
          for (const w of this.waiters.splice(0)) w(null);
        };
        s.on('error', drop);
        s.on('close', drop);
        return s;
      },
      (e: unknown) => {
        this.opening = null;
        throw e;
      },
    );
    return this.opening;
  }

  async write(data: Uint8Array): Promise<void> {
    const s = await this.get();
    await new Promise<void>((resolve, reject) => {
      s.write(data, (err) => (err ? reject(err) : resolve()));
    });
  }

  async query(n: 1 | 2 | 4, timeoutMs: number): Promise<number | null> {
    let s: Duplex;
    try {
      s = await this.get();
    } catch {
      return null;
    }
    return new Promise<number | null>((resolve) => {
      const waiter = (b: number | null) => {
        clearTimeout(timer);
        resolve(b);
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        if (this.resetOnTimeout) this.reset();
        resolve(null);
      }, timeoutMs);
      this.waiters.push(waiter);
      s.write(Uint8Array.from(statusQuery(n)));
    });
  }

  reset(): void {
    const s = this.stream;
    this.stream = null;
    if (!s) return;
    this.closing = new Promise<void>((resolve) => {
      if (s.closed) return resolve();
      const timer = setTimeout(resolve, 1000);
      s.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      s.destroy();
    });
  }

  async close(): Promise<void> {
    this.reset();
    await this.closing;
  }
}
