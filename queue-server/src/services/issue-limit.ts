// How many tickets one source address may take without a kiosk's device token
// (the `mobile` channel, a phone on the centre's Wi-Fi): a few in a sliding
// window and a cap per centre day, so a script on the network cannot use up a
// field's daily capacity or flood the staff's lists. Kiosks (device token) and
// staff are not counted. Kept in memory: a restart forgets the counts, which
// only ever lets a citizen take a number sooner.
import { dayKey, dayStart } from '../domain/index.ts';

export interface IssueLimits {
  /** Tickets per address in any window of `windowMs` (0: no limit). */
  perWindow: number;
  windowMs: number;
  /** Tickets per address per centre day (0: no limit). */
  perDay: number;
}

export const DEFAULT_ISSUE_LIMITS: Readonly<IssueLimits> = { perWindow: 5, windowMs: 10 * 60_000, perDay: 20 };

/** Addresses tracked at most; past it, a new address is refused until old windows expire (fail closed). */
const MAX_ADDRESSES = 50_000;

export type LimitVerdict = { ok: true } | { ok: false; reason: 'window' | 'day'; retryAfterSeconds: number };

/**
 * The key of an address: an IPv4-mapped IPv6 address is its IPv4 address, and
 * an IPv6 address counts by its /64 (one device picks any address inside it).
 */
export function addressKey(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export class IssueLimiter {
  private readonly recent = new Map<string, number[]>();
  private readonly today = new Map<string, number>();
  private day = '';

  constructor(
    private readonly limits: Readonly<IssueLimits>,
    private readonly now: () => number,
  ) {}

  /** Counts one ticket for the address, or refuses it and says when to try again. */
  take(ip: string): LimitVerdict {
    const now = this.now();
    const key = addressKey(ip);
    const day = dayKey(now);
    if (day !== this.day) {
      this.day = day;
      this.today.clear();
    }
    const { perWindow, windowMs, perDay } = this.limits;
    const times = (this.recent.get(key) ?? []).filter((t) => t > now - windowMs);
    const count = this.today.get(key) ?? 0;
    if (perDay > 0 && count >= perDay) return { ok: false, reason: 'day', retryAfterSeconds: this.secondsToTomorrow(now) };
    if (perWindow > 0 && times.length >= perWindow) return { ok: false, reason: 'window', retryAfterSeconds: Math.max(1, Math.ceil((times[0]! + windowMs - now) / 1000)) };
    if (!this.recent.has(key) && this.recent.size >= MAX_ADDRESSES && !this.sweep(now)) {
      return { ok: false, reason: 'window', retryAfterSeconds: Math.ceil(windowMs / 1000) };
    }
    times.push(now);
    this.recent.set(key, times);
    this.today.set(key, count + 1);
    return { ok: true };
  }

  /** Forgets the addresses whose window is over; whether that made room. */
  private sweep(now: number): boolean {
    for (const [key, times] of this.recent) {
      if (times.every((t) => t <= now - this.limits.windowMs)) this.recent.delete(key);
    }
    return this.recent.size < MAX_ADDRESSES;
  }

  private secondsToTomorrow(now: number): number {
    // Viet Nam keeps UTC+7 all year: every day is 24 hours long.
    return Math.max(1, Math.ceil((dayStart(this.day) + 86_400_000 - now) / 1000));
  }
}
