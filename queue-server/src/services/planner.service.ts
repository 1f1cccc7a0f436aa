// The staffing planner for managers (issue 18.4): the last four weeks' arrivals
// by hour and field from the event log, the planned day simulated with the
// centre's calling policy (domain/planner), and a "what if" with some counters'
// fields changed. A plan runs one simulated day per step and lets the event
// loop serve the hall between steps, so a provincial centre's plan of a few
// seconds never holds up a call.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CenterConfig } from '@mot-cua/config';
import { addDays, dayKey, type PolicySettings } from '../domain/index.ts';
import { fail } from '../domain/messages.ts';
import { demandFrom } from '../domain/planner/demand.ts';
import { planSteps, type CounterChange, type Plan } from '../domain/planner/planner.ts';
import type { StoreReads } from '../store/index.ts';
import { liveConfig, type ConfigSource } from './centre.ts';

/** How far back the planner reads the event log, days. */
export const HISTORY_DAYS = 28;

export interface PlannerAnswer extends Plan {
  /** The days of the log read, and the working days among them the demand averages over. */
  history: { from: string; to: string; days: number };
  changes: CounterChange[];
}

export class PlannerService {
  private readonly liveConfig: () => CenterConfig;

  constructor(
    config: ConfigSource,
    private readonly reads: StoreReads,
    private readonly policy: () => PolicySettings,
    private readonly now: () => number,
  ) {
    this.liveConfig = liveConfig(config);
  }

  /** The plan of `date` (default: tomorrow), with `changes` to the counters' fields if any. */
  async plan(date: string | undefined, changes: readonly CounterChange[] = []): Promise<PlannerAnswer> {
    const config = this.liveConfig();
    const day = date ?? addDays(dayKey(this.now()), 1);
    const checked = checkChanges(config, changes);
    const today = dayKey(this.now());
    const to = addDays(day, -1) < today ? addDays(day, -1) : today;
    const from = addDays(day, -HISTORY_DAYS);
    const events = from <= to ? await this.reads.visitEvents(from, to) : [];
    const demand = demandFrom(events, config.services.map((s) => s.id));
    const steps = planSteps({ config, policy: this.policy(), demand, date: day, changes: checked });
    for (;;) {
      const s = steps.next();
      if (s.done) return { ...s.value, history: { from, to, days: demand.days.length }, changes: checked };
      await nextTurn();
    }
  }
}

/** The what-if's changes, each counter known, once, with known fields; refused with 400 otherwise. */
function checkChanges(config: CenterConfig, changes: readonly CounterChange[]): CounterChange[] {
  const seen = new Set<string>();
  return changes.map((c) => {
    if (!config.counters.some((k) => k.id === c.counterId)) throw fail('unknown_counter', { counter: c.counterId });
    if (seen.has(c.counterId)) throw fail('planner_counter_twice', { counter: c.counterId });
    seen.add(c.counterId);
    for (const id of c.serviceIds) if (!config.services.some((s) => s.id === id)) throw fail('unknown_service', { id });
    return { counterId: c.counterId, serviceIds: [...new Set(c.serviceIds)] };
  });
}
