// A seeded random source, so one `--seed` gives one day, the same on every
// machine, and every policy meets exactly the same citizens.
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  int(minIncl: number, maxIncl: number): number;
  /** Poisson-distributed count with mean `mean` (Knuth for small means, normal beyond). */
  poisson(mean: number): number;
  /** Lognormal with the given mean and coefficient of variation. */
  lognormal(mean: number, cv: number): number;
  pick<T>(weighted: readonly (readonly [T, number])[]): T;
}

/** mulberry32: tiny, fast and good enough for a simulation. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    // Box–Muller; 1 − u keeps the logarithm finite.
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    poisson(mean) {
      if (mean <= 0) return 0;
      if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
      const limit = Math.exp(-mean);
      let k = 0;
      for (let p = next(); p > limit; p *= next()) k++;
      return k;
    },
    lognormal(mean, cv) {
      const s2 = Math.log(1 + cv * cv);
      return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * normal());
    },
    pick(weighted) {
      const total = weighted.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [v, w] of weighted) {
        r -= w;
        if (r < 0) return v;
      }
      return weighted[weighted.length - 1]![0];
    },
  };
}
