// Which waiting ticket a counter calls next. Three policies, chosen per centre:
// - fifo: first come, first served; nothing else counts.
// - priority: the priority groups first everywhere, then first come.
// - target (default): aims at the share of visits called within the target
//   wait. Each ticket is "due" when its visit has waited the target. In order:
//   0. priority tickets first: at a priority counter always (by deadline); at
//      any other counter while their field is pressed (pressedFields(): the
//      field's queue shows the hall is late, or that the priority counters are
//      not keeping up), longest waited first;
//   1. anyone who has waited the target + GRACE: nobody waits much longer;
//   2. anyone due within URGENT_MS: called while they can still make it;
//   3. anyone already past due (within the grace);
//   4. the rest — everyone with slack — by earliest deadline, where a priority
//      ticket's deadline comes `priorityAdvanceMinutes` earlier, an
//      appointment's is its booked time, and a counter's weight for a field
//      brings that field forward by (weight − 1) × WEIGHT_STEP_MS.
//   Within 1–3, earliest due first. Steps 2–3 are triage: in a rush, someone
//   just past the target waits (at most GRACE) behind those who can still make
//   it, which the simulator (tests/sim) shows lifts the share within the target
//   above plain first-come order; step 1 bounds what that costs the regular
//   tickets among themselves.
//   Step 0 away from the priority counters (issue 18): in a full hall the two
//   priority counters alone cannot keep up, and a priority ticket whose advance
//   applied only while it had slack waited 26–110 minutes at p95 where strict
//   priority keeps 3–5. Once its field is pressed it is called first at any
//   counter of the field, which holds its p95 near strict priority's and keeps
//   the triage's gain for everyone else. On a day with slack nothing changes:
//   there the jump would cost the share (the ten-seed table in
//   tests/bench/README.md, from tests/sim/aims.ts).
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
/** A field is pressed with this many of its tickets past due… */
export const PRESSED_LATE = 3;
/** …or this many walk-in priority tickets that have waited PRIORITY_SLOW_MS or more (the priority counters are not keeping up), or anyone who has waited the target + grace. */
export const PRESSED_PRIORITY = 2;
export const PRIORITY_SLOW_MS = 60_000;
/**
 * At a priority counter (they serve every field) a regular ticket that has waited
 * this long goes first, before the priority groups: those counters are the hall's
 * pool, and a field short of counters has nobody else (issue 18.2).
 */
export const POOLED_WAIT_MS = 55 * 60_000;
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

/** A ticket with its place in the policy's order (shared with the Picker). */
export interface Ranked<T> {
  t: T;
  /** Lower classes go first: the rule of the header that applies. */
  cls: number;
  key: number;
}

/** `pressed`: whether `t`'s field is pressed at `now` (pressed()); only the target policy reads it. */
export function rank<T extends Candidate>(t: T, counter: CounterRule, p: PolicySettings, now: number, pressed = false): Ranked<T> {
  switch (p.kind) {
    case 'fifo':
      return { t, cls: 0, key: t.enqueuedAt };
    case 'priority':
      return { t, cls: isPriority(t) ? 0 : 1, key: t.enqueuedAt };
    case 'target': {
      if (counter.priority && isPriority(t)) return { t, cls: 0, key: deadline(t, p) };
      const at = due(t, p);
      if (counter.priority && waitStart(t) + POOLED_WAIT_MS <= now) return { t, cls: -1, key: at };
      if (pressed && isPriority(t)) return { t, cls: 0, key: at };
      if (at + graceMs(p) <= now) return { t, cls: 1, key: at };
      if (at > now && at <= now + URGENT_MS) return { t, cls: 2, key: at };
      if (at <= now) return { t, cls: 3, key: at };
      return { t, cls: 4, key: deadline(t, p) - ((counter.weights[t.serviceId] ?? 1) - 1) * WEIGHT_STEP_MS };
    }
  }
}

