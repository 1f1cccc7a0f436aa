// The province store's contract (port.ts), run on SQLite and on PostgreSQL.
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../records.ts';
import type { ProvinceStore } from './port.ts';

const DAY = '2026-11-23';
const AT = Date.parse(`${DAY}T08:00:00+07:00`);

export function ev(id: number, type: StoredEvent['type'], visit: string, minutes: number, data: Record<string, unknown> = {}): StoredEvent {
  return { id, at: AT + minutes * 60_000, type, ticketId: `${visit}-0`, visitId: visit, serviceId: 'ho-tich', counterId: type === 'issued' ? null : 'quay-1', actor: null, data };
}

export function provinceStoreContract(name: string, open: () => Promise<{ store: ProvinceStore; reopen(): Promise<ProvinceStore>; centre(label: string): string }>): void {
  describe(`province store contract: ${name}`, () => {
    it('keeps each event once per centre in order; a resend and an overlap add nothing; the cursor survives a reopen', async () => {
      const { store, reopen, centre } = await open();
      const a = centre('a');
      const b = centre('b');
      try {
        const page1 = [ev(1, 'issued', 'v1', 0, { leg: 0 }), ev(2, 'issued', 'v2', 1, { leg: 0 }), ev(4, 'called', 'v1', 5)];
        expect(await store.ingest(a, page1)).toEqual({ lastId: 4, added: 3 });
        expect(await store.ingest(a, page1)).toEqual({ lastId: 4, added: 0 });
        // The same ids from another centre are its own.
        expect(await store.ingest(b, page1.slice(0, 1))).toEqual({ lastId: 1, added: 1 });
        const page2 = [ev(4, 'called', 'v1', 5), ev(7, 'finished', 'v1', 9, { outcome: 'received' })];
        expect(await store.ingest(a, page2)).toEqual({ lastId: 7, added: 1 });
        expect((await store.eventsAfter(a, 0, 10)).map((e) => e.id)).toEqual([1, 2, 4, 7]);
        expect((await store.eventsAfter(a, 2, 1)).map((e) => e.id)).toEqual([4]);
        expect((await store.eventsAfter(b, 0, 10)).map((e) => e.id)).toEqual([1]);
        const p = await reopen();
        try {
          const mine = (await p.cursors()).filter((c) => c.centreId === a || c.centreId === b);
          expect(mine).toEqual([
            { centreId: a, lastId: 7, lastEventAt: AT + 9 * 60_000 },
            { centreId: b, lastId: 1, lastEventAt: AT },
          ]);
          expect((await p.eventsAfter(a, 0, 10))[3]).toEqual(page2[1]);
        } finally {
          await p.close();
        }
      } finally {
        await store.close();
      }
    });

    it("a day's visits come with all their events, by the day their first leg was issued", async () => {
      const { store, centre } = await open();
      const a = centre('a');
      try {
        const nextDay = 24 * 60;
        await store.ingest(a, [
          ev(1, 'issued', 'v1', 0, { leg: 0 }),
          ev(2, 'issued', 'v2', 30, { leg: 0 }),
          ev(3, 'transferred', 'v1', 40),
          ev(4, 'issued', 'v1', 41, { leg: 1 }),
          ev(5, 'issued', 'v3', nextDay, { leg: 0 }),
          ev(6, 'finished', 'v1', nextDay + 1),
        ]);
        expect((await store.visitEvents(a, DAY, DAY)).map((e) => e.id)).toEqual([1, 2, 3, 4, 6]);
        expect((await store.visitEvents(a, '2026-11-24', '2026-11-24')).map((e) => e.id)).toEqual([5]);
        expect((await store.visitEvents(a, DAY, '2026-11-24')).map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6]);
        expect(await store.visitEvents(a, '2026-11-25', '2026-11-30')).toEqual([]);
      } finally {
        await store.close();
      }
    });
    it("keeps each centre's latest device summary, ignores an older one, and holds it over a reopen", async () => {
      const { store, reopen, centre } = await open();
      const a = centre('a');
      const b = centre('b');
      const status = (at: number, error: number) => ({
        at, devices: { total: 3, warning: 0, error, offline: 0 }, byKind: [{ kind: 'kiosk' as const, total: 3, warning: 0, error, offline: 0 }], parts: error ? [{ kind: 'printer' as const, warning: 0, error, offline: 0 }] : [], since: error ? at - 60_000 : null,
      });
      try {
        expect(await store.putDeviceStatus(a, status(AT, 1), AT + 5)).toBe(true);
        expect(await store.putDeviceStatus(a, status(AT + 1000, 0), AT + 1005)).toBe(true);
        expect(await store.putDeviceStatus(a, status(AT + 500, 2), AT + 2000)).toBe(false);
        expect(await store.putDeviceStatus(b, status(AT, 2), AT + 7)).toBe(true);
        const p = await reopen();
        try {
          const mine = (await p.deviceStatuses()).filter((s) => s.centreId === a || s.centreId === b);
          expect(mine).toEqual([
            { centreId: a, status: status(AT + 1000, 0), receivedAt: AT + 1005 },
            { centreId: b, status: status(AT, 2), receivedAt: AT + 7 },
          ]);
        } finally {
          await p.close();
        }
      } finally {
        await store.close();
      }
    });
  });
}
