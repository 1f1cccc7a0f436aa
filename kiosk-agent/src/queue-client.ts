/**
 * Calls to the queue-server. Reports that must arrive (health, print results) are retried with
 * exponential backoff while the server is unreachable or failing (5xx, 408, 429); a 4xx answer
 * is final. Nothing here throws to the caller: the agent keeps running whatever the server does.
 */

export type Logger = { info(msg: string): void; warn(msg: string): void };

export type PostResult = { ok: true; status: number; body: unknown } | { ok: false; status: number | null; error: string };

export type QueueClientOptions = {
  baseUrl: string;
  logger: Logger;
  /** first retry delay; doubles up to maxDelayMs */
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
};

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });

export class QueueClient {
  private readonly closing = new AbortController();
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly timeoutMs: number;
  private inFlight = new Set<Promise<unknown>>();

  constructor(private readonly opts: QueueClientOptions) {
    this.baseDelayMs = opts.baseDelayMs ?? 500;
    this.maxDelayMs = opts.maxDelayMs ?? 30_000;
    this.timeoutMs = opts.timeoutMs ?? 5_000;
  }

  /** One attempt. */
  async post(path: string, token: string, body: unknown): Promise<PostResult> {
    try {
      const res = await fetch(new URL(path, this.opts.baseUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
        signal: AbortSignal.any([AbortSignal.timeout(this.timeoutMs), this.closing.signal]),
      });
      const text = await res.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = text;
      }
      if (res.ok) return { ok: true, status: res.status, body: parsed };
      return { ok: false, status: res.status, error: text.slice(0, 300) };
    } catch (e) {
      return { ok: false, status: null, error: e instanceof Error ? e.message : String(e) };
    }
  }

  /**
   * Retries until it gets through, a final answer comes back, `isStale()` says a newer report
   * replaced this one, or the agent closes.
   */
  deliver(path: string, token: string, body: () => unknown, isStale: () => boolean = () => false): Promise<PostResult> {
    const run = async (): Promise<PostResult> => {
      let delay = this.baseDelayMs;
      for (let attempt = 1; ; attempt++) {
        const r = await this.post(path, token, body());
        const retriable = !r.ok && (r.status === null || r.status >= 500 || r.status === 408 || r.status === 429);
        if (!retriable || this.closing.signal.aborted || isStale()) {
          if (!r.ok) this.opts.logger.warn(`POST ${path} failed (${r.status ?? 'network'}): ${r.error}`);
          return r;
        }
        if (attempt === 1) this.opts.logger.warn(`POST ${path}: ${r.status ?? r.error}; retrying with backoff`);
        await sleep(delay, this.closing.signal);
        delay = Math.min(delay * 2, this.maxDelayMs);
      }
    };
    const p = run();
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
    return p;
  }

  async close(): Promise<void> {
    this.closing.abort();
    await Promise.allSettled([...this.inFlight]);
  }
}
