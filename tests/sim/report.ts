// Runs a profile's day under each policy and turns each run into the figures
// the issue asks for. Waits come from the domain's own computeStats over the
// run's event log, so the simulator and the manager's board count alike.
import { addDays, computeStats, percentileSeconds, transactionWaitMs, weekday, dayStart, type PolicyKind, type PolicySettings } from '@mot-cua/queue-server/domain/index.ts';
import { runDay, type DayRun, type EstimateSample } from '@mot-cua/queue-server/domain/daysim/engine.ts';
import { staffingFor } from '@mot-cua/queue-server/domain/daysim/erlang.ts';
import type { Profile } from './profiles.ts';
import { rng } from '@mot-cua/queue-server/domain/daysim/rng.ts';
import { drawVisits, localTime, type Visit } from '@mot-cua/queue-server/domain/daysim/visits.ts';

export const POLICIES: readonly PolicyKind[] = ['fifo', 'priority', 'target'];
const MIN = 60_000;
const SERVICE_LEVEL = 0.95;

export interface PolicyFigures {
  policy: PolicyKind;
  served: number;
  noShow: number;
  /** Visits still waiting when the day ended (no open counter for them). */
  unserved: number;
  avgWaitMin: number;
  p90WaitMin: number;
  within15Pct: number;
  worstWaitMin: number;
  priorityP95WaitMin: number;
  /** Mean absolute error of the estimate shown at issue vs the actual wait, minutes. */
  estimateMaeMin: number;
  /** Mean signed error (estimate − actual): negative means estimates run short. */
  estimateBiasMin: number;
  /** The same for estimates re-made every 10 minutes while a ticket waits (remaining wait). */
  waitingEstimateMaeMin: number;
  /** MAE of the naive estimate (waiting in the field × mean service ÷ open counters) at issue, minutes. */
  naiveEstimateMaeMin: number;
  /** Mean signed error at issue of the tickets that waited longer than the target (negative: too optimistic); null when none did. */
  lateEstimateBiasMin: number | null;
  /** Share of actual waits (served tickets shown a range at issue) inside the range the screens show; null when none was shown one. */
  estimateIntervalCoveragePct: number | null;
}

