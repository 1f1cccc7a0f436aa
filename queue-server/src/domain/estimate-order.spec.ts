import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FieldPlaces } from './estimate-order.ts';
import { tieBreak, type Candidate } from './policy.ts';

const FIELDS = ['a', 'b', 'c'];
const ticket = (i: number, serviceId: string, enqueuedAt: number, status: Candidate['status']): Candidate => ({
  id: `t${i}`, number: `${serviceId.toUpperCase()}${1000 + (i % 7)}`, serviceId, status, priorityCategoryId: i % 3 === 0 ? 'elderly' : null,
  enqueuedAt, arrivedAt: enqueuedAt, priorWaitMs: 0, bookedAt: null,
});

/** The definition: waiting tickets of its field issued before it, by a scan. */
const scan = (all: readonly Candidate[], t: Candidate) =>
  all.filter((w) => w.serviceId === t.serviceId && w.id !== t.id && w.status === 'waiting' && tieBreak(w, t) < 0).length;

describe('FieldPlaces', () => {
  it('counts, for a ticket in the queue or one taken now, the waiting tickets of its field issued before it, as a scan does', () => {
    const arb = fc.array(fc.record({ field: fc.constantFrom(...FIELDS), at: fc.integer({ min: 0, max: 20 }), called: fc.boolean() }), { maxLength: 60 });
    fc.assert(
      fc.property(arb, fc.constantFrom(...FIELDS), fc.integer({ min: 0, max: 25 }), (rows, field, at) => {
        const all = rows.map((r, i) => ticket(i, r.field, r.at, r.called ? 'called' : 'waiting'));
        const places = new FieldPlaces(all);
        for (const t of all) expect(places.before(t)).toBe(scan(all, t));
        // A ticket not among them (a probe): same count.
        const probe = ticket(999, field, at, 'waiting');
        expect(places.before(probe)).toBe(scan(all, probe));
      }),
    );
  });

  it('a field nobody waits in has nobody ahead', () => {
    expect(new FieldPlaces([ticket(1, 'a', 5, 'waiting')]).before(ticket(2, 'b', 9, 'waiting'))).toBe(0);
  });
});
