import { describe, expect, it } from 'vitest';
import type { Ticket } from './types.ts';
import { currentTransaction } from './visit.ts';

const tk = (id: string, status: Ticket['status'], transferredTo: string | null = null): Ticket => ({
  id, number: '1001', serviceId: 's', status, priorityCategoryId: null, channel: 'kiosk',
  issuedAt: '2026-11-23T08:00:00+07:00', calledAt: null, counterId: null, counterNumber: null,
  peopleAhead: 0, estimatedWaitMinutes: null, statusUrl: `http://x/t/${id}`, transferredTo,
});

describe('currentTransaction', () => {
  it('follows every transfer to the open transaction', async () => {
    const all = new Map([tk('b', 'transferred', 'c'), tk('c', 'done')].map((t) => [t.id, t]));
    const cur = await currentTransaction(tk('a', 'transferred', 'b'), async (id) => all.get(id)!);
    expect(cur.id).toBe('c');
  });
  it('keeps a ticket that was never transferred', async () => {
    expect((await currentTransaction(tk('a', 'waiting'), () => Promise.reject(new Error('no read')))).id).toBe('a');
  });
  it('stops on a loop instead of spinning', async () => {
    const cur = await currentTransaction(tk('a', 'transferred', 'a'), async () => tk('a', 'transferred', 'a'));
    expect(cur.id).toBe('a');
  });
});
