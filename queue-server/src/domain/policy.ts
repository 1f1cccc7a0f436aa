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

/** The class (rank's rule) a ticket falls in at a plain counter long after everyone's target; within one, lane order holds. */
const lateClass = (t: Candidate, p: PolicySettings) => rank(t, plain, p, LONG_AFTER).cls;

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
      g.forEach((items, kind) => {
        if (items.length === 0) return;
        const byDeadline = kind & 1 ? new Lane([...items], byDeadlineKey) : null;
        sets.push({ kind, byDue: new Lane(items, byDueKey), byDeadline, priority: kind >= 2 });
      });
      this.lanes.set(sid, sets);
    }
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
