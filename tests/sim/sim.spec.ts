// The "done when" for the calling policy, on a fixed seed: a simulated
// working week per profile, run on the queue-server's own domain code.
import { beforeAll, describe, expect, it } from 'vitest';
import { communeProfile, provincialProfile } from './profiles.ts';
import { simulateProfile, type ProfileFigures } from './report.ts';

const SEED = 42;
const DAYS = 5;

describe.each([
  ['commune', communeProfile],
  ['provincial', provincialProfile],
] as const)('%s centre, a simulated week (seed 42)', (name, profile) => {
  let r: ProfileFigures;
  beforeAll(() => {
    r = simulateProfile(profile(), SEED, { days: DAYS });
  });
  const by = (k: string) => r.policies.find((p) => p.policy === k)!;

  it('has the size the issue describes', () => {
    const perDay = r.visits / r.days;
    if (name === 'commune') {
      expect(perDay).toBeGreaterThan(120);
      expect(perDay).toBeLessThan(180);
      expect(r.counters).toBeGreaterThanOrEqual(4);
      expect(r.counters).toBeLessThanOrEqual(6);
    } else {
      expect(perDay).toBeGreaterThan(1300);
      expect(perDay).toBeLessThan(1700);
      expect(r.counters).toBe(30);
    }
    // Every visit ends served or as a no-show: no field is left without an open counter.
    for (const p of r.policies) expect(p.served + p.noShow).toBe(r.visits);
  });

  it('the default (target) policy is at least as good as FIFO and strict priority on the share within 15 minutes', () => {
    expect(by('target').within15Pct).toBeGreaterThanOrEqual(by('fifo').within15Pct);
    expect(by('target').within15Pct).toBeGreaterThanOrEqual(by('priority').within15Pct);
  });

  it('serves the priority groups with a p95 wait under 5 minutes under the default policy', () => {
    expect(by('target').priorityP95WaitMin).toBeLessThan(5);
    // …which first-come order alone does not.
    expect(by('fifo').priorityP95WaitMin).toBeGreaterThan(by('target').priorityP95WaitMin);
  });

  it('reports the estimate error and the Erlang C staffing as numbers', () => {
    for (const p of r.policies) {
      expect(Number.isFinite(p.estimateMaeMin)).toBe(true);
      expect(Number.isFinite(p.waitingEstimateMaeMin)).toBe(true);
      expect(p.estimateMaeMin).toBeGreaterThanOrEqual(0);
    }
    expect(r.erlangStaffingAtPeak).toBeGreaterThan(0);
    expect(r.erlangStaffingAtPeak).toBeLessThan(r.counters * 3);
  });
});

describe('simulator', () => {
  it('is reproducible: the same seed gives the same figures', () => {
    const a = simulateProfile(communeProfile(), 7, { days: 1 });
    const b = simulateProfile(communeProfile(), 7, { days: 1 });
    expect(a).toEqual(b);
  });
});
