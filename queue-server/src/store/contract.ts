// The store contract: what any implementation of the port (port.ts) must do,
// as one suite. Each implementation runs it with a factory for fresh, empty
// stores (sqlite/sqlite.contract.spec.ts; PostgreSQL's in its own issue).
import { describe, expect, it } from 'vitest';
import { newTicket, type DomainEvent } from '../domain/index.ts';
import type { Batch, StorePort } from './port.ts';
import { ticketRecord, type TicketRecord } from './index.ts';

export interface ContractStore {
  port: StorePort;
  /** A second port over the same data, as after a restart. */
  reopen(): Promise<StorePort>;
  close(): Promise<void>;
}

const DAY = '2026-11-23';
const AT = Date.parse(`${DAY}T08:00:00+07:00`);

export function ticket(id: string, number: string, serviceId = 'ho-tich', seq = 1): TicketRecord {
  return ticketRecord(newTicket({ id, number, day: DAY, serviceId, priorityCategoryId: null, channel: 'kiosk', at: AT, bookedAt: null }), {
    seq, kioskId: null, procedureCode: null, citizenName: null, citizenAge: null, idHash: null, idLast4: null, printed: null, transferredTo: null, rating: null, lang: null,
  });
}

const issuedEvent = (t: TicketRecord): DomainEvent => ({ at: t.arrivedAt, type: 'issued', ticketId: t.id, visitId: t.visitId, serviceId: t.serviceId, counterId: null, actor: null, data: { leg: 0 } });

/** The batch of issuing `t` with idempotency key `key`. */
const issueBatch = (t: TicketRecord, key: string): Batch => ({
  insertTickets: [t],
  events: [issuedEvent(t)],
  sequences: [{ day: t.day, serviceId: t.serviceId, seq: t.seq }],
  idempotencyKeys: [{ key, ticketId: t.id, at: t.arrivedAt }],
});

export function storeContract(name: string, open: () => Promise<ContractStore>): void {
  describe(`store contract: ${name}`, () => {
    const using = async (fn: (s: ContractStore) => Promise<void>) => {
      const s = await open();
      try {
        await fn(s);
      } finally {
        await s.close();
      }
    };

    it('names its kind and answers ping', () =>
      using(async ({ port }) => {
        expect(['sqlite', 'postgres']).toContain(port.kind);
        await expect(port.ping()).resolves.toBeUndefined();
      }));

    it('an empty store has an empty runtime state and finds nothing', () =>
      using(async ({ port }) => {
        const rt = await port.loadRuntime(DAY);
        expect(rt).toMatchObject({ day: DAY, openTickets: [], counters: [] });
        expect([rt.sequences.size, rt.numbers.size, rt.issued.size, rt.idempotencyKeys.size]).toEqual([0, 0, 0, 0]);
        expect(await port.reads.ticket('nope')).toBeNull();
        expect(await port.reads.user('nobody')).toBeNull();
        expect(await port.reads.booking('NOPE')).toBeNull();
        expect(await port.reads.lastFinishedAt('quay-1')).toBeNull();
      }));

    it('a committed batch is all there, in the runtime state, the reads and after a restart', () =>
      using(async ({ port, reopen }) => {
        const t = ticket('t-1', '1001');
        await port.commit({
          ...issueBatch(t, 'key-1'),
          counters: [{ counterId: 'quay-2', status: 'paused', staff: 'quay2', at: AT }],
          audit: [{ actor: 'quay2', action: 'counter.paused', target: 'quay-2', detail: {}, at: AT }],
        });
        for (const p of [port, await reopen()]) {
          const rt = await p.loadRuntime(DAY);
          expect(rt.openTickets).toEqual([t]);
          expect(rt.counters).toEqual([{ counterId: 'quay-2', status: 'paused', staff: 'quay2' }]);
          expect([...rt.sequences]).toEqual([['ho-tich', 1]]);
          expect([...rt.numbers]).toEqual(['1001']);
          expect([...rt.issued]).toEqual([['ho-tich', 1]]);
          expect([...rt.idempotencyKeys]).toEqual([['key-1', 't-1']]);
          expect(await p.reads.ticket('t-1')).toEqual(t);
          expect(await p.reads.ticketByNumber(DAY, '1001')).toEqual(t);
          expect((await p.reads.visitEvents(DAY, DAY)).map((e) => [e.type, e.ticketId])).toEqual([['issued', 't-1']]);
          expect((await p.reads.audit()).map((a) => a.action)).toEqual(['counter.paused']);
        }
      }));

    it('a refused batch keeps nothing of itself, and the store goes on', () =>
      using(async ({ port }) => {
        const t = ticket('t-1', '1001');
        await port.commit(issueBatch(t, 'key-1'));
        // The same ticket id again: refused as a whole, its key and sequence with it.
        await expect(port.commit(issueBatch(ticket('t-1', '1002', 'ho-tich', 2), 'key-2'))).rejects.toThrow();
        const rt = await port.loadRuntime(DAY);
        expect([...rt.idempotencyKeys.keys()]).toEqual(['key-1']);
        expect(rt.sequences.get('ho-tich')).toBe(1);
        expect(rt.numbers.has('1002')).toBe(false);
        await port.commit(issueBatch(ticket('t-2', '1002', 'ho-tich', 2), 'key-2'));
        expect((await port.loadRuntime(DAY)).openTickets.map((x) => x.id).sort()).toEqual(['t-1', 't-2']);
      }));

    it('batches committed in one turn all land; a ticket that closes leaves the open ones', () =>
      using(async ({ port }) => {
        const a = ticket('t-a', '1001');
        const b = ticket('t-b', '1002', 'ho-tich', 2);
        await Promise.all([port.commit(issueBatch(a, 'ka')), port.commit(issueBatch(b, 'kb'))]);
        const called = ticketRecord(a, { status: 'called', calledAt: AT + 60_000, waitEndAt: AT + 60_000, callCount: 1, counterId: 'quay-2', staff: 'quay2' });
        const done = ticketRecord(called, { status: 'done', startedAt: AT + 60_000, finishedAt: AT + 360_000 });
        await port.commit({ updateTickets: [called] });
        await port.commit({ updateTickets: [done] });
        const rt = await port.loadRuntime(DAY);
        expect(rt.openTickets.map((x) => x.id)).toEqual(['t-b']);
        expect(rt.issued.get('ho-tich')).toBe(2);
        expect((await port.reads.lastFinishedAt('quay-2'))?.id).toBe('t-a');
        expect(await port.reads.recentServiceTimes(DAY)).toEqual([['ho-tich', 300_000]]);
      }));

    it('a day sequence never goes down, and each day has its own', () =>
      using(async ({ port }) => {
        await port.commit({ sequences: [{ day: DAY, serviceId: 'ho-tich', seq: 5 }] });
        await port.commit({ sequences: [{ day: DAY, serviceId: 'ho-tich', seq: 3 }, { day: '2026-11-24', serviceId: 'ho-tich', seq: 1 }] });
        expect((await port.loadRuntime(DAY)).sequences.get('ho-tich')).toBe(5);
        expect((await port.loadRuntime('2026-11-24')).sequences.get('ho-tich')).toBe(1);
        expect((await port.loadRuntime('2026-11-25')).sequences.size).toBe(0);
      }));
  });
}
