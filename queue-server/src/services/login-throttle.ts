// Sign-in back-off per (username, source address). After `freeFailures`
// failures in a row from one address for one username, that pair waits
// `baseMs`, then twice as long after each further failure, up to `capMs`.
// Other addresses are not affected, so failures sent from one place never shut
// the right password out from another; a success clears only its own pair.
// Unknown usernames are counted like known ones: the back-off tells nothing
// about which accounts exist. Kept in memory: a restart forgets it.

export interface ThrottleOptions {
  freeFailures: number;
  baseMs: number;
  capMs: number;
  /** A pair whose last failure is this old starts again from zero. */
  forgetMs: number;
  /** At most this many pairs are kept; the oldest go first. */
  maxPairs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { freeFailures: 5, baseMs: 1000, capMs: 15 * 60_000, forgetMs: 60 * 60_000, maxPairs: 10_000 };

interface Pair {
  failures: number;
  lastFailureAt: number;
  until: number;
  /** The current wait was already written to the audit log. */
  noted: boolean;
}

export class LoginThrottle {
  private readonly pairs = new Map<string, Pair>();

  constructor(private readonly opts: ThrottleOptions = DEFAULT_THROTTLE) {}

  private static key = (username: string, address: string) => `${username}\n${address}`;

  /** How long the pair must still wait before its next try is checked (0: it may try now). */
  wait(username: string, address: string, now: number): number {
    const p = this.pairs.get(LoginThrottle.key(username, address));
    return p && p.until > now ? p.until - now : 0;
  }

  /** True the first time a refused try of the current wait is seen (so the audit log gets one line per wait). */
  firstRefusal(username: string, address: string): boolean {
    const p = this.pairs.get(LoginThrottle.key(username, address));
    if (!p || p.noted) return false;
    p.noted = true;
    return true;
  }

  /** Counts a failure; answers the wait it now imposes on the pair (0 while under the free failures). */
  failed(username: string, address: string, now: number): number {
    const key = LoginThrottle.key(username, address);
    const old = this.pairs.get(key);
    const failures = old && now - old.lastFailureAt < this.opts.forgetMs ? old.failures + 1 : 1;
    const over = failures - this.opts.freeFailures;
    const waitMs = over < 0 ? 0 : Math.min(this.opts.capMs, this.opts.baseMs * 2 ** Math.min(over, 40));
    this.pairs.delete(key);
    this.pairs.set(key, { failures, lastFailureAt: now, until: now + waitMs, noted: false });
    if (this.pairs.size > this.opts.maxPairs) this.pairs.delete(this.pairs.keys().next().value!);
    return waitMs;
  }

  succeeded(username: string, address: string): void {
    this.pairs.delete(LoginThrottle.key(username, address));
  }

  /** Forgets every address's failures for a username (an admin's unlock); answers how many pairs there were. */
  clear(username: string): number {
    let n = 0;
    for (const key of this.pairs.keys()) {
      if (key.slice(0, key.indexOf('\n')) === username) {
        this.pairs.delete(key);
        n++;
      }
    }
    return n;
  }
}
