// The store contract: what any implementation of the port (port.ts) must do, as one suite,
// each run with a factory for fresh, empty stores (sqlite/ and postgres/*.contract.spec.ts).
import { describe, expect, it } from 'vitest';
import { newTicket, type DomainEvent } from '../domain/index.ts';
import type { Batch, StorePort } from './port.ts';
import { ticketRecord, type TicketRecord } from './index.ts';
import { accountAndDeviceCases } from './contract-accounts-devices.ts';
import { outboxCases } from './contract-outbox.ts';
import { ticketFieldCases } from './contract-ticket-fields.ts';

export interface ContractStore {
  port: StorePort;
  /** A second port over the same data, as after a restart. */
  reopen(): Promise<StorePort>;
  close(): Promise<void>;
}

export const DAY = '2026-11-23';
export const AT = Date.parse(`${DAY}T08:00:00+07:00`);

export function ticket(id: string, number: string, serviceId = 'ho-tich', seq = 1): TicketRecord {
  return ticketRecord(newTicket({ id, number, day: DAY, serviceId, priorityCategoryId: null, channel: 'kiosk', at: AT, bookedAt: null }), {
    seq, kioskId: null, procedureCode: null, citizenName: null, citizenAge: null, idHash: null, idLast4: null, printed: null, transferredTo: null, rating: null, lang: null, dossierCode: null,
  });
}

const issuedEvent = (t: TicketRecord): DomainEvent => ({ at: t.arrivedAt, type: 'issued', ticketId: t.id, visitId: t.visitId, serviceId: t.serviceId, counterId: null, actor: null, data: { leg: 0 } });

/** The batch of issuing `t` with idempotency key `key`. */
export const issueBatch = (t: TicketRecord, key: string): Batch => ({
  insertTickets: [t],
  events: [issuedEvent(t)],
  sequences: [{ day: t.day, serviceId: t.serviceId, seq: t.seq }],
  idempotencyKeys: [{ key, ticketId: t.id, at: t.arrivedAt }],
});

/** Runs a case on a fresh store and closes it after. */
export type Using = (fn: (s: ContractStore) => Promise<void>) => Promise<void>;

