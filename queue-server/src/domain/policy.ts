// Which waiting ticket a counter calls next. Three policies, chosen per centre:
// - fifo: first come, first served; nothing else counts.
// - priority: the priority groups first everywhere, then first come.
// - target (default): aims at the share of visits called within the target
//   wait. Each ticket is "due" when its visit has waited the target. In order:
//   1. at a priority counter, priority tickets first;
//   2. anyone who has waited the target + GRACE: nobody waits much longer;
//   3. anyone due within URGENT_MS: called while they can still make it;
//   4. anyone already past due (within the grace);
//   5. the rest — everyone with slack — by earliest deadline, where a priority
//      ticket's deadline comes `priorityAdvanceMinutes` earlier, an
//      appointment's is its booked time, and a counter's weight for a field
//      brings that field forward by (weight − 1) × WEIGHT_STEP_MS.
//   Within 2–4, earliest due first. Steps 3–4 are triage: in a rush, someone
//   just past the target waits (at most GRACE) behind those who can still make
//   it, which the simulator (tests/sim) shows lifts the share within the target
//   above plain first-come order; step 2 bounds what that costs anyone.
import type { Ticket } from './types.ts';

export type PolicyKind = 'fifo' | 'priority' | 'target';

export interface PolicySettings {
  kind: PolicyKind;
  targetWaitMinutes: number;
  priorityAdvanceMinutes: number;
}

export interface CounterRule {
  id: string;
  serviceIds: readonly string[];
  priority: boolean;
  weights: Readonly<Record<string, number>>;
}

export type Candidate = Pick<
  Ticket,
  'id' | 'number' | 'serviceId' | 'status' | 'priorityCategoryId' | 'enqueuedAt' | 'arrivedAt' | 'priorWaitMs' | 'bookedAt'
>;

export const WEIGHT_STEP_MS = 2 * 60_000;
/** The last stretch before the target in which a ticket is saved before anyone with slack. */
export const URGENT_MS = 5 * 60_000;

export const isPriority = (t: Candidate) => t.priorityCategoryId !== null;

/** The instant a ticket's wait is measured from: its visit's wait so far counts. */
export const waitStart = (t: Candidate) => t.enqueuedAt - t.priorWaitMs;

/** When this ticket's visit will have waited the target. */
export const due = (t: Candidate, p: PolicySettings) => waitStart(t) + p.targetWaitMinutes * 60_000;

/** How long past due the triage may keep someone waiting: as long again as the target. */
export const graceMs = (p: PolicySettings) => p.targetWaitMinutes * 60_000;

/** The moment the target policy wants this ticket called by while everyone has slack. */
export function deadline(t: Candidate, p: PolicySettings): number {
  if (t.bookedAt !== null) return Math.max(t.bookedAt, t.enqueuedAt);
  const advance = isPriority(t) ? p.priorityAdvanceMinutes * 60_000 : 0;
  return waitStart(t) + p.targetWaitMinutes * 60_000 - advance;
}

interface Ranked<T> {
  t: T;
  /** Lower classes go first: the rule of the header that applies. */
  cls: number;
  key: number;
}

function rank<T extends Candidate>(t: T, counter: CounterRule, p: PolicySettings, now: number): Ranked<T> {
  switch (p.kind) {
    case 'fifo':
      return { t, cls: 0, key: t.enqueuedAt };
    case 'priority':
      return { t, cls: isPriority(t) ? 0 : 1, key: t.enqueuedAt };
    case 'target': {
      if (counter.priority && isPriority(t)) return { t, cls: 0, key: deadline(t, p) };
      const at = due(t, p);
      if (at + graceMs(p) <= now) return { t, cls: 1, key: at };
      if (at > now && at <= now + URGENT_MS) return { t, cls: 2, key: at };
      if (at <= now) return { t, cls: 3, key: at };
      return { t, cls: 4, key: deadline(t, p) - ((counter.weights[t.serviceId] ?? 1) - 1) * WEIGHT_STEP_MS };
    }
  }
}

