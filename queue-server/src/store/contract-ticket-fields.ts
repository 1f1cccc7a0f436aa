// The store contract's cases about what a ticket carries beyond the domain's ticket (contract.ts
// runs them with the others): a pickup's dossier code, a phone number's check-in; and a booking's reminders.
import { expect, it } from 'vitest';
import { ticketRecord } from './index.ts';
import { AT, DAY, issueBatch, ticket, type Using } from './contract.ts';

export function ticketFieldCases(using: Using): void {
  it("a result pickup's dossier code is kept with its ticket, updated and after a restart (issue 16.3)", () =>
    using(async ({ port, reopen }) => {
      const t = ticketRecord(ticket('t-1', '9001', 'ho-tich'), { dossierCode: '261104-XD04-0004' });
      await port.commit(issueBatch(t, 'key-1'));
      const called = ticketRecord(t, { status: 'called', counterId: 'quay-2', calledAt: AT + 60_000 });
      await port.commit({ updateTickets: [called] });
      for (const p of [port, await reopen()]) {
        expect((await p.loadRuntime(DAY)).openTickets.map((o) => o.dossierCode)).toEqual(['261104-XD04-0004']);
        expect((await p.reads.ticket('t-1'))?.dossierCode).toBe('261104-XD04-0004');
      }
    }));

  it('a number from the phone is kept as not checked in, then with its check-in time, and after a restart (issue 17.1)', () =>
    using(async ({ port, reopen }) => {
      const t = ticketRecord(ticket('t-1', '1001'), { channel: 'mobile', checkedInAt: null });
      await port.commit(issueBatch(t, 'key-1'));
      expect((await port.loadRuntime(DAY)).openTickets.map((o) => o.checkedInAt)).toEqual([null]);
      expect((await (await reopen()).reads.ticket('t-1'))?.checkedInAt).toBeNull();
      await port.commit({ updateTickets: [ticketRecord(t, { checkedInAt: AT + 600_000 })] });
      for (const p of [port, await reopen()]) {
        expect((await p.loadRuntime(DAY)).openTickets.map((o) => [o.channel, o.checkedInAt])).toEqual([['mobile', AT + 600_000]]);
        expect((await p.reads.ticket('t-1'))?.checkedInAt).toBe(AT + 600_000);
      }
    }));

  it('bookings that asked for reminders are found by their time, in order; those that did not, or are checked in, never (issue 17.2)', () =>
    using(async ({ port, reopen }) => {
      const booking = (code: string, minutes: number, remind: boolean) => ({
        code, serviceId: 'ho-tich', day: DAY, time: '09:00', bookedAt: AT + minutes * 60_000, fullName: 'Lê Thị Ánh', phone: '0901234567',
        status: 'booked' as const, ticketId: null, createdAt: AT - 86_400_000, remind,
      });
      await port.commit({ bookings: [booking('LATE22', 90, true), booking('EARLY2', 30, true), booking('NOREM2', 40, false), booking('DONE22', 50, true)] });
      await port.commit({ ...issueBatch(ticket('t-1', '1001'), 'k'), bookingCheckIns: [{ code: 'DONE22', ticketId: 't-1' }] });
      for (const p of [port, await reopen()]) {
        expect((await p.reads.bookingsToRemind(AT, AT + 120 * 60_000)).map((b) => [b.code, b.remind])).toEqual([['EARLY2', true], ['LATE22', true]]);
        // (from, to]: a booking at `from` was in the window before.
        expect((await p.reads.bookingsToRemind(AT + 30 * 60_000, AT + 90 * 60_000)).map((b) => b.code)).toEqual(['LATE22']);
        expect(await p.reads.booking('NOREM2')).toMatchObject({ remind: false });
      }
    }));

  it('a ticket issued offline keeps its issue time and when its replay arrived, after a restart (issue 17.4)', () =>
    using(async ({ port, reopen }) => {
      const t = ticketRecord(ticket('t-1', '1001'), { kioskId: 'kiosk-1', syncedAt: AT + 900_000 });
      await port.commit(issueBatch(t, 'key-1'));
      for (const p of [port, await reopen()]) {
        expect((await p.loadRuntime(DAY)).openTickets.map((o) => [o.arrivedAt, o.syncedAt])).toEqual([[AT, AT + 900_000]]);
        expect((await p.reads.ticket('t-1'))?.syncedAt).toBe(AT + 900_000);
      }
    }));
}
