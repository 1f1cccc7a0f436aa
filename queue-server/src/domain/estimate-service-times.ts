// The service times the forward run (estimate.ts) assumes, from the day's measured ones.

/**
 * Expected service time per field from recent service times: the mean of the
 * recent ones once there are `minSamples`, else the configured typical time.
 * The mean, not the median: service times are skewed to the long side, and a
 * wait is a sum of them, whose expectation is n × the mean.
 */
export function expectedServiceMs(
  recent: Iterable<readonly [serviceId: string, ms: number]>,
  typicalMs: Readonly<Record<string, number>>,
  minSamples = 3,
): Record<string, number> {
  const sums = new Map<string, { n: number; sum: number }>();
  for (const [sid, ms] of recent) {
    const s = sums.get(sid) ?? { n: 0, sum: 0 };
    s.n++;
    s.sum += ms;
    sums.set(sid, s);
  }
  const out: Record<string, number> = { ...typicalMs };
  for (const [sid, s] of sums) if (s.n >= minSamples) out[sid] = s.sum / s.n;
  return out;
}