export function storeContract(name: string, open: () => Promise<ContractStore>): void {
  describe(`store contract: ${name}`, () => {
    const using: Using = async (fn) => {
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
          counters: [{ counterId: 'quay-2', status: 'paused', staff: 'quay2', serviceIds: null, at: AT }],
          audit: [{ actor: 'quay2', action: 'counter.paused', target: 'quay-2', detail: {}, at: AT }],
        });
        for (const p of [port, await reopen()]) {
          const rt = await p.loadRuntime(DAY);
          expect(rt.openTickets).toEqual([t]);
          expect(rt.counters).toEqual([{ counterId: 'quay-2', status: 'paused', staff: 'quay2', serviceIds: null }]);
          expect([...rt.sequences]).toEqual([['ho-tich', 1]]);
          expect([...rt.numbers]).toEqual(['1001']);
          expect([...rt.issued]).toEqual([['ho-tich', 1]]);
          expect([...rt.idempotencyKeys]).toEqual([['key-1', { ticketId: 't-1', at: t.arrivedAt }]]);
          expect(await p.reads.ticket('t-1')).toEqual(t);
          expect(await p.reads.ticketByNumber(DAY, '1001')).toEqual(t);
          expect((await p.reads.visitEvents(DAY, DAY)).map((e) => [e.type, e.ticketId])).toEqual([['issued', 't-1']]);
          expect((await p.reads.audit()).map((a) => a.action)).toEqual(['counter.paused']);
        }
      }));

    it("a counter's fields of today are kept, changed, cleared, and survive a restart (issue 13.3)", () =>
      using(async ({ port, reopen }) => {
        await port.commit({ counters: [{ counterId: 'quay-3', status: 'open', staff: 'quay3', serviceIds: ['ho-tich', 'dat-dai'], at: AT }] });
        expect((await port.loadRuntime(DAY)).counters).toEqual([{ counterId: 'quay-3', status: 'open', staff: 'quay3', serviceIds: ['ho-tich', 'dat-dai'] }]);
        // The last change of a batch wins; a sign-out clears them.
        await port.commit({
          counters: [
            { counterId: 'quay-3', status: 'open', staff: 'quay3', serviceIds: ['dat-dai'], at: AT + 1 },
            { counterId: 'quay-4', status: 'paused', staff: 'quay4', serviceIds: ['tu-phap'], at: AT + 1 },
          ],
        });
        await port.commit({ counters: [{ counterId: 'quay-4', status: 'paused', staff: null, serviceIds: null, at: AT + 2 }] });
        for (const p of [port, await reopen()]) {
          const rows = (await p.loadRuntime(DAY)).counters.sort((a, b) => a.counterId.localeCompare(b.counterId));
          expect(rows).toEqual([
            { counterId: 'quay-3', status: 'open', staff: 'quay3', serviceIds: ['dat-dai'] },
            { counterId: 'quay-4', status: 'paused', staff: null, serviceIds: null },
          ]);
        }
      }));

    it("ratings' notes are kept apart, read by time, and deleted before a cutoff (issue 16.5)", () =>
      using(async ({ port, reopen }) => {
        const n1 = { ticketId: 't-1', at: AT, score: 2, serviceId: 'ho-tich', counterId: 'quay-2', staff: 'quay2', note: 'Phòng chờ nóng' };
        const n2 = { ...n1, ticketId: 't-2', at: AT + 86_400_000, score: 1, counterId: null, staff: null, note: 'Chờ lâu quá' };
        await port.commit({ ratingNotes: [n1, n2] });
        for (const p of [port, await reopen()]) {
          expect(await p.reads.ratingNotes(AT, AT + 1)).toEqual([n1]);
          expect(await p.reads.ratingNotes(0, AT + 2 * 86_400_000)).toEqual([n1, n2]);
        }
        const p = await reopen();
        expect(await p.forgetRatingNotes(AT + 1)).toBe(1);
        expect(await p.reads.ratingNotes(0, AT + 2 * 86_400_000)).toEqual([n2]);
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

    it('forgets the idempotency keys made before a cutoff, in the same batch as new ones', () =>
      using(async ({ port, reopen }) => {
        const t1 = ticket('t-1', '1001');
        const t2 = ticket('t-2', '1002', 'ho-tich', 2);
        await port.commit(issueBatch(t1, 'key-old'));
        await port.commit({ ...issueBatch(t2, 'key-new'), idempotencyKeys: [{ key: 'key-new', ticketId: 't-2', at: t1.arrivedAt + 60_000 }], forgetIdempotencyKeysBefore: t1.arrivedAt + 1 });
        for (const p of [port, await reopen()]) expect([...(await p.loadRuntime(DAY)).idempotencyKeys.keys()]).toEqual(['key-new']);
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

    it('durable() and afterCommit() wait for the writes made so far, and answer at once when none is pending', () =>
      using(async ({ port }) => {
        await expect(port.durable()).resolves.toBeUndefined();
        let idle = false;
        port.afterCommit(() => (idle = true));
        expect(idle).toBe(true);
        const t = ticket('t-1', '1001');
        const seen: string[] = [];
        const committed = port.commit(issueBatch(t, 'key-1'));
        port.afterCommit(() => seen.push('after'));
        await port.durable();
        expect(seen).toEqual(['after']);
        expect(await port.reads.ticket('t-1')).toEqual(t);
        await committed;
      }));

    accountAndDeviceCases(using);
    outboxCases(using);
    ticketFieldCases(using);

    it('a booking made is read back, counted in its slot and checked in with its ticket', () =>
      using(async ({ port }) => {
        const b = { remind: false, code: 'ABC234', serviceId: 'ho-tich', day: DAY, time: '08:30', bookedAt: AT + 1800_000, fullName: 'Lê Thị Ánh', phone: '0901234567', status: 'booked' as const, ticketId: null, createdAt: AT - 86_400_000 };
        await port.commit({ bookings: [b] });
        expect(await port.reads.booking('ABC234')).toEqual(b);
        expect([...(await port.reads.bookingCounts('ho-tich', DAY))]).toEqual([['08:30', 1]]);
        await expect(port.commit({ bookings: [b] })).rejects.toThrow();
        const t = ticket('t-1', '1001');
        await port.commit({ ...issueBatch(t, 'k'), bookingCheckIns: [{ code: 'ABC234', ticketId: 't-1' }] });
        expect(await port.reads.booking('ABC234')).toMatchObject({ status: 'checked_in', ticketId: 't-1' });
      }));

    it('a dossier received is found by its code; received again it takes the new status, time and note and keeps the rest', () =>
      using(async ({ port }) => {
        const d = { code: 'HS-001', procedureCode: '1.001193', applicantName: 'Phạm Thị Lan', status: 'received' as const, receivedAt: AT, dueAt: AT + 3 * 86_400_000, updatedAt: AT, note: null };
        await port.commit({ dossiers: [d] });
        expect(await port.reads.dossier('HS-001')).toEqual(d);
        const later = { ...d, applicantName: 'X', receivedAt: AT + 5, status: 'supplement_needed' as const, updatedAt: AT + 86_400_000, note: 'Thiếu bản sao' };
        await port.commit({ dossiers: [later] });
        expect(await port.reads.dossier('HS-001')).toEqual({ ...d, status: 'supplement_needed', updatedAt: AT + 86_400_000, note: 'Thiếu bản sao' });
        expect(await port.reads.dossier('HS-002')).toBeNull();
      }));

    it('forgetCitizens clears the name, age, ID hash and last four digits of closed visits before the cutoff only, audits it, and says how many', () =>
      using(async ({ port }) => {
        const scanned = (id: string, n: string, seq: number) => ticketRecord(ticket(id, n, 'ho-tich', seq), { citizenName: 'Nguyễn Văn A', citizenAge: 40, idHash: `h-${id}`, idLast4: '4567' });
        const closed = scanned('t-1', '1001', 1);
        const open = scanned('t-2', '1002', 2);
        await port.commit({ ...issueBatch(closed, 'k1') });
        await port.commit({ ...issueBatch(open, 'k2') });
        const done = ticketRecord(closed, { status: 'done', calledAt: AT + 1, waitEndAt: AT + 1, startedAt: AT + 1, finishedAt: AT + 2, callCount: 1, counterId: 'quay-1', staff: 'quay1' });
        await port.commit({ updateTickets: [done] });
        const audit = (tickets: number) => ({ actor: 'system', action: 'privacy.purge', target: null, detail: { tickets }, at: AT + 9 });
        expect(await port.forgetCitizens(AT, audit)).toBe(0);
        expect((await port.reads.audit()).map((a) => a.action)).toEqual([]);
        expect(await port.forgetCitizens(AT + 86_400_000, audit)).toBe(1);
        expect(await port.reads.ticket('t-1')).toMatchObject({ citizenName: null, citizenAge: null, idHash: null, idLast4: null });
        expect(await port.reads.ticket('t-2')).toMatchObject({ citizenName: 'Nguyễn Văn A', citizenAge: 40, idHash: 'h-t-2', idLast4: '4567' });
        expect((await port.reads.audit()).map((a) => [a.action, a.detail])).toEqual([['privacy.purge', { tickets: 1 }]]);
      }));

    it('forgetBookings clears the name and phone of bookings booked before the cutoff only, and says how many', () =>
      using(async ({ port }) => {
        const booking = (code: string, bookedAt: number) => ({ remind: false, code, serviceId: 'ho-tich', day: DAY, time: '09:00', bookedAt, fullName: 'Trần Thị Bình', phone: '0912345678', status: 'booked' as const, ticketId: null, createdAt: AT });
        await port.commit({ bookings: [booking('OLD234', AT), booking('NEW234', AT + 86_400_000)] });
        expect(await port.forgetBookings(AT)).toBe(0);
        expect(await port.forgetBookings(AT + 1)).toBe(1);
        expect(await port.reads.booking('OLD234')).toMatchObject({ fullName: '', phone: '', status: 'booked' });
        expect(await port.reads.booking('NEW234')).toMatchObject({ fullName: 'Trần Thị Bình', phone: '0912345678' });
        expect(await port.forgetBookings(AT + 1)).toBe(0);
      }));

    it('a preparation is read back by its visit, survives a restart, and forgetDeclarations clears the declaration of closed visits before the cutoff only', () =>
      using(async (s) => {
        const { port } = s;
        const declaration = { fullName: 'Lê Thị Hoà', dateOfBirth: '02/09/1954', gender: 'Nữ' as const, idNumber: '079154000123', address: 'Số 5, phường Bến Nghé, TP. Hồ Chí Minh', source: 'qr' as const };
        const closed = ticket('t-1', '1001', 'ho-tich', 1);
        const open = ticket('t-2', '1002', 'ho-tich', 2);
        const prep = (t: TicketRecord) => ({ visitId: t.visitId, procedureCode: '1.001193', have: [0, 2], declaration, at: AT });
        await port.commit({ ...issueBatch(closed, 'k1'), preparations: [prep(closed)] });
        await port.commit({ ...issueBatch(open, 'k2'), preparations: [{ ...prep(open), have: [], declaration: null }] });
        expect(await port.reads.preparation(closed.visitId)).toEqual(prep(closed));
        expect(await port.reads.preparation('nobody')).toBeNull();
        // one per visit: a second for the same visit is refused with its batch
        await expect(port.commit({ preparations: [prep(closed)] })).rejects.toThrow();
        const again = await s.reopen();
        expect(await again.reads.preparation(open.visitId)).toEqual({ ...prep(open), have: [], declaration: null });
        const withDecl = ticket('t-3', '1003', 'ho-tich', 3);
        await port.commit({ ...issueBatch(withDecl, 'k3'), preparations: [prep(withDecl)] });
        const done = ticketRecord(closed, { status: 'done', calledAt: AT + 1, waitEndAt: AT + 1, startedAt: AT + 1, finishedAt: AT + 2, callCount: 1, counterId: 'quay-1', staff: 'quay1' });
        await port.commit({ updateTickets: [done] });
        expect(await port.forgetDeclarations(AT)).toBe(0);
        // t-3 is still waiting: its visit keeps its form
        expect(await port.forgetDeclarations(AT + 86_400_000)).toBe(1);
        expect(await port.reads.preparation(closed.visitId)).toEqual({ ...prep(closed), declaration: null });
        expect(await port.reads.preparation(withDecl.visitId)).toEqual(prep(withDecl));
        expect(await port.forgetDeclarations(AT + 86_400_000)).toBe(0);
      }));

    it('meta: a setting is kept across a restart, a later value replaces it, a large value (the live configuration) comes back whole, and a refused batch keeps none', () =>
      using(async (s) => {
        const { port } = s;
        expect(await port.reads.meta('center.config')).toBeNull();
        await port.commit({ meta: [{ key: 'center.config', value: '{"v":1}' }] });
        const big = JSON.stringify({ name: 'Trung tâm Phục vụ hành chính công phường Tân An', procedures: Array.from({ length: 400 }, (_, i) => ({ code: `1.00${1000 + i}`, name: `Thủ tục số ${i} – đăng ký khai sinh` })) });
        await port.commit({ meta: [{ key: 'center.config', value: big }], audit: [{ actor: 'admin', action: 'config.replace', target: null, detail: { sections: ['procedures'] }, at: AT }] });
        expect(await port.reads.meta('center.config')).toBe(big);
        const p = await s.reopen();
        expect(await p.reads.meta('center.config')).toBe(big);
        // All or nothing: a setting in a refused batch is not kept.
        const t = ticket('t-1', '1001');
        await port.commit(issueBatch(t, 'key-1'));
        await expect(port.commit({ meta: [{ key: 'center.config', value: '{"v":2}' }], insertTickets: [t] })).rejects.toThrow();
        expect(await port.reads.meta('center.config')).toBe(big);
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
