// The store contract's case about the province outbox (issue 15.3): the append-only
// events read from a cursor in id order, in pages, and the cursor kept as a setting.
import { expect, it } from 'vitest';
import { AT, issueBatch, ticket, type Using } from './contract.ts';

export function outboxCases(using: Using): void {
  it('eventsAfter pages through the events in id order from a cursor, and the cursor is kept across a restart', () =>
    using(async ({ port, reopen }) => {
      expect(await port.reads.eventsAfter(0, 10)).toEqual([]);
      const tickets = Array.from({ length: 5 }, (_, i) => ticket(`t-${i}`, `100${i}`, 'ho-tich', i + 1));
      for (const [i, t] of tickets.entries()) await port.commit(issueBatch(t, `key-${i}`));
      const all = await port.reads.eventsAfter(0, 100);
      expect(all.map((e) => e.ticketId)).toEqual(tickets.map((t) => t.id));
      const ids = all.map((e) => e.id);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      expect(new Set(ids).size).toBe(5);
      expect(all[0]).toMatchObject({ type: 'issued', at: AT, serviceId: 'ho-tich', data: { leg: 0 } });
      const first = await port.reads.eventsAfter(0, 2);
      expect(first.map((e) => e.id)).toEqual(ids.slice(0, 2));
      const rest = await port.reads.eventsAfter(first[1]!.id, 10);
      expect(rest.map((e) => e.id)).toEqual(ids.slice(2));
      expect(await port.reads.eventsAfter(ids[4]!, 10)).toEqual([]);
      await port.commit({ meta: [{ key: 'province.cursor', value: String(ids[2]) }] });
      const p = await reopen();
      expect(await p.reads.meta('province.cursor')).toBe(String(ids[2]));
      expect((await p.reads.eventsAfter(ids[2]!, 10)).map((e) => e.ticketId)).toEqual(['t-3', 't-4']);
    }));
}
