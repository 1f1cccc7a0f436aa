// The staffing planner (issue 18.4): from the measured demand, simulate the
// planned day with the centre's real calling policy and say, per field and
// local hour, how many counters the field needs for the service level within
// the target, beside the counters configured to serve it, the share the
// configured counters reach, and the Erlang C figure. A "what if" re-runs the
// configured day with some counters' fields changed. Pure: the service hands
// it the event log's demand, the configuration and the policy.
import type { CenterConfig } from '@mot-cua/config';
import type { PolicySettings } from '../index.ts';
import { staffingFor } from '../daysim/erlang.ts';
import { rng } from '../daysim/rng.ts';
import type { Demand } from './demand.ts';
import { drawDay, openHours, openSpans } from './day.ts';
import { findingsOf, type Finding } from './findings.ts';
import { needOf, simulate, type SimDay, type Tally } from './search.ts';

/** Share of an hour's arrivals to be called within the target: the simulator's Erlang C yardstick too. */
export const SERVICE_LEVEL = 0.95;
/**
 * Simulated days pooled for each figure (one date, different seeds): enough for about
 * 1,500 simulated visits, so a small field's hour is judged on dozens of citizens, not a
 * handful (one late citizen of twelve would fail 95%); 4 to 12 days.
 */
export function replicatesFor(visitsPerDay: number): number {
  return Math.min(12, Math.max(4, Math.ceil(1500 / Math.max(1, visitsPerDay))));
}

export interface CounterChange {
  counterId: string;
  serviceIds: string[];
}

export interface PlanInput {
  config: CenterConfig;
  policy: PolicySettings;
  demand: Demand;
  /** The day planned, YYYY-MM-DD. */
  date: string;
  /** What if these counters served these fields instead (issue 18.4's "what if"). */
  changes?: readonly CounterChange[];
}

export interface FieldHour {
  hour: number;
  /** Mean arrivals in the hour on a working day. */
  arrivals: number;
  /** Counters serving only this field that the simulated day needs in this hour. */
  needed: number;
  /** Erlang C for the hour's arrivals and the field's mean service, a pooled textbook queue. */
  erlang: number;
  /** Counters configured to serve the field (some may serve other fields too). */
  configured: number;
  /** Share of the hour's simulated arrivals called within the target by the configured counters; null without arrivals. */
  withinPct: number | null;
}

export interface FieldPlan {
  serviceId: string;
  arrivalsPerDay: number;
  /** The mean service the simulation uses, minutes: measured from the log, else the configured typical time. */
  serviceMin: number;
  serviceMeasured: boolean;
  withinPct: number | null;
  hours: FieldHour[];
}

export interface HourTotal {
  hour: number;
  arrivals: number;
  /** The counters the centre needs if every counter served every field (the simulated day). */
  needed: number;
  /** The sum of the fields' own needs (counters serving one field each). */
  neededByField: number;
  erlang: number;
  /** Counters in the configuration. */
  counters: number;
  withinPct: number | null;
}

