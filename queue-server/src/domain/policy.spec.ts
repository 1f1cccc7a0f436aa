import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { due, graceMs, POOLED_WAIT_MS, PRESSED_LATE, PRESSED_PRIORITY, PRIORITY_SLOW_MS, pressedFields, URGENT_MS, orderForCounter, pickNext, type Candidate, type PolicyKind } from './policy.ts';
import { counter, min, policy, t } from './policy.fixtures.ts';

describe('calling policy', () => {
  it('fifo calls the earliest, ignoring priority', () => {
    const q = [t('2', 'a', 2 * min, true), t('1', 'a', 1 * min)];
    expect(pickNext(q, counter(), policy('fifo'))?.id).toBe('1');
  });
  it('strict priority calls a priority ticket first at any counter', () => {
    const q = [t('2', 'a', 2 * min, true), t('1', 'a', 1 * min)];
    expect(pickNext(q, counter(), policy('priority'))?.id).toBe('2');
  });
  it('target policy: a priority ticket goes first at the priority counter', () => {
    const q = [t('1', 'a', 0), t('2', 'a', 14 * min, true)];
    expect(pickNext(q, counter({ priority: true }), policy('target'))?.id).toBe('2');
  });
  it('target policy: at a priority counter (every field\'s pool) a regular ticket that has waited POOLED_WAIT_MS goes before the priority groups, the longest waited first; at a regular counter it does not', () => {
    const p = policy('target');
    const now = 100 * min;
    const old = t('old', 'a', now - POOLED_WAIT_MS);
    const older = t('older', 'b', now - POOLED_WAIT_MS - 2 * min);
    const nearly = t('nearly', 'a', now - POOLED_WAIT_MS + 1);
    const prio = t('P', 'a', now - 20 * min, true);
    expect(orderForCounter([nearly, prio, old, older], counter({ priority: true }), p, now).map((x) => x.id)).toEqual(['older', 'old', 'P', 'nearly']);
    // At a regular counter the field is pressed (someone waited the target + grace): its priority ticket first.
    expect(pickNext([nearly, prio, old, older], counter(), p, now)?.id).toBe('P');
    // Other policies: as before.
    expect(pickNext([prio, old], counter({ priority: true }), policy('priority'), now)?.id).toBe('P');
  });
  it('target policy: at a regular counter a priority ticket is brought forward by the advance, not past an older regular one near its deadline', () => {
    // regular 1 arrived at 0 (deadline 15), priority 2 arrived at 8 (deadline 8+15−10 = 13) → 2 first
    expect(pickNext([t('1', 'a', 0), t('2', 'a', 8 * min, true)], counter(), policy('target'))?.id).toBe('2');
    // priority 3 arrived at 12 (deadline 17) → regular 1 (deadline 15) first
    expect(pickNext([t('1', 'a', 0), t('3', 'a', 12 * min, true)], counter(), policy('target'))?.id).toBe('1');
  });
  it('target policy: once a field is pressed, its priority tickets go first at any counter of the field, longest waited first', () => {
    const p = policy('target');
    // At 30 min: regulars who came at 10, 11 and 12 are past due (due at 25–27), none has waited the target + grace.
    const late = [t('r1', 'a', 10 * min), t('r2', 'a', 11 * min), t('r3', 'a', 12 * min)];
    const fresh = t('P', 'a', 29 * min, true);
    // Two late: not pressed — the triage and the advance as before (r1 first; P, due at 44, has slack).
    expect(PRESSED_LATE).toBe(3);
    expect(pressedFields([...late.slice(0, 2), fresh], counter(), p, 30 * min).has('a')).toBe(false);
    expect(pickNext([...late.slice(0, 2), fresh], counter(), p, 30 * min)?.id).toBe('r1');
    // Three late: pressed — P first, even before those past due; then the triage order again.
    expect(pressedFields([...late, fresh], counter(), p, 30 * min).has('a')).toBe(true);
    expect(orderForCounter([...late, fresh, t('P0', 'a', 28 * min, true)], counter(), p, 30 * min).map((x) => x.id)).toEqual(['P0', 'P', 'r1', 'r2', 'r3']);
    // A field's pressure is its own: a pressed field b does not move field a's priority ticket at a counter of both.
    const b = late.map((x) => ({ ...x, id: `b${x.id}`, serviceId: 'b' }));
    expect(pickNext([...b, t('r0', 'a', 9 * min), fresh], counter({ serviceIds: ['a', 'b'] }), p, 30 * min)?.id).toBe('r0');
    // Someone who has waited the target + grace presses the field by itself; so do PRESSED_PRIORITY priority tickets
    // that have waited PRIORITY_SLOW_MS or more (the priority counters are not keeping up), not those just in.
    expect(pressedFields([t('old', 'a', 0), fresh], counter(), p, 30 * min).has('a')).toBe(true);
    const many = Array.from({ length: PRESSED_PRIORITY }, (_, i) => t(`p${i}`, 'a', (25 + i) * min, true));
    expect(pressedFields(many, counter(), p, 30 * min).has('a')).toBe(true);
    expect(pressedFields(many.slice(1), counter(), p, 30 * min).has('a')).toBe(false);
    expect(pressedFields(many, counter(), p, 25 * min + PRIORITY_SLOW_MS + PRESSED_PRIORITY * min - min - 1).has('a')).toBe(false);
    // Other policies know no pressure.
    expect(pressedFields([...late, fresh], counter(), policy('fifo'), 30 * min).size).toBe(0);
  });
  it('target policy: a transferred ticket carries its earlier wait', () => {
    const q = [t('1', 'a', 5 * min), t('2', 'a', 6 * min, false, { priorWaitMs: 10 * min })];
    expect(pickNext(q, counter(), policy('target'))?.id).toBe('2');
  });
  it('only services the counter serves, only waiting tickets', () => {
    const q = [t('1', 'z', 0), t('2', 'a', 1, false, { status: 'called' }), t('3', 'b', 2)];
    expect(orderForCounter(q, counter(), policy('target')).map((x) => x.id)).toEqual(['3']);
    expect(pickNext([t('1', 'z', 0)], counter(), policy('fifo'))).toBeNull();
  });
  it('weights lean a counter to its main field', () => {
    const q = [t('1', 'a', 0), t('2', 'b', 1 * min)];
    expect(pickNext(q, counter({ weights: { b: 2 } }), policy('target'))?.id).toBe('2');
  });

  it('target policy: a weight leans only while both have slack; a ticket near its target goes first', () => {
    // 1 (field a) is due at 15 min, 2 (field b, weight 5) at 17 min.
    const q = [t('1', 'a', 0), t('2', 'b', 2 * min)];
    const c = counter({ weights: { b: 5 } });
    expect(pickNext(q, c, policy('target'), 5 * min)?.id).toBe('2');
    expect(pickNext(q, c, policy('target'), 10 * min)?.id).toBe('1');
  });
  it('target policy (triage): past the target, a ticket yields to those who can still make it, for at most the grace', () => {
    const late = t('L', 'a', 0);
    const near = t('N', 'a', 10 * min);
    const p = policy('target');
    // At 16 min, L is past due (15) and N is due at 25 — not within the last 5 minutes: L goes first.
    expect(pickNext([late, near], counter(), p, 16 * min)?.id).toBe('L');
    // At 21 min N is due in 4 minutes and can still make it: N goes first.
    expect(pickNext([late, near], counter(), p, 21 * min)?.id).toBe('N');
    // At 30 min L has waited the target and the grace: it goes before anyone.
    expect(pickNext([late, t('M', 'a', 16 * min)], counter(), p, 30 * min)?.id).toBe('L');
    expect(graceMs(p)).toBe(15 * min);
  });
  it('target policy: an appointment is called at its booked time, before walk-ins with slack, not before one near the target', () => {
    const booked = t('A', 'a', 25 * min, false, { bookedAt: 30 * min });
    // At 30 min a walk-in who came at 22 (due at 37) has slack: the appointment first.
    expect(pickNext([booked, t('1', 'a', 22 * min)], counter(), policy('target'), 30 * min)?.id).toBe('A');
    // A walk-in who came at 16 is due at 31: saved first.
    expect(pickNext([booked, t('2', 'a', 16 * min)], counter(), policy('target'), 30 * min)?.id).toBe('2');
    // Before its time it still goes before walk-ins with more slack, after those about to be due.
    expect(pickNext([booked, t('3', 'a', 26 * min)], counter(), policy('target'), 26 * min)?.id).toBe('A');
    expect(pickNext([booked, t('4', 'a', 12 * min)], counter(), policy('target'), 26 * min)?.id).toBe('4');
  });
  it('without a clock, the latest arrival stands in for now', () => {
    const q = [t('1', 'a', 0), t('2', 'b', 2 * min)];
    // Latest arrival at 12 min: ticket 1 is due within 5 minutes, whatever the weights.
    expect(pickNext([...q, t('3', 'z', 12 * min)], counter({ weights: { b: 5 } }), policy('target'))?.id).toBe('1');
    expect(pickNext(q, counter({ weights: { b: 5 } }), policy('target'))?.id).toBe('2');
  });

  const ticketsArb = fc.array(
    fc.record({ s: fc.constantFrom('a', 'b', 'c'), at: fc.integer({ min: 0, max: 600 }), p: fc.boolean() }),
    { maxLength: 40 },
  ).map((xs) => xs.map((x, i) => t(String(i), x.s, x.at * 1000, x.p)));

  it('property: draining a queue serves everyone eligible exactly once, under every policy', () => {
    fc.assert(
      fc.property(ticketsArb, fc.constantFrom<PolicyKind>('fifo', 'priority', 'target'), fc.boolean(), (tickets, kind, prio) => {
        const c = counter({ priority: prio });
        let queue = [...tickets];
        const served: string[] = [];
        for (let next = pickNext(queue, c, policy(kind)); next; next = pickNext(queue, c, policy(kind))) {
          served.push(next.id);
          queue = queue.filter((q) => q.id !== next!.id);
        }
        expect(new Set(served).size).toBe(served.length);
        expect(served.sort()).toEqual(tickets.filter((x) => x.serviceId !== 'c').map((x) => x.id).sort());
      }),
    );
  });
  it('property: at a priority counter under the target policy, no regular ticket is called while a priority one waits', () => {
    fc.assert(
      fc.property(ticketsArb, (tickets) => {
        const order = orderForCounter(tickets, counter({ priority: true }), policy('target'));
        const firstRegular = order.findIndex((x) => x.priorityCategoryId === null);
        const lastPriority = order.map((x) => x.priorityCategoryId !== null).lastIndexOf(true);
        if (firstRegular !== -1 && lastPriority !== -1) expect(lastPriority).toBeLessThan(firstRegular);
      }),
    );
  });
  it('property: under the target policy a regular counter never passes over a ticket whose deadline is earlier by more than the advance', () => {
    fc.assert(
      fc.property(ticketsArb, (tickets) => {
        const order = orderForCounter(tickets, counter(), policy('target'));
        // Regular tickets keep their arrival order among themselves: nobody starves behind later arrivals.
        const regular = order.filter((x) => x.priorityCategoryId === null).map((x) => x.enqueuedAt);
        expect(regular).toEqual([...regular].sort((a, b) => a - b));
      }),
    );
  });
  it('property: pickNext is the head of orderForCounter, under every policy and clock', () => {
    fc.assert(
      fc.property(ticketsArb, fc.constantFrom<PolicyKind>('fifo', 'priority', 'target'), fc.boolean(), fc.integer({ min: 0, max: 2000 }), (tickets, kind, prio, nowS) => {
        const c = counter({ priority: prio, weights: { a: 3 } });
        expect(pickNext(tickets, c, policy(kind), nowS * 1000)?.id ?? null).toBe(orderForCounter(tickets, c, policy(kind), nowS * 1000)[0]?.id ?? null);
      }),
    );
  });

  // A small day: random arrivals and service times at a few counters, each counter
  // calling by the policy whenever it comes free. Checks every call as it happens.
  const dayArb = fc.record({
    arrivals: fc.array(
      fc.record({ s: fc.constantFrom('a', 'b', 'c'), at: fc.integer({ min: 0, max: 120 }), p: fc.integer({ min: 0, max: 3 }), appt: fc.integer({ min: 0, max: 7 }), booked: fc.integer({ min: 0, max: 150 }) }),
      { maxLength: 60 },
    ),
    counters: fc.array(
      fc.record({ services: fc.subarray(['a', 'b', 'c'], { minLength: 1 }), priority: fc.boolean(), lean: fc.constantFrom('a', 'b', 'c'), w: fc.integer({ min: 1, max: 8 }) }),
      { minLength: 1, maxLength: 3 },
    ),
    durations: fc.array(fc.integer({ min: 3, max: 25 }), { minLength: 1, maxLength: 20 }),
    kind: fc.constantFrom<PolicyKind>('fifo', 'priority', 'target'),
  });

  it('property: over a day nobody is called twice, everyone is called, priority first at priority counters (target: and in pressed fields), and (target) the triage order holds, so nobody starves', () => {
    fc.assert(
      fc.property(dayArb, ({ arrivals, counters, durations, kind }) => {
        const p = policy(kind);
        const tickets = arrivals
          .map((a, i) => t(String(i), a.s, a.at * min, a.p === 0, { bookedAt: a.appt === 0 ? Math.max(a.booked, a.at) * min : null }))
          .sort((x, y) => x.enqueuedAt - y.enqueuedAt);
        const rules = counters.map((c, i) => ({ rule: counter({ id: `k${i}`, serviceIds: c.services, priority: c.priority, weights: c.services.includes(c.lean) ? { [c.lean]: c.w } : {} }), freeAt: 0 }));
        const waiting: Candidate[] = [];
        const called = new Set<string>();
        let next = 0;
        let d = 0;
        // Bounded: each turn calls a ticket or moves a counter on to the next arrival.
        for (let turn = 0; turn < 4 * tickets.length + 4 * rules.length + 4; turn++) {
          const c = rules.reduce((a, b) => (b.freeAt < a.freeAt ? b : a));
          if (c.freeAt === Infinity) break;
          const now = c.freeAt;
          while (next < tickets.length && tickets[next]!.enqueuedAt <= now) waiting.push(tickets[next++]!);
          const pick = pickNext(waiting, c.rule, p, now);
          if (!pick) {
            c.freeAt = next < tickets.length ? tickets[next]!.enqueuedAt : Infinity;
            continue;
          }
          const mine = waiting.filter((x) => c.rule.serviceIds.includes(x.serviceId));
          expect(called.has(pick.id)).toBe(false);
          if (kind === 'fifo') expect(pick.enqueuedAt).toBe(Math.min(...mine.map((x) => x.enqueuedAt)));
          const priorityWaits = mine.some((x) => x.priorityCategoryId !== null);
          // Target policy, at a priority counter: a regular ticket that has waited POOLED_WAIT_MS first (the longest waited), else priority first.
          const pooled = kind === 'target' && c.rule.priority ? mine.filter((x) => x.priorityCategoryId === null && x.enqueuedAt - x.priorWaitMs + POOLED_WAIT_MS <= now) : [];
          if (pooled.length) {
            expect(pick.priorityCategoryId).toBeNull();
            expect(due(pick, p)).toBe(Math.min(...pooled.map((x) => due(x, p))));
          } else if (priorityWaits && (kind === 'priority' || (kind === 'target' && c.rule.priority))) expect(pick.priorityCategoryId).not.toBeNull();
          // Target policy: in a pressed field its priority tickets go first at any counter, longest waited first.
          const pressed = pressedFields(waiting, c.rule, p, now);
          const jumpers = mine.filter((x) => x.priorityCategoryId !== null && pressed.has(x.serviceId));
          if (kind === 'target' && !c.rule.priority && jumpers.length) {
            expect(pick.priorityCategoryId).not.toBeNull();
            expect(due(pick, p)).toBe(Math.min(...jumpers.map((x) => due(x, p))));
          } else if (kind === 'target' && !(c.rule.priority && priorityWaits)) {
            // The order of the header: long past due, then about to be due, then past due; earliest due first.
            const dueOf = (x: Candidate) => due(x, p);
            const groups = [
              mine.filter((x) => dueOf(x) + graceMs(p) <= now),
              mine.filter((x) => dueOf(x) > now && dueOf(x) <= now + URGENT_MS),
              mine.filter((x) => dueOf(x) <= now),
            ];
            const first = groups.find((g) => g.length > 0);
            if (first) expect(dueOf(pick)).toBe(Math.min(...first.map(dueOf)));
            // Nobody starves: whoever waits the target + grace is never passed over here (but by a pressed field's priority tickets, above).
            if (groups[0]!.length) expect(now - (pick.enqueuedAt - pick.priorWaitMs)).toBeGreaterThanOrEqual(p.targetWaitMinutes * min + graceMs(p));
          }
          called.add(pick.id);
          waiting.splice(waiting.indexOf(pick), 1);
          c.freeAt = now + durations[d++ % durations.length]! * min;
        }
        const servable = tickets.filter((x) => rules.some((r) => r.rule.serviceIds.includes(x.serviceId)));
        expect([...called].sort()).toEqual(servable.map((x) => x.id).sort());
      }),
      { numRuns: 400 },
    );
  });
});
