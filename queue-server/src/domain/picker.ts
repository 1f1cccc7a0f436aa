// The Picker: the calling policy's choices (policy.ts) over a shrinking set of
// waiting tickets, indexed so the estimate's forward run (estimate.ts) can ask
// once per simulated call without scanning the whole queue.
import { rankedBefore, deadline, due, graceMs, isPressed, isPriority, lateClass, PRIORITY_SLOW_MS, rank, tieBreak, URGENT_MS, waitStart, type Candidate, type CounterRule, type PolicySettings, type Ranked } from './policy.ts';

interface LaneSet<T extends Candidate> {
  /** Which of its field's sets (Picker.kind). */
  kind: number;
  byDue: Lane<T>;
  /** Booked tickets (target policy) also by deadline: their booked times follow no due order. */
  byDeadline: Lane<T> | null;
  priority: boolean;
}

/** One field's tickets of one kind, sorted so each range of the policy's order starts at its first live ticket. */
class Lane<T extends Candidate> {
  readonly items: T[];
  private readonly keys: number[];
  private readonly dead: Uint8Array;
  /** The positions marked gone, in the order they went. */
  private readonly killed: number[] = [];
  /** Skip pointers over removed tickets (path-compressed). */
  private readonly next: Int32Array;
  /** Sorts `items` in place: the lane owns the array. */
  constructor(
    items: T[],
    private readonly sortKey: (t: T) => number,
  ) {
    this.items = items.sort((a, b) => sortKey(a) - sortKey(b) || tieBreak(a, b));
    this.keys = this.items.map(sortKey);
    this.dead = new Uint8Array(items.length);
    this.next = new Int32Array(items.length);
    for (let i = 0; i < items.length; i++) this.next[i] = i + 1;
  }
  /** Where `t` is or would be in lane order: how many of the lane's tickets come before it. */
  private position(t: T): number {
    const key = this.sortKey(t);
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! - key < 0 || (this.keys[mid] === key && tieBreak(this.items[mid]!, t) < 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** Marks `t` gone (nothing happens if it is not here). */
  kill(t: T): void {
    const i = this.position(t);
    if (this.items[i] !== t || this.dead[i]) return;
    this.dead[i] = 1;
    this.killed.push(i);
  }
  /** Whether `t` (by id) is here and not gone. */
  has(t: Candidate): boolean {
    const i = this.position(t as T);
    return this.items[i]?.id === t.id && !this.dead[i];
  }
  /** Live tickets of the lane. */
  get live(): number {
    return this.items.length - this.killed.length;
  }
  /** Live tickets whose key is at most `key`. */
  liveUpTo(key: number): number {
    const i = this.upperBound(key);
    let gone = 0;
    // Bounded by the run's calls, not the queue.
    for (const k of this.killed) if (k < i) gone++;
    return i - gone;
  }
  /** Live tickets that come before `t` in lane order (`t` need not be here). */
  liveBefore(t: Candidate): number {
    const i = this.position(t as T);
    let gone = 0;
    // Bounded by the run's calls, not the queue.
    for (const k of this.killed) if (k < i) gone++;
    return i - gone;
  }
  private alive(i: number): number {
    let r = i;
    while (r < this.items.length && this.dead[r]) r = this.next[r]!;
    // Compress the path walked.
    while (i < r && this.dead[i]) {
      const n = this.next[i]!;
      this.next[i] = r;
      i = n;
    }
    return r;
  }
  /** The first live ticket, in lane order, due after `instant` (walks past the others). */
  firstDueAfter(instant: number, p: PolicySettings): T | null {
    // Bounded by the lane's length.
    for (let i = this.alive(0); i < this.items.length; i = this.alive(i + 1)) if (due(this.items[i]!, p) > instant) return this.items[i]!;
    return null;
  }
  /** The first live ticket whose key is in (from, to], or null. */
  first(from: number, to: number): T | null {
    const i = this.alive(from === -Infinity ? 0 : this.upperBound(from));
    return i < this.items.length && this.keys[i]! <= to ? this.items[i]! : null;
  }
  private upperBound(key: number): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! <= key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * The policy's choices over a shrinking set of waiting tickets, fast: what a
 * forward simulation (estimate.ts) asks of it once per simulated call. Tickets
 * sit in lanes — one field, regular or priority, walk-in or booked — sorted by
 * due time (arrival under fifo and priority), so at any instant each lane's
 * best ticket is the first live one of at most four ranges of due time. Booked
 * tickets, whose deadlines (booked times) follow no due order, have a second
 * lane sorted by deadline for the last range. It answers as pickNext does (a
 * property test holds it to that) in about O(lanes × log n) instead of O(n).
 */
export class Picker<T extends Candidate> {
  /** Per field, its lane sets: one for each kind (see kind()) it has tickets of. */
  private readonly lanes = new Map<string, LaneSet<T>[]>();

  /**
   * `arrivals`: some tickets arrive later (their enqueuedAt is ahead of the run's
   * clock: the expected arrivals of estimate-arrivals.ts); a pick sees only those
   * that have arrived by its instant. They are walk-ins with no earlier wait, so
   * within a lane the arrived ones are exactly those whose key is at most
   * arrivedBy(now).
   */
  constructor(
    tickets: readonly T[],
    private readonly p: PolicySettings,
    private readonly arrivals = false,
  ) {
    const groups = new Map<string, T[][]>();
    for (const t of tickets) {
      if (t.status !== 'waiting') continue;
      let g = groups.get(t.serviceId);
      if (!g) groups.set(t.serviceId, (g = [[], [], [], []]));
      g[this.kind(t)]!.push(t);
    }
    const byDueKey = p.kind === 'target' ? (t: T) => due(t, p) : (t: T) => t.enqueuedAt;
    const byDeadlineKey = (t: T) => deadline(t, p);
    for (const [sid, g] of groups) {
      const sets: LaneSet<T>[] = [];
      g.forEach((items, kind) => {
        if (items.length === 0) return;
        const byDeadline = kind & 1 ? new Lane([...items], byDeadlineKey) : null;
        sets.push({ kind, byDue: new Lane(items, byDueKey), byDeadline, priority: kind >= 2 });
      });
      this.lanes.set(sid, sets);
    }
  }

  /** The largest lane key (byDue) of a ticket that has arrived by `now`. */
  private arrivedBy(now: number): number {
    if (!this.arrivals) return Infinity;
    return this.p.kind === 'target' ? now + this.p.targetWaitMinutes * 60_000 : now;
  }

  /** Which lane set of its field a ticket sits in: regular or priority (×2), walk-in or booked (+1, target policy only). */
  private kind(t: Candidate): number {
    return (isPriority(t) ? 2 : 0) + (this.p.kind === 'target' && t.bookedAt !== null ? 1 : 0);
  }

  /**
   * How many of `t`'s field's tickets still here a plain counter of the field
   * (no priority, no weights) calls before `t` once everyone is long overdue —
   * how a queue drains past the estimate's horizon (`t` need not be here).
   * Within a lane that order is the lane's own, so it is counted by binary
   * search, not by sorting the field.
   */
  countBefore(t: Candidate): number {
    const mine = lateClass(t, this.p);
    let n = 0;
    for (const { byDue } of this.lanes.get(t.serviceId) ?? []) {
      const theirs = lateClass(byDue.items[0]!, this.p);
      n += theirs < mine ? byDue.live : theirs === mine ? byDue.liveBefore(t) : 0;
    }
    return n;
  }

  /** The lane set `t` belongs in, if its field has any tickets of its kind. */
  private setOf(t: Candidate): LaneSet<T> | undefined {
    const kind = this.kind(t);
    // A plain loop over at most four: this runs once per simulated call.
    for (const s of this.lanes.get(t.serviceId) ?? []) if (s.kind === kind) return s;
    return undefined;
  }

  /** Whether `t` (by id) is still here. */
  has(t: Candidate): boolean {
    return this.setOf(t)?.byDue.has(t) ?? false;
  }

  remove(t: T): void {
    const set = this.setOf(t);
    set?.byDue.kill(t);
    set?.byDeadline?.kill(t);
  }

  /**
   * Whether `serviceId` is pressed at `now` (policy.ts, pressedFields) with the
   * tickets still here, and `extra` (a ticket of that field not here) if given.
   */
  pressed(serviceId: string, now: number, extra?: Candidate): boolean {
    if (this.p.kind !== 'target') return false;
    const g = graceMs(this.p);
    const f = { late: 0, longLate: false, priority: 0 };
    if (extra) {
      const at = due(extra, this.p);
      if (at <= now) f.late++;
      if (at + g <= now) f.longLate = true;
      if (isPriority(extra) && extra.bookedAt === null && waitStart(extra) + PRIORITY_SLOW_MS <= now) f.priority++;
    }
    // Waited PRIORITY_SLOW_MS or more: due no later than that much before the target from now.
    const slow = now - PRIORITY_SLOW_MS + this.p.targetWaitMinutes * 60_000;
    for (const { kind, byDue } of this.lanes.get(serviceId) ?? []) {
      f.late += byDue.liveUpTo(now);
      if (byDue.first(-Infinity, now - g)) f.longLate = true;
      // Walk-in priority tickets only (kind 2); under the target policy booked ones have lanes of their own.
      if (kind === 2) f.priority += byDue.liveUpTo(slow);
    }
    return isPressed(f);
  }

  /** What pickNext(tickets still here, counter, policy, now) would return. */
  pick(counter: CounterRule, now: number): T | null {
    // Plain loops, no closures: this runs once per simulated call.
    const found: (T | null)[] = [];
    const g = graceMs(this.p);
    const soon = now + URGENT_MS;
    const pressed = new Set<string>();
    const by = this.arrivedBy(now);
    for (const sid of counter.serviceIds) {
      const lanes = this.lanes.get(sid);
      if (!lanes) continue;
      const hot = this.pressed(sid, now);
      if (hot) pressed.add(sid);
      for (const { byDue, byDeadline, priority } of lanes) {
        if (this.p.kind !== 'target') {
          found.push(byDue.first(-Infinity, by));
        } else if (counter.priority && priority) {
          // A priority ticket at a priority counter ranks by its deadline alone (booked ones have all arrived).
          found.push(byDeadline ? byDeadline.first(-Infinity, Infinity) : byDue.first(-Infinity, by));
        } else if (hot && priority) {
          // In a pressed field a priority ticket ranks first anywhere, by due.
          found.push(byDue.first(-Infinity, by));
        } else {
          // The ranges of rank(): long past due, past due, about to be due, the rest (by deadline).
          found.push(byDue.first(-Infinity, now - g), byDue.first(now - g, now), byDue.first(now, Math.min(soon, by)));
          found.push(byDeadline ? byDeadline.firstDueAfter(soon, this.p) : byDue.first(soon, by));
        }
      }
    }
    let best: Ranked<T> | null = null;
    for (const t of found) {
      if (t === null) continue;
      const r = rank(t, counter, this.p, now, pressed.has(t.serviceId));
      if (best === null || rankedBefore(r, best) < 0) best = r;
    }
    return best?.t ?? null;
  }
}
