// The store contract's cases about what a ticket carries beyond the domain's ticket (contract.ts
// runs them with the others): a pickup's dossier code, a phone number's check-in.
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
}
