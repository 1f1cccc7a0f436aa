// ID-card data: the full number is never stored in clear; names go after the retention.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startTestServer, type TestServer } from './harness.ts';
import type { ApiClient } from '../../tests/support/api.ts';

let clock = Date.parse('2026-11-24T08:00:00+07:00');
let s: TestServer;
let anon: ApiClient;
const ID = '079203004567';
const QR = `${ID}|201234567|Trần Thị Bích Ngọc|15041958|Nữ|45 Nguyễn Huệ, phường Tân An|20062021`;

beforeAll(async () => {
  s = await startTestServer({ now: () => clock });
  anon = s.client();
});
afterAll(() => s.close());

describe('personal data from a CCCD scan', () => {
  it('keeps a keyed hash and the last four digits, never the number, and staff see name and age', async () => {
    const t = (await anon.post<{ id: string; priorityCategoryId: string }>('/api/v1/tickets', { serviceId: 'chung-thuc', identityQr: QR })).body;
    expect(t.priorityCategoryId).toBe('nguoi-cao-tuoi');
    const row = s.sqlite.tickets.get(t.id)!;
    expect(row.idLast4).toBe('4567');
    expect(row.idHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.idHash).not.toContain(ID);
    s.sqlite.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of readdirSync(s.dataDir).filter((x) => x.startsWith('queue.db'))) {
      const bytes = readFileSync(path.join(s.dataDir, f));
      expect(bytes.includes(Buffer.from(ID)), `${f} holds the ID number`).toBe(false);
      expect(bytes.includes(Buffer.from('45 Nguyễn Huệ')), `${f} holds the address`).toBe(false);
    }
    const staff = s.client();
    await staff.login('quay5', 'quay-5');
    const q = await staff.get<{ waiting: { id: string; citizen: { name: string; age: number } | null }[] }>('/api/v1/counters/quay-5/queue');
    expect(q.body.waiting.find((w) => w.id === t.id)?.citizen).toEqual({ name: 'Trần Thị Bích Ngọc', age: 68 });
    const pub = await anon.get<Record<string, unknown>>(`/api/v1/tickets/${t.id}`);
    expect(JSON.stringify(pub.body)).not.toMatch(/Ngọc|4567|Nguyễn Huệ/);
  });

  it('the purge clears names, ID hashes and last four digits of finished visits past the retention, not of open ones', async () => {
    const staff = s.client();
    await staff.login('quay5', 'quay-5');
    await anon.post('/api/v1/tickets', { serviceId: 'lao-dong-xa-hoi', identityQr: QR });
    const c = await staff.post<{ ticket: { id: string } }>('/api/v1/counters/quay-5/call-next');
    await staff.post('/api/v1/counters/quay-5/current/finish');
    const finishedId = c.body.ticket.id;
    expect(await s.ctx.privacy.purge()).toBe(0);
    clock += 2 * 86_400_000; // past the demo's 1-day retention
    const cleared = await s.ctx.privacy.purge();
    expect(cleared).toBeGreaterThanOrEqual(1);
    // The ID hash and last four digits serve nothing after the visit: they go with the name (issue 14, point 7).
    expect(s.sqlite.tickets.get(finishedId)).toMatchObject({ citizenName: null, citizenAge: null, idHash: null, idLast4: null });
    // Open visits keep what the counter needs.
    const openScanned = s.sqlite.tickets.open().filter((x) => x.idLast4 !== null);
    expect(openScanned.length).toBeGreaterThan(0);
    for (const x of openScanned) expect(x.citizenName).toBe('Trần Thị Bích Ngọc');
    expect(s.sqlite.audit.recent().some((e) => e.action === 'privacy.purge')).toBe(true);
  });

  it('the audit log cannot be edited, even from inside', () => {
    expect(() => s.sqlite.db.prepare("UPDATE audit SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => s.sqlite.db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(() => s.sqlite.db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
  });
});