function tieBreak(a: Candidate, b: Candidate): number {
  return a.enqueuedAt - b.enqueuedAt || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const before = <T extends Candidate>(a: Ranked<T>, b: Ranked<T>) => a.cls - b.cls || a.key - b.key || tieBreak(a.t, b.t);

/** Whether `counter` at `now` would call `a` before `b` (both eligible there). */
export function outranks(a: Candidate, b: Candidate, counter: CounterRule, p: PolicySettings, now: number): boolean {
  return before(rank(a, counter, p, now), rank(b, counter, p, now)) < 0;
}

const eligible = <T extends Candidate>(tickets: readonly T[], counter: CounterRule) =>
  tickets.filter((t) => t.status === 'waiting' && counter.serviceIds.includes(t.serviceId));

/**
 * The instant the target policy judges "due" against. Callers should pass the
 * clock; without it the latest arrival among the tickets stands in (a lower
 * bound of now, so urgency is noticed at worst a little late).
 */
function clock(tickets: readonly Candidate[], now: number | undefined): number {
  if (now !== undefined) return now;
  let latest = -Infinity;
  for (const t of tickets) latest = Math.max(latest, t.enqueuedAt);
  return latest;
}

/** A counter of one field with no priority and no weights: the order a field's queue drains in, long past due. */
const plain: CounterRule = { id: '', serviceIds: [], priority: false, weights: {} };
/** An instant by which every ticket is long past due. */
export const LONG_AFTER = Number.MAX_SAFE_INTEGER;

/** Whether `a` goes before `b` (negative) in a field's queue once everyone is long past due. */
export const lateOrder = (a: Candidate, b: Candidate, p: PolicySettings) => before(rank(a, plain, p, LONG_AFTER), rank(b, plain, p, LONG_AFTER));

/** The waiting tickets this counter may call, in the order it would call them (at `now`). */
export function orderForCounter<T extends Candidate>(tickets: readonly T[], counter: CounterRule, p: PolicySettings, now?: number): T[] {
  const at = clock(tickets, now);
  return eligible(tickets, counter)
    .map((t) => rank(t, counter, p, at))
    .sort(before)
    .map((x) => x.t);
}

/** The ticket this counter calls next at `now`, or null. Linear: the hot path of calls and estimates. */
export function pickNext<T extends Candidate>(tickets: readonly T[], counter: CounterRule, p: PolicySettings, now?: number): T | null {
  const at = clock(tickets, now);
  let best: Ranked<T> | null = null;
  for (const t of tickets) {
    if (t.status !== 'waiting' || !counter.serviceIds.includes(t.serviceId)) continue;
    const r = rank(t, counter, p, at);
    if (best === null || before(r, best) < 0) best = r;
  }
  return best?.t ?? null;
}

interface LaneSet<T extends Candidate> {
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
    this.next = Int32Array.from(items, (_, i) => i + 1);
  }
  /** Marks `t` gone, found by binary search in lane order (nothing happens if it is not here). */
  kill(t: T): void {
    const key = this.sortKey(t);
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! - key < 0 || (this.keys[mid] === key && tieBreak(this.items[mid]!, t) < 0)) lo = mid + 1;
      else hi = mid;
    }
    if (this.items[lo] === t) this.dead[lo] = 1;
  }
  /** Appends the live tickets, in lane order, to `out`. */
  live(out: T[]): void {
    for (let i = this.alive(0); i < this.items.length; i = this.alive(i + 1)) out.push(this.items[i]!);
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
  private readonly lanes = new Map<string, LaneSet<T>[]>();
  /** Per field, its lane set of each kind (see kind()). */
  private readonly kinds = new Map<string, (LaneSet<T> | undefined)[]>();

  constructor(
    tickets: readonly T[],
    private readonly p: PolicySettings,
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
      const kinds: (LaneSet<T> | undefined)[] = [];
      g.forEach((items, k) => {
        if (items.length === 0) return;
        const byDeadline = k & 1 ? new Lane([...items], byDeadlineKey) : null;
        const set = { byDue: new Lane(items, byDueKey), byDeadline, priority: k >= 2 };
        sets.push(set);
        kinds[k] = set;
      });
      this.lanes.set(sid, sets);
      this.kinds.set(sid, kinds);
    }
  }

  /** Which lane set of its field a ticket sits in: regular or priority (×2), walk-in or booked (+1, target policy only). */
  private kind(t: Candidate): number {
    return (isPriority(t) ? 2 : 0) + (this.p.kind === 'target' && t.bookedAt !== null ? 1 : 0);
  }

  /**
   * A field's tickets still here, in the order a plain counter of that field
   * (no priority, no weights) calls them once all are long overdue: how a
   * queue drains past the estimate's horizon.
   */
  remaining(serviceId: string): T[] {
    const out: T[] = [];
    for (const { byDue } of this.lanes.get(serviceId) ?? []) byDue.live(out);
    // The lanes are each in this order already: the sort merges runs.
    return out.sort(this.lateOrder);
  }

  /** How many of `sorted` (as `remaining` gives them) come before `t`. */
  placeAmong(sorted: readonly T[], t: T): number {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lateOrder(sorted[mid]!, t) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private readonly lateOrder = (a: T, b: T) => lateOrder(a, b, this.p);

  remove(t: T): void {
    const set = this.kinds.get(t.serviceId)?.[this.kind(t)];
    set?.byDue.kill(t);
    set?.byDeadline?.kill(t);
  }

  /** What pickNext(tickets still here, counter, policy, now) would return. */
  pick(counter: CounterRule, now: number): T | null {
    // Plain loops, no closures: this runs once per simulated call.
    const found: (T | null)[] = [];
    const g = graceMs(this.p);
    const soon = now + URGENT_MS;
    for (const sid of counter.serviceIds) {
      const lanes = this.lanes.get(sid);
      if (!lanes) continue;
      for (const { byDue, byDeadline, priority } of lanes) {
        if (this.p.kind !== 'target') {
          found.push(byDue.first(-Infinity, Infinity));
        } else if (counter.priority && priority) {
          // A priority ticket at a priority counter ranks by its deadline alone.
          found.push((byDeadline ?? byDue).first(-Infinity, Infinity));
        } else {
          // The ranges of rank(): long past due, past due, about to be due, the rest (by deadline).
          found.push(byDue.first(-Infinity, now - g), byDue.first(now - g, now), byDue.first(now, soon));
          found.push(byDeadline ? byDeadline.firstDueAfter(soon, this.p) : byDue.first(soon, Infinity));
        }
      }
    }
    let best: Ranked<T> | null = null;
    for (const t of found) {
      if (t === null) continue;
      const r = rank(t, counter, this.p, now);
      if (best === null || before(r, best) < 0) best = r;
    }
    return best?.t ?? null;
  }
}
