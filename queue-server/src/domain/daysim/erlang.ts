// Erlang C: the staffing a pooled M/M/N queue needs for a service level. The
// sim reports it for the peak hour as the textbook yardstick beside what the
// centre's real, field-bound counters achieve.

/** Probability that an arrival has to wait, for N servers and A Erlangs of load (A < N). */
export function erlangC(n: number, a: number): number {
  if (a >= n) return 1;
  // Erlang B by its stable recurrence, then C from B.
  let b = 1;
  for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b);
  return b / (1 - (a / n) * (1 - b));
}

/** Share of arrivals whose wait is at most `withinMin`, with mean service `serviceMin`. */
export function serviceLevel(n: number, a: number, serviceMin: number, withinMin: number): number {
  if (a >= n) return 0;
  return 1 - erlangC(n, a) * Math.exp((-(n - a) * withinMin) / serviceMin);
}

/** The fewest servers for `level` of arrivals to wait at most `withinMin`. */
export function staffingFor(arrivalsPerHour: number, serviceMin: number, withinMin: number, level: number): number {
  const a = (arrivalsPerHour / 60) * serviceMin;
  // Bounded: the service level tends to 1 as N grows past A.
  for (let n = Math.max(1, Math.floor(a) + 1); n < Math.ceil(a) + 1000; n++) if (serviceLevel(n, a, serviceMin, withinMin) >= level) return n;
  throw new Error(`no staffing found for ${arrivalsPerHour}/h × ${serviceMin} min`);
}
