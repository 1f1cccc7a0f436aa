// The province server's API through Fastify's inject, on SQLite and on PostgreSQL (the
// test command's, or one started for this file): the centre's token, the order of a
// batch, bad bodies, sign-in, the board's JSON, a drill-down and the reports.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayKey, dayStart, type EventType } from '../domain/index.ts';
import { freshCenterId, testDatabaseUrl } from '../store/postgres/test-pg.ts';
import { buildProvinceApp, type ProvinceApp } from './app.ts';
import { DEMO_REGISTRY, type Registry } from './registry.ts';
import type { ShippedEvent } from './wire.ts';

const T0 = dayStart(dayKey(Date.now())) + 60_000;
const ev = (id: number, type: EventType, visit: string, minute: number, data: Record<string, unknown> = {}): ShippedEvent => ({
  id, at: T0 + minute * 60_000, type, ticketId: `${visit}-0`, visitId: visit, serviceId: 'ho-tich', counterId: type === 'issued' ? null : 'quay-1', actor: type === 'issued' ? null : 'staff:0123456789abcdef', data,
});

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`province API on ${kind}`, () => {
    const a = kind === 'sqlite' ? 'xa-a' : freshCenterId('xa-a');
    const b = kind === 'sqlite' ? 'xa-b' : freshCenterId('xa-b');
    const registry: Registry = {
      ...DEMO_REGISTRY,
      centres: [
        { id: b, name: 'Bộ phận Một cửa xã Bình Hòa', district: 'Huyện Châu Thành' },
        { id: a, name: 'Bộ phận Một cửa phường Mỹ Bình', district: 'Thành phố Long Xuyên' },
      ],
    };
    let p: ProvinceApp;
    let cookie = '';
    const post = (token: string, events: unknown) => p.app.inject({ method: 'POST', url: '/api/v1/province/events', headers: { authorization: `Bearer ${token}` }, payload: { events } });
    const get = (url: string) => p.app.inject({ method: 'GET', url, headers: { cookie } });

    beforeAll(async () => {
      p = await buildProvinceApp({ registry, demo: true, dataDir: mkdtempSync(path.join(os.tmpdir(), 'motcua-prov-')), databaseUrl: kind === 'postgres' ? testDatabaseUrl() : null, logger: false });
    });
    afterAll(async () => p?.app.close());

    it('health names the store', async () => {
      expect((await p.app.inject('/api/v1/health')).json()).toEqual({ status: 'ok', role: 'province', store: kind, centres: 2 });
    });

    it("refuses a wrong token, a batch out of order and a malformed event, in the API's error shape, keeping nothing", async () => {
      const one = [ev(1, 'issued', 'v1', 0, { leg: 0 })];
      let r = await post('demo-province-elsewhere', one);
      expect([r.statusCode, r.json().error.code]).toEqual([401, 'bad_centre_token']);
      expect(r.json().error.message).toMatch(/^Mã truy cập .* \/ the centre's token/);
      r = await p.app.inject({ method: 'POST', url: '/api/v1/province/events', payload: { events: one } });
      expect(r.statusCode).toBe(401);
      r = await post(`demo-province-${a}`, [ev(3, 'issued', 'v1', 0), ev(2, 'issued', 'v2', 0)]);
      expect([r.statusCode, r.json().error.code]).toEqual([400, 'events_out_of_order']);
      for (const bad of [[], [{ ...one[0], type: 'exploded' }], [{ ...one[0], id: -1 }], [{ ...one[0], citizenName: 'Lê Thị B' }], 'nope']) {
        r = await post(`demo-province-${a}`, bad);
        expect([r.statusCode, r.json().error.code]).toEqual([400, 'bad_request']);
      }
      expect(await p.store.eventsAfter(a, 0, 10)).toEqual([]);
    });

    it('ingests idempotently and answers the last id held; the board shows both centres, grouped by district, after sign-in', async () => {
      const page = [ev(1, 'issued', 'v1', 0, { leg: 0 }), ev(2, 'issued', 'v2', 1, { leg: 0 }), ev(5, 'called', 'v1', 4), ev(6, 'finished', 'v1', 8, { outcome: 'received' }), ev(7, 'rated', 'v1', 9, { score: 4 })];
      expect((await post(`demo-province-${a}`, page)).json()).toEqual({ lastId: 7, added: 5 });
      expect((await post(`demo-province-${a}`, page.slice(2))).json()).toEqual({ lastId: 7, added: 0 });
      expect((await post(`demo-province-${b}`, [ev(1, 'issued', 'w1', 2, { leg: 0 })])).json()).toEqual({ lastId: 1, added: 1 });
      expect((await get('/api/v1/province/centres')).statusCode).toBe(401);
      const wrong = await p.app.inject({ method: 'POST', url: '/api/v1/province/login', payload: { username: 'tinh', password: 'nope' } });
      expect([wrong.statusCode, wrong.json().error.code]).toEqual([401, 'bad_credentials']);
      const login = await p.app.inject({ method: 'POST', url: '/api/v1/province/login', payload: { username: 'tinh', password: 'demo' } });
      expect(login.statusCode).toBe(200);
      cookie = String(login.headers['set-cookie']).split(';')[0]!;
      // The board follows each batch after its answer.
      let centres: { centreId: string; issued: number }[] = [];
      for (let i = 0; i < 100; i++) {
        centres = (await get('/api/v1/province/centres')).json().centres;
        if (centres.find((c) => c.centreId === a)?.issued === 2 && centres.find((c) => c.centreId === b)?.issued === 1) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(centres.map((c) => c.centreId)).toEqual([b, a]);
      expect(centres[1]).toMatchObject({ centreId: a, name: 'Bộ phận Một cửa phường Mỹ Bình', district: 'Thành phố Long Xuyên', issued: 2, served: 1, waiting: 1, withinTargetPct: 100, satisfactionPct: 100, breaches: expect.any(Number) });
      expect(Object.keys(centres[1]!).sort()).toEqual(['breaches', 'centreId', 'devices', 'district', 'issued', 'lastEventAt', 'name', 'oldestWaitSeconds', 'satisfactionPct', 'served', 'waiting', 'withinTargetPct']);
      expect((centres[1] as unknown as { lastEventAt: string }).lastEventAt).toMatch(/\+07:00$/);
      const one = (await get(`/api/v1/province/centres/${a}`)).json();
      expect(one.centre.centreId).toBe(a);
      expect(one.byService.map((g: { key: string; issued: number }) => [g.key, g.issued])).toEqual([['ho-tich', 2]]);
      const missing = await get('/api/v1/province/centres/nowhere');
      expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'unknown_centre']);
    });

    it("takes a centre's device summary (counts only): its row and drill-down show the devices in trouble; a stale one, a wrong token and a body with more than counts are refused", async () => {
      const summary = (at: number, error: number, offline: number) => ({
        at,
        devices: { total: 4, warning: 1, error, offline },
        byKind: [{ kind: 'kiosk', total: 2, warning: 1, error, offline: 0 }, { kind: 'board', total: 2, warning: 0, error: 0, offline }],
        parts: [{ kind: 'printer', warning: 1, error, offline: 0 }],
        since: T0 + 5 * 60_000,
      });
      const send = (token: string, body: unknown) => p.app.inject({ method: 'POST', url: '/api/v1/province/devices', headers: { authorization: `Bearer ${token}` }, payload: body as object });
      let r = await send('demo-province-elsewhere', summary(T0, 1, 1));
      expect([r.statusCode, r.json().error.code]).toEqual([401, 'bad_centre_token']);
      for (const bad of [{ ...summary(T0, 1, 1), name: 'Kiosk sảnh A' }, { ...summary(T0, 1, 1), devices: { total: -1, warning: 0, error: 0, offline: 0 } }, { ...summary(T0, 1, 1), byKind: [{ kind: 'kiosk-sanh-a', total: 1, warning: 0, error: 0, offline: 0 }] }, { ...summary(T0, 1, 1), parts: [{ kind: 'printer', warning: 0, error: 1, offline: 0, detail: 'hết giấy' }] }, [summary(T0, 1, 1)]]) {
        r = await send(`demo-province-${a}`, bad);
        expect([r.statusCode, r.json().error.code]).toEqual([400, 'bad_request']);
      }
      expect((await send(`demo-province-${a}`, summary(T0 + 10 * 60_000, 1, 1))).statusCode).toBe(204);
      // Made before the one held (a late resend): ignored.
      expect((await send(`demo-province-${a}`, summary(T0 + 9 * 60_000, 0, 0))).statusCode).toBe(204);
      const row = (await get('/api/v1/province/centres')).json().centres.find((c: { centreId: string }) => c.centreId === a);
      expect(row.devices).toEqual({ inTrouble: 3, total: 4, warning: 1, error: 1, offline: 1, since: expect.stringMatching(/T00:06:00\.000\+07:00$/), reportedAt: expect.stringMatching(/T00:11:00\.000\+07:00$/) });
      expect((await get('/api/v1/province/centres')).json().centres.find((c: { centreId: string }) => c.centreId === b).devices).toBeNull();
      const one = (await get(`/api/v1/province/centres/${a}`)).json();
      expect(one.devices).toMatchObject({ devices: { total: 4, warning: 1, error: 1, offline: 1 }, parts: [{ kind: 'printer', warning: 1, error: 1, offline: 0 }], since: row.devices.since, reportedAt: row.devices.reportedAt });
      expect(one.devices.byKind.map((k: { kind: string }) => k.kind)).toEqual(['kiosk', 'board']);
      expect(one.devices.receivedAt).toMatch(/\+07:00$/);
    });

    it('pushes a centre\'s new row to the signed-in office when a batch of it lands; refuses a socket without the session', async () => {
      const address = await p.app.listen({ port: 0, host: '127.0.0.1' });
      const anonymous = connect(address, { path: '/socket.io', transports: ['websocket'], reconnection: false });
      const refused = await new Promise<string>((resolve) => anonymous.on('connect_error', (e) => resolve(e.message)));
      anonymous.close();
      expect(refused).toBe('province_sign_in');
      const office = connect(address, { path: '/socket.io', transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
      try {
        const first = await new Promise<{ centres: { centreId: string }[] }>((resolve) => office.on('province.centres', resolve));
        expect(first.centres.map((c) => c.centreId)).toEqual([b, a]);
        const pushed = new Promise<{ centreId: string; issued: number; waiting: number }>((resolve) => office.on('province.centre', resolve));
        expect((await post(`demo-province-${b}`, [ev(9, 'issued', 'w2', 3, { leg: 0 })])).json()).toEqual({ lastId: 9, added: 1 });
        expect(await pushed).toMatchObject({ centreId: b, issued: 2, waiting: 2 });
      } finally {
        office.close();
      }
    });

    it("reports over every centre and per centre, as JSON and CSV (the centre's report columns); bad dates refused", async () => {
      const r = (await get('/api/v1/province/reports?period=month')).json();
      expect(r.total).toMatchObject({ issued: 4, served: 1 });
      expect(r.byCentre.map((x: { key: string; issued: number }) => [x.key, x.issued])).toEqual([[b, 2], [a, 2]]);
      expect(r.byDistrict.map((x: { key: string }) => x.key)).toEqual(['Huyện Châu Thành', 'Thành phố Long Xuyên']);
      expect(r.period.kind).toBe('month');
      const one = (await get(`/api/v1/province/reports?period=quarter&centre=${a}`)).json();
      expect([one.centre.id, one.total.issued, one.byCentre]).toEqual([a, 2, []]);
      const csv = await get('/api/v1/province/reports?period=year&format=csv');
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body).toContain('Theo trung tâm');
      expect(csv.body).toContain('Bộ phận Một cửa phường Mỹ Bình');
      expect(csv.body).toContain('Trong chỉ tiêu chờ (%)');
      expect(csv.body).not.toContain('staff:');
      const xlsx = await get(`/api/v1/province/reports?period=month&centre=${a}&format=xlsx`);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      expect(xlsx.headers['content-disposition']).toContain(`bao-cao-${a}-`);
      const bad = await get('/api/v1/province/reports?period=range&from=2026-02-30&to=2026-03-01');
      expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'bad_date']);
      expect((await get('/api/v1/province/reports?period=range&from=2026-03-02&to=2026-03-01')).statusCode).toBe(400);
    });
  });
}
