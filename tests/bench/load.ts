// The one load generator every target is driven by: a closed loop of N
// concurrent clients, or an open loop at a fixed rate. An operation is any
// async function (an HTTP request, a SQLite insert); latency is measured around it.
import { performance } from 'node:perf_hooks';

export type Op = (i: number) => Promise<void>;

export interface LoadResult {
  ops: number;
  errors: number;
  /** Ops still running at the cut-off; counted in the percentiles with their time so far (a lower bound). */
  unfinished: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summarise(done: number[], unfinished: number[], errors: number, seconds: number): LoadResult {
  const latencies = [...done, ...unfinished].sort((a, b) => a - b);
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    ops: done.length,
    errors,
    unfinished: unfinished.length,
    seconds: r3(seconds),
    perSecond: Math.round(done.length / seconds),
    p50Ms: r3(percentile(latencies, 50)),
    p99Ms: r3(percentile(latencies, 99)),
    maxMs: r3(latencies[latencies.length - 1] ?? NaN),
  };
}

/** How long ops still running when a run's time is up may take before they are cut off. */
const GRACE_MS = 5_000;

/** Tracks ops in flight, so a run can end on time even when its target stalls. */
class Runs {
  readonly done: number[] = [];
  errors = 0;
  private readonly inFlight = new Map<number, number>();
  private seq = 0;
  track(start: number, p: Promise<void>): Promise<void> {
    const k = this.seq++;
    this.inFlight.set(k, start);
    return p.then(
      () => {
        if (this.inFlight.delete(k)) this.done.push(performance.now() - start);
      },
      () => {
        if (this.inFlight.delete(k)) this.errors++;
      },
    );
  }
  /** Waits for what is in flight, at most GRACE_MS; the rest count as unfinished. */
  async settle(all: Promise<unknown>): Promise<number[]> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise((r) => (timer = setTimeout(r, GRACE_MS)))]);
    clearTimeout(timer);
    const now = performance.now();
    const cut = [...this.inFlight.values()].map((start) => now - start);
    this.inFlight.clear();
    return cut;
  }
}

/** `concurrency` clients each run ops back to back until `total` ops are started or `maxSeconds` pass. */
export async function closedLoop(op: Op, opts: { concurrency: number; total: number; maxSeconds: number }): Promise<LoadResult> {
  const runs = new Runs();
  let next = 0;
  const start = performance.now();
  const deadline = start + opts.maxSeconds * 1000;
  const worker = async () => {
    // Bounded by `total` and by the deadline.
    while (next < opts.total && performance.now() < deadline) {
      const i = next++;
      await runs.track(performance.now(), op(i));
    }
  };
  const workers = Promise.all(Array.from({ length: opts.concurrency }, worker));
  await Promise.race([workers, new Promise((r) => setTimeout(r, opts.maxSeconds * 1000).unref())]);
  const unfinished = await runs.settle(workers);
  return summarise(runs.done, unfinished, runs.errors, (performance.now() - start) / 1000);
}

/**
 * Starts one op every 1/rate seconds for `seconds`, whatever the earlier ones are
 * doing; latency runs from the op's scheduled start, so a stall is not hidden
 * by the generator waiting for it (no coordinated omission).
 */
export async function openLoop(op: Op, opts: { rate: number; seconds: number }): Promise<LoadResult> {
  const runs = new Runs();
  const n = Math.round(opts.rate * opts.seconds);
  const gap = 1000 / opts.rate;
  const start = performance.now();
  const running: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const due = start + i * gap;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    running.push(runs.track(due, op(i)));
  }
  const unfinished = await runs.settle(Promise.all(running));
  return summarise(runs.done, unfinished, runs.errors, (performance.now() - start) / 1000);
}
