// The aims of issue 18 point 2 for the default (target) calling policy, over
// several seeds per profile: `node --import tsx tests/sim/aims.ts [--seeds 1-10]
// [--profile NAME[,NAME…] | stress | all] [--days 1]`. Prints, per profile, the
// mean over the seeds of each policy's share within 15 minutes, priority p95 wait
// and worst wait, then whether each aim holds for those means. The estimates are
// not made (they do not change who is called), so a run takes seconds; with
// `--estimates` they are, and the aims of point 3 are checked too (the default
// policy's estimate MAE ≤ 0.5 × the naive one's under stress, its late bias
// within ±3 minutes, ≥ 80% of waits inside the range shown).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LIGHT_PROFILES, PROFILES, type ProfileName } from './profiles.ts';
import { simulateProfile, type PolicyFigures } from './report.ts';

/** Points within 15 minutes the target policy must gain over FIFO (negative: may lose at most); null: no aim on the share. */
export function shareAim(profile: ProfileName): number | null {
  if (LIGHT_PROFILES.includes(profile)) return -0.3;
  if (profile === 'provincial-skew') return null;
  return profile.startsWith('provincial') ? 5 : 2;
}

export interface Figures {
  within15Pct: number;
  priorityP95WaitMin: number;
  worstWaitMin: number;
  estimateMaeMin?: number;
  naiveEstimateMaeMin?: number;
  lateEstimateBiasMin?: number | null;
  estimateIntervalCoveragePct?: number | null;
}

/** The aims of issue 18.3 for the default policy's estimate, from its figures (one seed's, or means over seeds): MAE and late bias under stress, the range's coverage everywhere. */
export function estimateAimsOf(profile: ProfileName, t: Figures): Aim[] {
  const aims: Aim[] = [];
  if (!LIGHT_PROFILES.includes(profile)) aims.push({ name: 'estimate MAE ≤ 0.5 × naive', value: t.estimateMaeMin ?? NaN, bound: 0.5 * (t.naiveEstimateMaeMin ?? NaN), kind: 'max', met: false });
  if (!LIGHT_PROFILES.includes(profile) && t.lateEstimateBiasMin !== null && t.lateEstimateBiasMin !== undefined) {
    aims.push({ name: 'late bias ≥ −3', value: t.lateEstimateBiasMin, bound: -3, kind: 'min', met: false });
    aims.push({ name: 'late bias ≤ +3', value: t.lateEstimateBiasMin, bound: 3, kind: 'max', met: false });
  }
  aims.push({ name: 'waits inside the range ≥ 80%', value: t.estimateIntervalCoveragePct ?? NaN, bound: 80, kind: 'min', met: false });
  for (const a of aims) {
    a.value = tenth(a.value);
    a.bound = tenth(a.bound);
    a.met = a.kind === 'min' ? a.value >= a.bound : a.value <= a.bound;
  }
  return aims;
}

export interface Aim {
  name: string;
  /** The target policy's figure and the bound it must keep. */
  value: number;
  bound: number;
  /** 'min': value ≥ bound; 'max': value ≤ bound. */
  kind: 'min' | 'max';
  met: boolean;
}

// The figures are rounded to a tenth; so are the bounds before they are compared.
const tenth = (x: number) => Math.round(x * 10) / 10;

/** The aims of issue 18.2 for one profile, from the three policies' figures (one seed's, or means over seeds). */
export function aimsOf(profile: ProfileName, by: Record<'fifo' | 'priority' | 'target', Figures>): Aim[] {
  const t = by.target;
  const aims: Aim[] = [];
  const need = shareAim(profile);
  if (need !== null) aims.push({ name: `within 15 min ≥ FIFO ${need >= 0 ? '+' : '−'} ${Math.abs(need)}`, value: t.within15Pct, bound: by.fifo.within15Pct + need, kind: 'min', met: false });
  aims.push({ name: 'priority p95 ≤ 1.5 × strict priority + 2', value: t.priorityP95WaitMin, bound: 1.5 * by.priority.priorityP95WaitMin + 2, kind: 'max', met: false });
  aims.push({ name: 'worst wait ≤ FIFO + 15', value: t.worstWaitMin, bound: by.fifo.worstWaitMin + 15, kind: 'max', met: false });
  for (const a of aims) {
    a.value = tenth(a.value);
    a.bound = tenth(a.bound);
    a.met = a.kind === 'min' ? a.value >= a.bound : a.value <= a.bound;
  }
  return aims;
}

const POLICIES = ['fifo', 'priority', 'target'] as const;