export interface ProfileFigures {
  profile: Profile['name'];
  seed: number;
  /** Working days simulated; every figure pools them. */
  days: number;
  visits: number;
  counters: number;
  targetWaitMinutes: number;
  peakHour: number;
  /** Arrivals in the peak hour, averaged over the days. */
  peakArrivals: number;
  meanServiceMin: number;
  /** Erlang C: servers a pooled queue needs at the peak hour for 95% within the target. */
  erlangStaffingAtPeak: number;
  policies: PolicyFigures[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Estimate − actual wait, minutes, for the served tickets with an estimate; `which` picks the estimate, `late` keeps only waits over `lateOver` minutes. */
function estimateErrors(run: DayRun, samples: readonly EstimateSample[], which: 'estimate' | 'naive' = 'estimate', lateOver = -1): number[] {
  const errors: number[] = [];
  for (const s of samples) {
    const t = run.tickets.get(s.ticketId);
    const estimate = which === 'estimate' ? s.estimateMin : (s.naiveMin ?? null);
    if (!t || t.status !== 'done' || t.waitEndAt === null || estimate === null) continue;
    const actual = (t.waitEndAt - s.at) / MIN;
    if (actual > lateOver) errors.push(estimate - actual);
  }
  return errors;
}

/** Share of the served tickets shown a range at issue whose actual wait (to the minute) fell inside it; null when none was shown one. */
function coverage(run: DayRun, samples: readonly EstimateSample[]): number | null {
  let shown = 0;
  let inside = 0;
  for (const s of samples) {
    const t = run.tickets.get(s.ticketId);
    if (!t || t.status !== 'done' || t.waitEndAt === null || s.low == null || s.high == null) continue;
    const actual = Math.round((t.waitEndAt - s.at) / MIN);
    shown++;
    if (actual >= s.low && actual <= s.high) inside++;
  }
  return shown === 0 ? null : round1((100 * inside) / shown);
}

export function figuresOf(kind: PolicyKind, run: DayRun, target: number): PolicyFigures {
  const stats = computeStats(run.events, { targetWaitMs: target * MIN, serviceTargetMs: 30 * MIN, satisfiedScores: new Set([3, 4]) });
  const priorityWaits = [...run.tickets.values()].filter((t) => run.priority.has(t.id) && t.status === 'done').map(transactionWaitMs);
  const atIssue = estimateErrors(run, run.atIssue);
  const waiting = estimateErrors(run, run.whileWaiting);
  const late = estimateErrors(run, run.atIssue, 'estimate', target);
  return {
    policy: kind,
    served: stats.served,
    noShow: stats.noShow,
    unserved: stats.open,
    avgWaitMin: round1((stats.avgWaitSeconds ?? 0) / 60),
    p90WaitMin: round1((stats.p90WaitSeconds ?? 0) / 60),
    within15Pct: stats.withinTargetPct ?? 0,
    worstWaitMin: round1((stats.maxWaitSeconds ?? 0) / 60),
    priorityP95WaitMin: round1((percentileSeconds(priorityWaits, 95) ?? 0) / 60),
    estimateMaeMin: round1(mean(atIssue.map(Math.abs))),
    estimateBiasMin: round1(mean(atIssue)),
    waitingEstimateMaeMin: round1(mean(waiting.map(Math.abs))),
    naiveEstimateMaeMin: round1(mean(estimateErrors(run, run.atIssue, 'naive').map(Math.abs))),
    lateEstimateBiasMin: late.length ? round1(mean(late)) : null,
    estimateIntervalCoveragePct: coverage(run, run.atIssue),
  };
}

function peak(days: readonly (readonly Visit[])[]): { hour: number; arrivals: number } {
  const byHour = new Map<number, number>();
  for (const visits of days) {
    for (const v of visits) {
      const h = new Date(v.at + 7 * 3600_000).getUTCHours();
      byHour.set(h, (byHour.get(h) ?? 0) + 1 / days.length);
    }
  }
  let best = { hour: 0, arrivals: 0 };
  for (const [hour, arrivals] of byHour) if (arrivals > best.arrivals) best = { hour, arrivals: round1(arrivals) };
  return best;
}

/** `n` working days from `first`, skipping weekends. */
function workingDays(first: string, n: number): string[] {
  const out: string[] = [];
  // Bounded: at most two weekend days per five working days.
  for (let d = first; out.length < n; d = addDays(d, 1)) {
    const wd = weekday(dayStart(d) + 12 * 3600_000);
    if (wd !== 0 && wd !== 6) out.push(d);
  }
  return out;
}

function merge(runs: readonly DayRun[]): DayRun {
  return {
    events: runs.flatMap((r) => r.events),
    tickets: new Map(runs.flatMap((r) => [...r.tickets])),
    priority: new Set(runs.flatMap((r) => [...r.priority])),
    atIssue: runs.flatMap((r) => r.atIssue),
    whileWaiting: runs.flatMap((r) => r.whileWaiting),
  };
}

export interface SimOptions {
  days?: number;
  policies?: readonly PolicyKind[];
  /** false: skip the estimates (their figures come out 0 / null); for runs that only want the waits. */
  estimates?: boolean;
}

/** Simulates `days` working days (day i drawn from seed + i) under each policy; the same citizens meet every policy. */
export function simulateProfile(profile: Profile, seed: number, opts: SimOptions = {}): ProfileFigures {
  const days = workingDays(profile.day, Math.max(1, opts.days ?? 1));
  const visitsByDay = days.map((day, i) => drawVisits(profile, rng(seed + i), day, days.length > 1 ? `d${i}-` : ''));
  const changesByDay = days.map((day) => profile.changes.map((c) => ({ counterId: c.counterId, at: localTime(day, c.at), status: c.status })));
  const all = visitsByDay.flat();
  const target = profile.config.targets.waitMinutes;
  const p = peak(visitsByDay);
  const meanServiceMin = mean(all.map((v) => (v.walkMs + v.serviceMs) / MIN));
  return {
    profile: profile.name,
    seed,
    days: days.length,
    visits: all.length,
    counters: profile.config.counters.length,
    targetWaitMinutes: target,
    peakHour: p.hour,
    peakArrivals: p.arrivals,
    meanServiceMin: round1(meanServiceMin),
    erlangStaffingAtPeak: staffingFor(p.arrivals, meanServiceMin, target, SERVICE_LEVEL),
    policies: (opts.policies ?? POLICIES).map((kind) => {
      const policy: PolicySettings = { kind, targetWaitMinutes: target, priorityAdvanceMinutes: profile.config.policy.priorityAdvanceMinutes };
      const runs = visitsByDay.map((visits, i) => runDay({ config: profile.config, visits, changes: changesByDay[i]!, policy, estimates: opts.estimates ?? true }));
      return figuresOf(kind, merge(runs), target);
    }),
  };
}
