// Contract routes for citizens: health, centre, queue, issue, read, rate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoConfig } from '@mot-cua/config';
import { startTestServer, type TestServer } from './harness.ts';
import type { ApiClient } from '../../tests/support/api.ts';

type Ticket = { id: string; number: string; status: string; serviceId: string; peopleAhead: number; estimatedWaitMinutes: number | null; statusUrl: string; priorityCategoryId: string | null; issuedAt: string; counterNumber: number | null };
type Err = { error: { code: string; message: string } };

let s: TestServer;
let anon: ApiClient;
/** The demo kiosk: the `kiosk` channel needs its device token. */
let kiosk: ApiClient;

beforeAll(async () => {
  s = await startTestServer();
  anon = s.client();
  kiosk = s.client({ authorization: 'Bearer demo-kiosk-1' });
});
afterAll(() => s.close());

const cccd = (dob: string, id = '079123456789') => `${id}|123456789|Nguyễn Văn An|${dob}|Nam|12 Lê Lợi, phường Tân An|01012021`;

describe('public reads', () => {
  it('health answers ok with the store and an offset time', async () => {
    const r = await anon.get('/api/v1/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', store: 'sqlite', version: expect.any(String) });
    expect(r.body.time).toMatch(/\+07:00$/);
  });

  it('centre lists services, counters and priority categories with Vietnamese names', async () => {
    const r = await anon.get<{ name: string; targetWaitMinutes: number; services: { id: string; prefix: string; name: string }[]; counters: { id: string; number: number; serviceIds: string[]; priority: boolean }[]; priorityCategories: { id: string; name: string }[] }>('/api/v1/center');
    expect(r.status).toBe(200);
    expect(r.body.targetWaitMinutes).toBe(15);
    expect(r.body.services.length).toBeGreaterThanOrEqual(6);
    expect(r.body.services.find((x) => x.id === 'ho-tich')?.name).toBe('Tư pháp – Hộ tịch');
    expect(r.body.counters.some((c) => c.priority)).toBe(true);
    // Nobody has signed in yet: the hall still shows the official who sits at each counter.
    const quay3 = (r.body.counters as unknown as { id: string; signedIn: boolean; staff: { fullName: string } | null }[]).find((c) => c.id === 'quay-3');
    expect(quay3).toMatchObject({ signedIn: false, staff: { fullName: 'Lê Thị Ngọc Ánh' } });
    expect(r.body.priorityCategories.map((p) => p.id)).toContain('nguoi-cao-tuoi');
  });

  it('centre gives the English forms of its notice and counter names, and the Vietnamese where it has none', async () => {
    const r = await anon.get<{ notice: string; noticeEn: string; counters: { id: string; name: string; nameEn: string }[] }>('/api/v1/center');
    expect(r.body.notice).toMatch(/^Công dân vui lòng/);
    expect(r.body.noticeEn).toMatch(/^Please bring your Citizen Identity Card/);
    expect(r.body.counters.find((c) => c.id === 'quay-2')).toMatchObject({ name: 'Tư pháp – Hộ tịch', nameEn: 'Justice – Civil status' });
    const config = loadDemoConfig();
    delete config.center.noticeEn;
    delete config.counters[0]!.nameEn;
    const bare = await startTestServer({ config });
    try {
      const b = await bare.client().get<{ notice: string; noticeEn: string; counters: { name: string; nameEn: string }[] }>('/api/v1/center');
      expect(b.body.noticeEn).toBe(b.body.notice);
      expect(b.body.counters[0]!.nameEn).toBe(b.body.counters[0]!.name);
    } finally {
      await bare.close();
    }
  });

  it('procedures search ignores diacritics and case', async () => {
    const r = await anon.get<{ procedures: { name: string; documents: string[] }[] }>('/api/v1/procedures?q=DANG%20KY%20khai%20sinh');
    expect(r.status).toBe(200);
    expect(r.body.procedures.map((p) => p.name)).toContain('Đăng ký khai sinh');
    const one = await anon.get('/api/v1/procedures/1.001193');
    expect(one.status).toBe(200);
    expect((await anon.get<Err>('/api/v1/procedures/9.999999')).status).toBe(404);
  });
});