export interface Plan {
  date: string;
  targetWaitMinutes: number;
  levelPct: number;
  hours: number[];
  fields: FieldPlan[];
  totals: HourTotal[];
  /** Share of the simulated day's arrivals called within the target by the configured counters. */
  withinPct: number | null;
  findings: Finding[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const pct = (within: number, n: number) => (n ? round1((100 * within) / n) : null);
/** A seed of its own per date, so a plan is the same each time it is asked. */
const seedOf = (date: string) => [...date].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);

/** The plan at once (tests, scripts); the server steps through planSteps between other work. */
export function planDay(input: PlanInput): Plan {
  const steps = planSteps(input);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/** The plan, one simulated day per step. */
export function* planSteps({ config, policy, demand, date, changes = [] }: PlanInput): Generator<void, Plan> {
  const nameOf = (id: string) => config.services.find((s) => s.id === id)?.name ?? id;
  const spans = openSpans(config, date);
  const hours = openHours(spans, date);
  const r = rng(seedOf(date));
  const perDay = demand.fields.reduce((s, f) => s + Object.values(f.perHour).reduce((a, x) => a + x, 0), 0);
  const sim: SimDay = { config, policy, date, hours, days: Array.from({ length: replicatesFor(perDay) }, (_, k) => drawDay(config, demand, spans, date, r, `d${k}-`)) };
  const changed = new Map(changes.map((c) => [c.counterId, c.serviceIds]));
  const counters = config.counters.map((c) => ({ ...c, serviceIds: changed.get(c.id) ?? c.serviceIds }));
  const configured = yield* simulate(sim, counters, [], (id) => id);
  const serviceMin = new Map(demand.fields.map((f) => [f.serviceId, f.serviceMin ?? config.services.find((s) => s.id === f.serviceId)?.avgServiceMinutes ?? 10]));
  const rate = (f: Demand['fields'][number], h: number) => f.perHour[h] ?? 0;
  const target = policy.targetWaitMinutes;

  const fields: FieldPlan[] = [];
  for (const f of demand.fields) {
    const svc = serviceMin.get(f.serviceId)!;
    const need = yield* needOf(sim, [f.serviceId], new Map(hours.map((h) => [h, (rate(f, h) * svc) / 60])), SERVICE_LEVEL);
    const serving = counters.filter((c) => c.serviceIds.includes(f.serviceId)).length;
    const cells = configured.get(f.serviceId);
    const all = [...(cells?.values() ?? [])].reduce((s, c) => ({ n: s.n + c.n, within: s.within + c.within }), { n: 0, within: 0 });
    fields.push({
      serviceId: f.serviceId,
      arrivalsPerDay: round1(Object.values(f.perHour).reduce((s, x) => s + x, 0)),
      serviceMin: round1(svc),
      serviceMeasured: f.serviceMin !== null,
      withinPct: pct(all.within, all.n),
      hours: hours.map((h) => {
        const cell = cells?.get(h);
        return { hour: h, arrivals: round1(rate(f, h)), needed: need.get(h)!, erlang: rate(f, h) > 0 ? staffingFor(rate(f, h), svc, target, SERVICE_LEVEL) : 0, configured: serving, withinPct: cell ? pct(cell.within, cell.n) : null };
      }),
    });
  }

  const load = new Map(hours.map((h) => [h, demand.fields.reduce((s, f) => s + (rate(f, h) * serviceMin.get(f.serviceId)!) / 60, 0)]));
  const pooled = yield* needOf(sim, demand.fields.map((f) => f.serviceId), load, SERVICE_LEVEL);
  const totals: HourTotal[] = hours.map((h) => {
    const arrivals = demand.fields.reduce((s, f) => s + rate(f, h), 0);
    const cell = sumHour(configured, h);
    return {
      hour: h,
      arrivals: round1(arrivals),
      needed: pooled.get(h)!,
      neededByField: fields.reduce((s, f) => s + f.hours.find((x) => x.hour === h)!.needed, 0),
      erlang: arrivals > 0 ? staffingFor(arrivals, (60 * load.get(h)!) / arrivals, target, SERVICE_LEVEL) : 0,
      counters: counters.length,
      withinPct: cell.n ? pct(cell.within, cell.n) : null,
    };
  });
  const day = hours.reduce((s, h) => {
    const c = sumHour(configured, h);
    return { n: s.n + c.n, within: s.within + c.within };
  }, { n: 0, within: 0 });
  const withinPct = pct(day.within, day.n);
  return {
    date,
    targetWaitMinutes: target,
    levelPct: SERVICE_LEVEL * 100,
    hours,
    fields,
    totals,
    withinPct,
    findings: findingsOf({ open: spans.length > 0, historyDays: demand.days.length, fields, totals, withinPct, levelPct: SERVICE_LEVEL * 100, targetWaitMinutes: target, nameOf }),
  };
}

function sumHour(t: Tally, h: number): { n: number; within: number } {
  let n = 0;
  let within = 0;
  for (const byHour of t.values()) {
    const c = byHour.get(h);
    if (c) {
      n += c.n;
      within += c.within;
    }
  }
  return { n, within };
}
