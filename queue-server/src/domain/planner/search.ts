// Runs simulated days on the real engine (pickNext, transition) and reads, per
// group of fields and local hour of arrival, how many citizens were called
// within the target; then searches, hour by hour, the fewest counters a group
// needs for the service level. A group's counters serve all of its fields: one
// field alone gives the field's need, every field together the centre's need
// with perfectly shared counters (what no calling policy can beat). Generators:
// each simulated day is a step, so the server can run a plan between requests.
import type { CenterConfig, Counter } from '@mot-cua/config';
import { dayStart, minuteOfDay, type PolicySettings } from '../index.ts';
import { runDay } from '../daysim/engine.ts';
import type { Visit } from '../daysim/visits.ts';

const MIN = 60_000;
/** A group's need in an hour is searched no further than this many counters. */
export const MAX_COUNTERS = 60;
const MAX_ROUNDS = 40;

export interface SimDay {
  config: CenterConfig;
  policy: PolicySettings;
  date: string;
  /** The open local hours of the day, in order. */
  hours: readonly number[];
  /** Each replicate day's citizens (the same date, drawn with different seeds). */
  days: readonly (readonly Visit[])[];
}

/** Per key (a field or a group) and local hour: arrivals over all replicate days and how many were called within the target. */
export type Tally = Map<string, Map<number, { n: number; within: number }>>;

/** Runs the replicate days on `counters`, with their hourly openings `changes`, tallied by `keyOf(serviceId)`. */
export function* simulate(sim: SimDay, counters: readonly Counter[], changes: readonly { counterId: string; at: number; status: 'open' | 'closed' }[], keyOf: (serviceId: string) => string): Generator<void, Tally> {
  const targetMs = sim.policy.targetWaitMinutes * MIN;
  const tally: Tally = new Map();
  for (const visits of sim.days) {
    const run = runDay({ config: { ...sim.config, counters: [...counters] }, visits, changes, policy: sim.policy, estimates: false });
    for (const t of run.tickets.values()) {
      const key = keyOf(t.serviceId);
      const hour = Math.floor(minuteOfDay(t.arrivedAt) / 60);
      const byHour = tally.get(key) ?? new Map<number, { n: number; within: number }>();
      const cell = byHour.get(hour) ?? { n: 0, within: 0 };
      const calledAt = t.waitEndAt ?? t.calledAt;
      cell.n++;
      if (calledAt !== null && calledAt - t.arrivedAt <= targetMs) cell.within++;
      byHour.set(hour, cell);
      tally.set(key, byHour);
    }
    // One simulated day is a step: the caller may let other work run between them.
    yield;
  }
  return tally;
}

/**
 * The fewest counters serving `serviceIds` in each open hour for `level` of that hour's
 * arrivals to be called within the target, starting from the load (arrivals × service ÷ 60)
 * and adding one counter to every hour short of the level until none is. An hour without
 * arrivals keeps the hour before's counters (they finish the hall). Hours with no demand
 * come back as 0.
 */
export function* needOf(sim: SimDay, serviceIds: readonly string[], loadPerHour: ReadonlyMap<number, number>, level: number): Generator<void, Map<number, number>> {
  const need = new Map<number, number>();
  for (const h of sim.hours) if ((loadPerHour.get(h) ?? 0) > 0) need.set(h, Math.min(MAX_COUNTERS, Math.max(1, Math.ceil(loadPerHour.get(h)!))));
  if (need.size === 0) return new Map(sim.hours.map((h) => [h, 0]));
  const base = sim.config.counters[0]!;
  const fields = new Set(serviceIds);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const most = Math.max(...need.values());
    const counters: Counter[] = Array.from({ length: most }, (_, i) => ({ ...base, id: `plan-${i + 1}`, number: i + 1, serviceIds: [...serviceIds], priority: false, weights: {} }));
    const changes: { counterId: string; at: number; status: 'open' | 'closed' }[] = [];
    let carried = 0;
    for (const h of sim.hours) {
      carried = need.get(h) ?? carried;
      const at = dayStart(sim.date) + h * 60 * MIN;
      for (let i = 0; i < most; i++) changes.push({ counterId: `plan-${i + 1}`, at, status: i < carried ? 'open' : 'closed' });
    }
    const tally = (yield* simulate({ ...sim, days: sim.days.map((d) => d.filter((v) => fields.has(v.serviceId))) }, counters, changes, () => 'group')).get('group');
    let short = false;
    for (const [h, n] of need) {
      const cell = tally?.get(h);
      if (cell && shortOf(cell, level) && n < MAX_COUNTERS) {
        need.set(h, n + 1);
        short = true;
      }
    }
    if (!short) break;
  }
  return new Map(sim.hours.map((h) => [h, need.get(h) ?? 0]));
}

/**
 * An hour is short when more of its citizens waited too long than the level allows by more
 * than the chance of a few simulated days (one Poisson standard deviation of the allowed
 * count): twenty citizens at 95% may have two late, five hundred thirty. Without the
 * margin one unlucky long service in a small field would ask for a counter more.
 */
export function shortOf(cell: { n: number; within: number }, level: number): boolean {
  const allowed = (1 - level) * cell.n;
  return cell.n > 0 && cell.n - cell.within > allowed + Math.sqrt(allowed);
}
