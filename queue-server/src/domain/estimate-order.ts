// Estimates that cannot contradict each other (issue 20, point 7): within one
// field and one priority class, a ticket issued later never shows fewer people
// ahead, nor a shorter wait, than one issued earlier. The forward run follows
// the calling policy, whose triage (policy.ts) may call a later ticket before an
// earlier one that is already late; but the earlier one's holder sees the later
// one's screen, and the later one will in turn be overtaken by those who come
// after it. So each ticket shows at least what every earlier classmate shows:
// a running maximum over the class in issue order.
import { tieBreak, type Candidate } from './policy.ts';
import type { Estimate } from './estimate.ts';

const classOf = (t: Candidate) => (t.priorityCategoryId === null ? '0' : '1') + t.serviceId;

interface ClassOrder {
  /** The class's waiting tickets in issue order. */
  items: Candidate[];
  /** Running maxima of the run's own answers, item by item. */
  ahead: number[];
  wait: (number | null)[];
}

/** The running maxima of one run's answers, per class, built when a class is first asked about. */
export class InOrder {
  private groups: Map<string, Candidate[]> | null = null;
  private readonly orders = new Map<string, ClassOrder>();

  constructor(
    private readonly waiting: readonly Candidate[],
    private readonly raw: (t: Candidate) => Estimate | undefined,
  ) {}

  private order(t: Candidate): ClassOrder {
    const key = classOf(t);
    const known = this.orders.get(key);
    if (known) return known;
    if (!this.groups) {
      this.groups = new Map();
      for (const w of this.waiting) {
        if (w.status !== 'waiting') continue;
        const k = classOf(w);
        const g = this.groups.get(k);
        if (g) g.push(w);
        else this.groups.set(k, [w]);
      }
    }
    const items = (this.groups.get(key) ?? []).sort(tieBreak);
    const ahead: number[] = new Array(items.length);
    const wait: (number | null)[] = new Array(items.length);
    let a = 0;
    let m: number | null = null;
    for (let i = 0; i < items.length; i++) {
      const r = this.raw(items[i]!);
      if (r) {
        a = Math.max(a, r.peopleAhead);
        if (r.estimatedWaitMinutes !== null) m = m === null ? r.estimatedWaitMinutes : Math.max(m, r.estimatedWaitMinutes);
      }
      ahead[i] = a;
      wait[i] = m;
    }
    const o = { items, ahead, wait };
    this.orders.set(key, o);
    return o;
  }

  /** How many of `t`'s class come before it in issue order (`t` need not be among them). */
  private position(o: ClassOrder, t: Candidate): number {
    let lo = 0;
    let hi = o.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tieBreak(o.items[mid]!, t) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** `t`'s classmates issued before it. */
  before(t: Candidate): Candidate[] {
    const o = this.order(t);
    return o.items.slice(0, this.position(o, t));
  }

  /** `r` (the run's answer for `t`, one of the waiting) raised to the running maximum at its place. */
  of(t: Candidate, r: Estimate): Estimate {
    const o = this.order(t);
    const i = this.position(o, t);
    if (o.items[i]?.id !== t.id) return r;
    return { peopleAhead: o.ahead[i]!, estimatedWaitMinutes: r.estimatedWaitMinutes === null ? null : Math.max(r.estimatedWaitMinutes, o.wait[i] ?? 0) };
  }

  /** `r` (the answer for `t`, not among the waiting) raised to the maximum of its classmates issued before it. */
  atLeast(t: Candidate, r: Estimate): Estimate {
    const o = this.order(t);
    const i = this.position(o, t) - 1;
    if (i < 0) return r;
    return { peopleAhead: Math.max(r.peopleAhead, o.ahead[i]!), estimatedWaitMinutes: r.estimatedWaitMinutes === null ? null : Math.max(r.estimatedWaitMinutes, o.wait[i] ?? 0) };
  }
}

/**
 * How many waiting tickets of a ticket's own field come before it in issue order — the
 * "people ahead" of a ticket nobody serves now. Each field's tickets are sorted once, when
 * the field is first asked about; each answer is then a binary search (one run answers every
 * ticket of the queue: a scan per ticket made a long unserved queue cost its square).
 */
export class FieldPlaces {
  private fields: Map<string, Candidate[]> | null = null;

  constructor(private readonly waiting: readonly Candidate[]) {}

  /** Waiting tickets of `t`'s field issued before it (`t` need not be among them). */
  before(t: Candidate): number {
    if (!this.fields) {
      this.fields = new Map();
      for (const w of this.waiting) {
        if (w.status !== 'waiting') continue;
        const g = this.fields.get(w.serviceId);
        if (g) g.push(w);
        else this.fields.set(w.serviceId, [w]);
      }
      for (const g of this.fields.values()) g.sort(tieBreak);
    }
    const items = this.fields.get(t.serviceId) ?? [];
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tieBreak(items[mid]!, t) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
