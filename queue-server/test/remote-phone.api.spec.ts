// The limits of numbers from the phone (issue 17.1): with a phone number, at most one open number
// per phone number and field (409, said in Vietnamese first) and a few a day (429); a malformed
// number is 400 and a phone number on a kiosk's ticket too. The phone number is personal: it is
// in no answer, no event, no database row and no log line. The per-address limit (issue-limit.ts,
// tests/security/issue-limits.spec.ts) applies to these numbers as to any without credentials.
import { Writable } from 'node:stream';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoConfig } from '@mot-cua/config';
import { buildApp, type App } from '../src/app.ts';
import { ApiClient } from '../../tests/support/api.ts';
import { testStore } from './harness.ts';

type Err = { error: { code: string; message: string } };
type Ticket = { id: string; number: string; checkedIn: boolean };

let built: App | null = null;
afterEach(async () => {
  await built?.app.close();
  built = null;
});

const PHONE = '0912345678';

describe('numbers from the phone, per phone number (issue 17.1)', () => {
  it('one open number per phone number and field, a few a day, and the number is kept nowhere', async () => {
    let log = '';
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        log += chunk.toString();
        done();
      },
    });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-phone-'));
    const now = Date.parse('2026-11-24T09:00:00+07:00');
    built = await buildApp({ config: loadDemoConfig(), dataDir, demo: true, enforceHours: false, now: () => now, logger: { level: 'info', stream }, store: testStore(dataDir), issueLimits: { perWindow: 0, windowMs: 600_000, perDay: 0 } });
    const url = await built.app.listen({ port: 0, host: '127.0.0.1' });
    const phone = new ApiClient(url);
    const staff = new ApiClient(url);
    await staff.login('quay2', 'quay-2');

    const first = await phone.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'mobile', phone: '0912 345 678' });
    expect(first.status).toBe(201);
    expect(first.body.checkedIn).toBe(false);
    const twice = await phone.post<Err>('/api/v1/tickets', { serviceId: 'ho-tich', phone: '+84912345678' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('remote_phone_taken');
    expect(twice.body.error.message).toBe(
      `Số điện thoại này đã có số ${first.body.number} đang chờ ở lĩnh vực Tư pháp – Hộ tịch; mỗi số điện thoại chỉ giữ một số mỗi lĩnh vực / this phone number already holds ticket ${first.body.number}, still open, for Justice – Civil status; one open number per phone number and field`,
    );
    // Another field is another queue; another phone number its own.
    expect((await phone.post('/api/v1/tickets', { serviceId: 'chung-thuc', phone: PHONE })).status).toBe(201);
    expect((await phone.post('/api/v1/tickets', { serviceId: 'ho-tich', phone: '0987654321' })).status).toBe(201);
    // Closed, the field's number frees the phone number for another.
    await staff.post(`/api/v1/tickets/${first.body.id}/cancel`);
    expect((await phone.post('/api/v1/tickets', { serviceId: 'ho-tich', phone: PHONE })).status).toBe(201);
    expect((await phone.post('/api/v1/tickets', { serviceId: 'dat-dai', phone: PHONE })).status).toBe(201);
    const day = await phone.post<Err>('/api/v1/tickets', { serviceId: 'xay-dung', phone: PHONE });
    expect(day.status).toBe(429);
    expect(day.body.error.code).toBe('too_many_tickets');
    expect(day.body.error.message).toMatch(/^Số điện thoại này đã lấy đủ 4 số hôm nay/);

    const bad = await phone.post<Err>('/api/v1/tickets', { serviceId: 'ho-tich', phone: '12345' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_phone');
    const kiosk = await new ApiClient(url, { authorization: 'Bearer demo-kiosk-1' }).post<Err>('/api/v1/tickets', { serviceId: 'ho-tich', phone: '0977777777' });
    expect(kiosk.status).toBe(400);
    expect(kiosk.body.error.code).toBe('phone_not_expected');

    // Nowhere: not in an answer, an event, the database's file, nor a log line.
    const events = await built.ctx.store.reads.visitEvents('2000-01-01', '2999-12-31');
    expect(JSON.stringify(events)).not.toMatch(/912345678|987654321/);
    expect(JSON.stringify((await phone.get<unknown>(`/api/v1/tickets/${first.body.id}`)).body)).not.toContain('912345678');
    await built.app.close();
    built = null;
    expect(log).toContain('"url":"/api/v1/tickets"');
    expect(log).not.toMatch(/912345678|987654321|977777777/);
    if ((process.env.TEST_STORE ?? 'sqlite') === 'sqlite') {
      const files = readdirSync(dataDir).filter((n) => n.startsWith('queue.db'));
      expect(files).toContain('queue.db');
      for (const f of files) expect(readFileSync(path.join(dataDir, f)).includes('912345678')).toBe(false);
    }
  });
});
