// `npm run sim -- --seed 42 [--days 5] [--profile NAME[,NAME…] | stress | all]`: simulated
// working days per profile under each calling policy (figures pool the days);
// prints a table, writes tests/results/sim.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LIGHT_PROFILES, PROFILES, type ProfileName } from './profiles.ts';
import { simulateProfile, type ProfileFigures } from './report.ts';

const { values } = parseArgs({ options: { seed: { type: 'string', default: '42' }, days: { type: 'string', default: '5' }, profile: { type: 'string' } } });
const seed = Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error(`--seed phải là số nguyên / --seed must be an integer (got "${values.seed}")`);
  process.exit(2);
}
const days = Number(values.days);
if (!Number.isInteger(days) || days < 1 || days > 60) {
  console.error(`--days phải là số nguyên 1–60 / --days must be an integer 1–60 (got "${values.days}")`);
  process.exit(2);
}
const all = Object.keys(PROFILES) as ProfileName[];
const names: string[] =
  values.profile === 'all' ? all : values.profile === 'stress' ? all.filter((n) => !LIGHT_PROFILES.includes(n)) : values.profile ? values.profile.split(',').map((n) => n.trim()) : [...LIGHT_PROFILES];
const unknown = names.filter((n) => !(n in PROFILES));
if (unknown.length) {
  console.error(`Không có hồ sơ "${unknown.join(', ')}" / unknown profile; choose ${all.join(', ')}, stress or all`);
  process.exit(2);
}

const results: ProfileFigures[] = names.map((n) => simulateProfile(PROFILES[n as ProfileName](), seed, { days }));

const cols = ['policy', 'avg', 'p90', '≤15 min', 'worst', 'prio p95', 'est MAE', 'naive MAE', 'est bias', 'late bias', 'in range', 'wait-est MAE', 'served', 'no-show', 'left'];
for (const r of results) {
  console.log(
    `\n${r.profile}: ${r.visits} visits over ${r.days} day(s), ${r.counters} counters, seed ${r.seed}; peak ${r.peakHour}:00 with ${r.peakArrivals} arrivals, ` +
      `mean service ${r.meanServiceMin} min → Erlang C staffing for 95% within ${r.targetWaitMinutes} min: ${r.erlangStaffingAtPeak} counters`,
  );
  const rows = r.policies.map((p) => [
    p.policy,
    `${p.avgWaitMin}`,
    `${p.p90WaitMin}`,
    `${p.within15Pct}%`,
    `${p.worstWaitMin}`,
    `${p.priorityP95WaitMin}`,
    `${p.estimateMaeMin}`,
    `${p.naiveEstimateMaeMin}`,
    `${p.estimateBiasMin}`,
    p.lateEstimateBiasMin === null ? '—' : `${p.lateEstimateBiasMin}`,
    p.estimateIntervalCoveragePct === null ? '—' : `${p.estimateIntervalCoveragePct}%`,
    `${p.waitingEstimateMaeMin}`,
    `${p.served}`,
    `${p.noShow}`,
    `${p.unserved}`,
  ]);
  const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(cols));
  for (const row of rows) console.log(line(row));
}
console.log(
  '\nMinutes throughout; "est" = estimate shown at issue vs the actual wait; "naive" = waiting in the field × mean service ÷ open counters; ' +
    '"late bias" = mean signed error at issue of those who waited over the target; "in range" = actual waits inside the range shown (— while a single figure is shown); ' +
    '"wait-est" = estimates re-made every 10 min while waiting.',
);

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results/sim.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ generatedAt: new Date().toISOString(), seed, days, profiles: results }, null, 2)}\n`);
console.log(`→ ${path.relative(process.cwd(), out)}`);
