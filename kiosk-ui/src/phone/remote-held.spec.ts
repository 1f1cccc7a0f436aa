import { beforeEach, describe, expect, it } from 'vitest';
import { entranceDigits, heldTickets, holdTicket, releaseTicket } from './remote-held.ts';

class MemoryStorage {
  private m = new Map<string, string>();
  getItem = (k: string) => this.m.get(k) ?? null;
  setItem = (k: string, v: string) => void this.m.set(k, v);
}

describe('numbers held on the phone (issue 17.1)', () => {
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  });

  it('keeps each number once, the latest last, and forgets a checked-in one', () => {
    holdTicket({ id: 'a', k: 'ka', number: '1001' });
    holdTicket({ id: 'b', k: 'kb', number: '2001' });
    holdTicket({ id: 'a', k: 'ka', number: '1001' });
    expect(heldTickets().map((t) => t.id)).toEqual(['b', 'a']);
    releaseTicket('b');
    expect(heldTickets()).toEqual([{ id: 'a', k: 'ka', number: '1001' }]);
  });

  it('reads nothing from a broken or foreign value', () => {
    localStorage.setItem('motcua.remote-held', '{oops');
    expect(heldTickets()).toEqual([]);
    localStorage.setItem('motcua.remote-held', JSON.stringify([{ id: 1 }, { id: 'x', k: 'y', number: 'z' }]));
    expect(heldTickets()).toEqual([{ id: 'x', k: 'y', number: 'z' }]);
  });

  it('takes the six digits typed with spaces or a dash, nothing else', () => {
    expect(entranceDigits(' 123 456 ')).toBe('123456');
    expect(entranceDigits('123-456')).toBe('123456');
    expect(entranceDigits('12345')).toBeNull();
    expect(entranceDigits('12345a')).toBeNull();
  });
});
