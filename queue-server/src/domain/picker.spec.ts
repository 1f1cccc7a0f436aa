import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LONG_AFTER, orderForCounter, pickNext, type PolicyKind } from './policy.ts';
import { counter, min, policy, t } from './policy.fixtures.ts';
import { Picker } from './picker.ts';

describe('Picker', () => {
  it('Picker: booked tickets go by booked time, not by check-in, at a priority counter too', () => {
    // A checked in first but booked later than B.
    const a = t('A', 'a', 10 * min, true, { bookedAt: 100 * min });
    const b = t('B', 'a', 11 * min, true, { bookedAt: 30 * min });
    for (const prio of [true, false]) {
      const c = counter({ priority: prio });
      expect(new Picker([a, b], policy('target')).pick(c, 12 * min)?.id).toBe(pickNext([a, b], c, policy('target'), 12 * min)?.id);
      expect(new Picker([a, b], policy('target')).pick(c, 12 * min)?.id).toBe('B');
    }
  });
  it('property: the fast Picker chooses as pickNext does, as tickets leave and the clock moves', () => {
    const arb = fc.record({
      tickets: fc.array(
        fc.record({
          s: fc.constantFrom('a', 'b', 'c'),
          at: fc.integer({ min: 0, max: 90 }),
          p: fc.integer({ min: 0, max: 2 }),
          appt: fc.integer({ min: 0, max: 2 }),
          booked: fc.integer({ min: 0, max: 120 }),
          prior: fc.integer({ min: 0, max: 8 }),
        }),
        { maxLength: 50 },
      ),
      counters: fc.array(fc.record({ s: fc.subarray(['a', 'b', 'c'], { minLength: 1 }), prio: fc.boolean(), w: fc.integer({ min: 1, max: 6 }) }), { minLength: 1, maxLength: 4 }),
      times: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 60 }),
      kind: fc.constantFrom<PolicyKind>('fifo', 'priority', 'target'),
    });
    fc.assert(
      fc.property(arb, ({ tickets, counters, times, kind }) => {
        const p = policy(kind);
        const all = tickets.map((x, i) =>
          t(String(i), x.s, x.at * min, x.p === 0, { bookedAt: x.appt === 0 ? x.booked * min : null, priorWaitMs: x.prior > 5 ? (x.prior - 5) * 4 * min : 0 }),
        );
        let left = all;
        const picker = new Picker(left, p);
        const rules = counters.map((c, i) => counter({ id: `k${i}`, serviceIds: c.s, priority: c.prio, weights: { [c.s[0]!]: c.w } }));
        // Bounded by the list of instants.
        for (const [k, minute] of times.entries()) {
          const c = rules[k % rules.length]!;
          const fast = picker.pick(c, minute * min);
          expect(fast?.id ?? null).toBe(pickNext(left, c, p, minute * min)?.id ?? null);
          if (fast) {
            picker.remove(fast);
            left = left.filter((x) => x !== fast);
          }
        }
        // What is left drains, field by field, as a plain counter of the field orders it long after everyone's target.
        for (const s of ['a', 'b', 'c']) {
          const plainOf = counter({ id: 'plain', serviceIds: [s] });
          const order = orderForCounter(left, plainOf, p, LONG_AFTER);
          order.forEach((x, i) => {
            expect(picker.has(x)).toBe(true);
            expect(picker.countBefore(x)).toBe(i);
          });
          // A newcomer (any time, regular or priority) takes its place among them.
          const late = t('late', s, times[0]! * min, times.length % 2 === 0);
          expect(picker.has(late)).toBe(false);
          expect(picker.countBefore(late)).toBe(orderForCounter([...left, late], plainOf, p, LONG_AFTER).findIndex((x) => x === late));
        }
        // Those called are gone.
        for (const x of all) expect(picker.has(x)).toBe(left.includes(x));
      }),
      { numRuns: 300 },
    );
  });
  it('property: with arrivals still to come (the estimate\'s expected ones), the Picker chooses as pickNext does among those arrived by the instant', () => {
    const arb = fc.record({
      waiting: fc.array(fc.record({ s: fc.constantFrom('a', 'b'), at: fc.integer({ min: 0, max: 60 }), p: fc.boolean(), appt: fc.integer({ min: 0, max: 3 }), booked: fc.integer({ min: 0, max: 120 }), prior: fc.integer({ min: 0, max: 20 }) }), { maxLength: 30 }),
      coming: fc.array(fc.record({ s: fc.constantFrom('a', 'b'), at: fc.integer({ min: 61, max: 180 }), p: fc.boolean() }), { maxLength: 30 }),
      counters: fc.array(fc.record({ s: fc.subarray(['a', 'b'], { minLength: 1 }), prio: fc.boolean(), w: fc.integer({ min: 1, max: 6 }) }), { minLength: 1, maxLength: 3 }),
      times: fc.array(fc.integer({ min: 60, max: 240 }), { minLength: 1, maxLength: 60 }),
      kind: fc.constantFrom<PolicyKind>('fifo', 'priority', 'target'),
    });
    fc.assert(
      fc.property(arb, ({ waiting, coming, counters, times, kind }) => {
        const p = policy(kind);
        const now = waiting.map((x, i) => t(`w${i}`, x.s, x.at * min, x.p, { bookedAt: x.appt === 0 ? x.booked * min : null, priorWaitMs: x.prior * min }));
        const later = coming.map((x, i) => t(`c${i}`, x.s, x.at * min, x.p));
        let left = [...now, ...later];
        const picker = new Picker(left, p, true);
        const rules = counters.map((c, i) => counter({ id: `k${i}`, serviceIds: c.s, priority: c.prio, weights: { [c.s[0]!]: c.w } }));
        // Bounded by the list of instants.
        for (const [k, minute] of [...times].sort((a, b) => a - b).entries()) {
          const c = rules[k % rules.length]!;
          const fast = picker.pick(c, minute * min);
          const arrived = left.filter((x) => x.enqueuedAt <= minute * min);
          expect(fast?.id ?? null).toBe(pickNext(arrived, c, p, minute * min)?.id ?? null);
          if (fast) {
            picker.remove(fast);
            left = left.filter((x) => x !== fast);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