export interface ProfileAims {
  profile: ProfileName;
  seeds: number[];
  /** Per policy, the mean over the seeds. */
  means: Record<(typeof POLICIES)[number], Figures>;
  aims: Aim[];
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The mean of the numbers among `xs` (null or undefined skipped); null when there are none. */
const meanOf = (xs: readonly (number | null | undefined)[]) => {
  const ns = xs.filter((x): x is number => typeof x === 'number');
  return ns.length ? mean(ns) : null;
};

/** Runs `seeds` (each `days` working days) of a profile under the three policies and checks the aims on the means (with `estimates`, point 3's too). */
export function profileAims(profile: ProfileName, seeds: readonly number[], days = 1, estimates = false): ProfileAims {
  const runs: PolicyFigures[][] = seeds.map((seed) => simulateProfile(PROFILES[profile](), seed, { days, estimates }).policies);
  const means = Object.fromEntries(
    POLICIES.map((k) => {
      const of = runs.map((r) => r.find((p) => p.policy === k)!);
      const f: Figures = { within15Pct: mean(of.map((p) => p.within15Pct)), priorityP95WaitMin: mean(of.map((p) => p.priorityP95WaitMin)), worstWaitMin: mean(of.map((p) => p.worstWaitMin)) };
      if (estimates) {
        f.estimateMaeMin = mean(of.map((p) => p.estimateMaeMin));
        f.naiveEstimateMaeMin = mean(of.map((p) => p.naiveEstimateMaeMin));
        f.lateEstimateBiasMin = meanOf(of.map((p) => p.lateEstimateBiasMin));
        f.estimateIntervalCoveragePct = meanOf(of.map((p) => p.estimateIntervalCoveragePct));
      }
      return [k, f];
    }),
  ) as ProfileAims['means'];
  return { profile, seeds: [...seeds], means, aims: [...aimsOf(profile, means), ...(estimates ? estimateAimsOf(profile, means.target) : [])] };
}

function main(): void {
  const { values } = parseArgs({
    options: { seeds: { type: 'string', default: '1-10' }, profile: { type: 'string', default: 'all' }, days: { type: 'string', default: '1' }, estimates: { type: 'boolean', default: false } },
  });
  const m = /^(\d+)-(\d+)$/.exec(values.seeds);
  const seeds = m ? Array.from({ length: Number(m[2]) - Number(m[1]) + 1 }, (_, i) => Number(m[1]) + i) : values.seeds.split(',').map(Number);
  const all = Object.keys(PROFILES) as ProfileName[];
  const names = values.profile === 'all' ? all : values.profile === 'stress' ? all.filter((n) => !LIGHT_PROFILES.includes(n)) : (values.profile.split(',') as ProfileName[]);
  const days = Number(values.days);
  if (seeds.some((s) => !Number.isInteger(s)) || names.some((n) => !(n in PROFILES)) || !Number.isInteger(days) || days < 1) {
    console.error(`usage: aims.ts [--seeds 1-10 | 1,2,3] [--profile ${all.join(',')} | stress | all] [--days 1] [--estimates]`);
    process.exit(2);
  }
  let met = 0;
  let total = 0;
  const est = values.estimates;
  console.log(`Issue 18.${est ? '2–3' : '2'} aims: seeds ${values.seeds}, ${days} day(s) each; means over the seeds (minutes; within 15 min in %).`);
  const num = (x: number | null | undefined, w: number) => (typeof x === 'number' ? tenth(x).toFixed(1) : '—').padStart(w);
  for (const n of names) {
    const r = profileAims(n, seeds, days, est);
    console.log(`\n${n}`);
    console.log(`  ${'policy'.padEnd(9)}${'≤15 min'.padStart(9)}${'prio p95'.padStart(10)}${'worst'.padStart(8)}${est ? `${'est MAE'.padStart(9)}${'naive'.padStart(7)}${'late bias'.padStart(11)}${'in range'.padStart(10)}` : ''}`);
    for (const k of POLICIES) {
      const f = r.means[k];
      const e = est ? `${num(f.estimateMaeMin, 9)}${num(f.naiveEstimateMaeMin, 7)}${num(f.lateEstimateBiasMin, 11)}${num(f.estimateIntervalCoveragePct, 10)}` : '';
      console.log(`  ${k.padEnd(9)}${tenth(f.within15Pct).toFixed(1).padStart(9)}${tenth(f.priorityP95WaitMin).toFixed(1).padStart(10)}${tenth(f.worstWaitMin).toFixed(1).padStart(8)}${e}`);
    }
    for (const a of r.aims) {
      total++;
      if (a.met) met++;
      console.log(`  ${a.met ? 'met    ' : 'NOT MET'}  ${a.name}: ${a.value} ${a.kind === 'min' ? '≥' : '≤'} ${a.bound}`);
    }
  }
  console.log(`\n${met} of ${total} aims met.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
