// Estimates honest under any policy (issue 18.3): the range learned from
// measured errors. The forward run (estimate.ts), which since issue 18.3 also
// takes the arrivals to expect (estimate-arrivals.ts), gives the figure; each
// called ticket tells how far off its estimate at issue was, and those errors,
// kept per priority class and per band of the estimate (the run's own figure
// says how full the hall looked), give the range around a new estimate that
// held most of the recent waits. The figure itself is not moved by them: a
// correction learned from calls lags the hall (a ticket teaches only once it is
// called), and over ten seeds per stress profile shifting the figure by the
// band's median error left the MAE as it was but made those who waited past the
// target 4–6 minutes more too optimistic (tests/bench/README.md). Cheap on the
// issue path: an answer reads a band's figures, sorted again only after a call.

/** Bands of the run's estimate, minutes: [0, 3), [3, 6), … [90, ∞). */
const BANDS = [3, 6, 10, 15, 20, 30, 45, 60, 90];
/** Bands of the longest wait so far among the field's waiting tickets, minutes: how late the field already runs. */
const OLDEST = [5, 10, 15, 20, 30, 45];
/** Errors kept per band (the newest); enough to read a decile, few enough to follow the day. */
const KEEP = 80;
/** Errors a band needs before it gives a range. */
const MIN_SAMPLES = 12;
/** The range's ends, as quantiles of the recent errors: about 90% of like waits fall inside, so that the lag of learning from calls still leaves ≥ 80%. */
const LOW_Q = 0.05;
const HIGH_Q = 0.95;

export interface Calibrated {
  /** The estimate to show, minutes: the run's, to the minute. */
  estimatedWaitMinutes: number | null;
  /** The range to show ("khoảng 12–18 phút"), or null where there is not yet evidence for one. */
  low: number | null;
  high: number | null;
}

interface Band {
  errors: number[];
  /** Next slot to overwrite once full. */
  next: number;
  /** Sorted copy, made when first read after a change. */
  sorted: number[] | null;
}

const band = (minutes: number, edges: readonly number[] = BANDS) => {
  let i = 0;
  while (i < edges.length && minutes >= edges[i]!) i++;
  return i;
};

function quantile(sorted: readonly number[], q: number): number {
  const x = q * (sorted.length - 1);
  const lo = Math.floor(x);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (x - lo);
}

export class EstimateCalibration {
  private readonly bands = new Map<string, Band>();

  /** A ticket was called: its run's estimate at issue, how late its field ran then, and its actual wait, minutes. */
  observe(priority: boolean, estimateMin: number, oldestMin: number, actualMin: number): void {
    const coarse = `${priority ? 1 : 0}:${band(estimateMin)}`;
    this.add(coarse, estimateMin, actualMin);
    this.add(`${coarse}:${band(oldestMin, OLDEST)}`, estimateMin, actualMin);
  }

  private add(k: string, estimateMin: number, actualMin: number): void {
    let b = this.bands.get(k);
    if (!b) this.bands.set(k, (b = { errors: [], next: 0, sorted: null }));
    const e = actualMin - estimateMin;
    if (b.errors.length < KEEP) b.errors.push(e);
    else {
      b.errors[b.next] = e;
      b.next = (b.next + 1) % KEEP;
    }
    b.sorted = null;
  }

  /**
   * The estimate to show for a ticket whose run says `estimateMin` (null: no counter
   * serves it) while its field's longest wait so far is `oldestMin`, with the range from
   * the errors of that band and that lateness, or of the band alone while those are too few.
   */
  adjust(priority: boolean, estimateMin: number | null, oldestMin: number): Calibrated {
    if (estimateMin === null) return { estimatedWaitMinutes: null, low: null, high: null };
    const coarse = `${priority ? 1 : 0}:${band(estimateMin)}`;
    const fine = this.bands.get(`${coarse}:${band(oldestMin, OLDEST)}`);
    const b = fine && fine.errors.length >= MIN_SAMPLES ? fine : this.bands.get(coarse);
    if (!b || b.errors.length < MIN_SAMPLES) return { estimatedWaitMinutes: estimateMin, low: null, high: null };
    const s = (b.sorted ??= [...b.errors].sort((x, y) => x - y));
    const at = (q: number) => Math.max(0, Math.round(estimateMin + quantile(s, q)));
    const mid = Math.round(estimateMin);
    return { estimatedWaitMinutes: mid, low: Math.min(mid, at(LOW_Q)), high: Math.max(mid, at(HIGH_Q)) };
  }
}