describe('issuing tickets', () => {
  it('issues numbers in the configured format with a status URL, and the queue counts them', async () => {
    const a = await anon.post<Ticket>('/api/v1/tickets', { serviceId: 'dat-dai' });
    const b = await anon.post<Ticket>('/api/v1/tickets', { serviceId: 'dat-dai' });
    expect(a.status).toBe(201);
    expect(a.body.number).toMatch(/^3\d{3}$/);
    expect(Number(b.body.number)).toBe(Number(a.body.number) + 1);
    expect(a.body.status).toBe('waiting');
    // The holder's status URL carries the visit's rating key (issue 14, point 3).
    expect(a.body.statusUrl).toMatch(new RegExp(`/t/${a.body.id}\\?k=[A-Za-z0-9_-]{22}$`));
    expect(b.body.peopleAhead).toBe(1);
    const q = await anon.get<{ services: { serviceId: string; waiting: number }[] }>('/api/v1/queue');
    expect(q.body.services.find((x) => x.serviceId === 'dat-dai')?.waiting).toBeGreaterThanOrEqual(2);
    const got = await anon.get<Ticket>(`/api/v1/tickets/${a.body.id}`);
    expect(got.body).toMatchObject({ id: a.body.id, number: a.body.number, status: 'waiting' });
  });

  it('the same Idempotency-Key returns the same ticket, never two', async () => {
    const key = `k-${Date.now()}`;
    const [a, b] = await Promise.all([
      anon.post<Ticket>('/api/v1/tickets', { serviceId: 'xay-dung' }, { 'idempotency-key': key }),
      anon.post<Ticket>('/api/v1/tickets', { serviceId: 'xay-dung' }, { 'idempotency-key': key }),
    ]);
    expect(a.body.id).toBe(b.body.id);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const again = await anon.post<Ticket>('/api/v1/tickets', { serviceId: 'xay-dung' }, { 'idempotency-key': key });
    expect(again.status).toBe(200);
    expect(again.body.number).toBe(a.body.number);
  });

  it('a scanned ID card of a citizen aged 60+ gets priority by itself; the ID number is not echoed', async () => {
    const old = await anon.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich', identityQr: `${cccd('01011950')}\r\n` });
    expect(old.status).toBe(201);
    expect(old.body.priorityCategoryId).toBe('nguoi-cao-tuoi');
    expect(JSON.stringify(old.body)).not.toContain('079123456789');
    const young = await anon.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich', identityQr: cccd('01012000') });
    expect(young.body.priorityCategoryId).toBeNull();
  });

  it.each([
    ['unknown service', { serviceId: 'khong-co' }, 400, 'unknown_service'],
    ['missing serviceId', {}, 400, 'bad_request'],
    ['wrong type', { serviceId: 42 }, 400, 'bad_request'],
    ['unknown property', { serviceId: 'ho-tich', hack: true }, 400, 'bad_request'],
    ['unknown priority category', { serviceId: 'ho-tich', priorityCategoryId: 'vip' }, 400, 'unknown_priority_category'],
    ['malformed ID card QR', { serviceId: 'ho-tich', identityQr: 'not|a|card' }, 400, undefined],
    ['counter channel without a session', { serviceId: 'ho-tich', channel: 'counter' }, 403, 'forbidden'],
    ['appointment channel', { serviceId: 'ho-tich', channel: 'appointment' }, 400, 'use_check_in'],
  ])('%s → %i', async (_name, body, status, code) => {
    const r = await anon.post<Err>('/api/v1/tickets', body);
    expect(r.status).toBe(status);
    expect(r.body.error.message.length).toBeGreaterThan(5);
    if (code) expect(r.body.error.code).toBe(code);
  });

  it('bad JSON is a 400, a huge body a 413, a non-JSON type a 415 — all in the error shape', async () => {
    const bad = await anon.req<Err>('POST', '/api/v1/tickets', '{"serviceId":', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    const huge = await anon.post<Err>('/api/v1/tickets', { serviceId: 'ho-tich', identityQr: 'x'.repeat(40_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    const xml = await anon.req<Err>('POST', '/api/v1/tickets', '<a/>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
    const key = await anon.post<Err>('/api/v1/tickets', { serviceId: 'ho-tich' }, { 'idempotency-key': 'has space' });
    expect(key.status).toBe(400);
  });

  it('a forged Host header cannot put an odd address into the status URL', async () => {
    const r = await anon.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich' }, { host: 'evil.example:99999' });
    expect(r.status).toBe(201);
    expect(r.body.statusUrl).toMatch(new RegExp(`^${s.url}/t/${r.body.id}\\?k=[A-Za-z0-9_-]+$`));
  });

  it('unknown and malformed ticket ids', async () => {
    expect((await anon.get<Err>('/api/v1/tickets/doesNotExist1')).status).toBe(404);
    const bad = await anon.get<Err>('/api/v1/tickets/%3Cscript%3E');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    expect((await anon.get<Err>('/api/v1/nope')).status).toBe(404);
  });

  it('a rating before service is a conflict; a bad score is bad input', async () => {
    const t = await anon.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-kinh-doanh' });
    const k = new URL(t.body.statusUrl).searchParams.get('k');
    const early = await anon.post<Err>(`/api/v1/tickets/${t.body.id}/rating`, { score: 4, k });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('not_served');
    expect((await anon.post<Err>(`/api/v1/tickets/${t.body.id}/rating`, { score: 5, k })).status).toBe(400);
    expect((await anon.post<Err>('/api/v1/tickets/nobody123/rating', { score: 4, k })).status).toBe(404);
  });
});

describe('durability (group commit)', () => {
  type Summary = { services: { serviceId: string; waiting: number }[] };
  const waitingIn = async (sid: string) => (await anon.get<Summary>('/api/v1/queue')).body.services.find((x) => x.serviceId === sid)!.waiting;

  it('a burst of tickets: every answer and every announcement comes after its ticket is on disk, with one estimate run for all', async () => {
    const Database = (await import('better-sqlite3')).default;
    const reader = new Database(`${s.dataDir}/queue.db`, { readonly: true });
    const onDisk = reader.prepare('SELECT 1 FROM tickets WHERE id = ?');
    const announced: boolean[] = [];
    const listener = (t: { id: string }) => announced.push(onDisk.get(t.id) !== undefined);
    s.ctx.bus.on('ticket.issued', listener);
    const rs = await Promise.all(Array.from({ length: 30 }, (_, i) => kiosk.post<Ticket>('/api/v1/tickets', { serviceId: 'xay-dung', channel: 'kiosk' }, { 'idempotency-key': `burst-${i}` })));
    s.ctx.bus.off('ticket.issued', listener);
    expect(rs.map((r) => r.status)).toEqual(Array(30).fill(201));
    for (const r of rs) expect(onDisk.get(r.body.id)).toBeDefined();
    expect(announced).toEqual(Array(30).fill(true));
    // Estimates from one shared run still put each ticket in its own place.
    expect(new Set(rs.map((r) => r.body.peopleAhead)).size).toBe(30);
    reader.close();
  });

  it('a commit the disk refuses: 503 storage_failed, nothing half-kept in memory, and the retry with the same key gets the ticket', async () => {
    const before = await waitingIn('ho-kinh-doanh');
    // A deferred foreign key fails only at COMMIT: the same batch as the ticket, refused as a whole.
    s.sqlite.db.exec('CREATE TABLE IF NOT EXISTS test_orphans (p TEXT REFERENCES tickets(id) DEFERRABLE INITIALLY DEFERRED)');
    const store = s.sqlite;
    const tx = store.tx.bind(store);
    store.tx = ((fn: () => unknown) => {
      store.tx = tx;
      return tx(() => {
        store.db.prepare("INSERT INTO test_orphans (p) VALUES ('nobody')").run();
        return fn();
      });
    }) as typeof store.tx;
    const failed = await kiosk.post<Err>('/api/v1/tickets', { serviceId: 'ho-kinh-doanh', channel: 'kiosk' }, { 'idempotency-key': 'disk-full-1' });
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('storage_failed');
    expect(failed.body.error.message).toMatch(/^Không lưu được dữ liệu/);
    expect(await waitingIn('ho-kinh-doanh')).toBe(before);
    const retry = await kiosk.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-kinh-doanh', channel: 'kiosk' }, { 'idempotency-key': 'disk-full-1' });
    expect(retry.status).toBe(201);
    expect(await waitingIn('ho-kinh-doanh')).toBe(before + 1);
    expect((await anon.get<Ticket>(`/api/v1/tickets/${retry.body.id}`)).status).toBe(200);
  });
});