export function tieBreak(a: Candidate, b: Candidate): number {
  return a.enqueuedAt - b.enqueuedAt || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Negative when `a` is called before `b`. */
export const rankedBefore = <T extends Candidate>(a: Ranked<T>, b: Ranked<T>) => a.cls - b.cls || a.key - b.key || tieBreak(a.t, b.t);

/** Whether `counter` at `now` would call `a` before `b` (both eligible there), `pressed` telling which fields are pressed in the queue they are in. */
export function outranks(a: Candidate, b: Candidate, counter: CounterRule, p: PolicySettings, now: number, pressed: (serviceId: string) => boolean = () => false): boolean {
  return rankedBefore(rank(a, counter, p, now, pressed(a.serviceId)), rank(b, counter, p, now, pressed(b.serviceId))) < 0;
}

const serves = (counter: CounterRule, t: Candidate) => t.status === 'waiting' && counter.serviceIds.includes(t.serviceId);

const eligible = <T extends Candidate>(tickets: readonly T[], counter: CounterRule) => tickets.filter((t) => serves(counter, t));

/** What a field's queue shows at an instant: tickets past due, whether someone has waited the target + grace, walk-in priority tickets waiting PRIORITY_SLOW_MS or more. */
export interface FieldState {
  late: number;
  longLate: boolean;
  priority: number;
}

/** Whether a field with this queue is pressed: the hall is late there, so (target policy) its priority tickets go first at any counter. */
export const isPressed = (f: FieldState) => f.late >= PRESSED_LATE || f.longLate || f.priority >= PRESSED_PRIORITY;

/** The fields of `counter` that are pressed at `now` (none but under the target policy). */
export function pressedFields(tickets: readonly Candidate[], counter: CounterRule, p: PolicySettings, now: number): Set<string> {
  const out = new Set<string>();
  if (p.kind !== 'target') return out;
  const states = new Map<string, FieldState>();
  for (const t of tickets) {
    if (!serves(counter, t)) continue;
    let f = states.get(t.serviceId);
    if (!f) states.set(t.serviceId, (f = { late: 0, longLate: false, priority: 0 }));
    const at = due(t, p);
    if (at <= now) f.late++;
    if (at + graceMs(p) <= now) f.longLate = true;
    if (isPriority(t) && t.bookedAt === null && waitStart(t) + PRIORITY_SLOW_MS <= now) f.priority++;
  }
  for (const [sid, f] of states) if (isPressed(f)) out.add(sid);
  return out;
}

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
// Long after, every field with a ticket is pressed (someone has waited the target + grace).
export const lateClass = (t: Candidate, p: PolicySettings) => rank(t, plain, p, LONG_AFTER, true).cls;

/** The waiting tickets this counter may call, in the order it would call them (at `now`). */
export function orderForCounter<T extends Candidate>(tickets: readonly T[], counter: CounterRule, p: PolicySettings, now?: number): T[] {
  const at = clock(tickets, now);
  const pressed = pressedFields(tickets, counter, p, at);
  return eligible(tickets, counter)
    .map((t) => rank(t, counter, p, at, pressed.has(t.serviceId)))
    .sort(rankedBefore)
    .map((x) => x.t);
}

/** The ticket this counter calls next at `now`, or null. Linear; the plain rule the Picker (picker.ts) is held to — the server calls through orderForCounter, the estimate through the Picker. */
export function pickNext<T extends Candidate>(tickets: readonly T[], counter: CounterRule, p: PolicySettings, now?: number): T | null {
  const at = clock(tickets, now);
  const pressed = pressedFields(tickets, counter, p, at);
  let best: Ranked<T> | null = null;
  for (const t of tickets) {
    if (!serves(counter, t)) continue;
    const r = rank(t, counter, p, at, pressed.has(t.serviceId));
    if (best === null || rankedBefore(r, best) < 0) best = r;
  }
  return best?.t ?? null;
}
