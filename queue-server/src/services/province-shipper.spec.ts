// The shipper against a real province server (its Fastify app on a free port, SQLite) and
// a real centre store: a backlog ships in pages, a link that is down is retried until it
// is back, every event lands once in order, and nothing personal leaves the centre.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dayKey, dayStart, type DomainEvent } from '../domain/index.ts';
import { buildProvinceApp, type ProvinceApp } from '../province/app.ts';
import { DEMO_REGISTRY } from '../province/registry.ts';
import { pseudonym } from '../province/wire.ts';
import { SqlitePort, Store } from '../store/index.ts';
import { Bus } from './bus.ts';
import { DeviceService } from './device.service.ts';
import { CURSOR_KEY, ProvinceShipper, provinceDeviceStatus } from './province-shipper.ts';

const CENTRE = 'ubnd-phuong-tan-an';
const SECRET = Buffer.alloc(32, 7);
// Today's first minutes, so the board counts them as today whenever the test runs.
const AT = dayStart(dayKey(Date.now())) + 60_000;
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'motcua-ship-'));
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
});

async function province(port: number, dataDir = tmp()): Promise<ProvinceApp> {
  const p = await buildProvinceApp({ registry: DEMO_REGISTRY, demo: true, dataDir, logger: false });
  await p.app.listen({ port, host: '127.0.0.1' });
  return p;
}

function visit(i: number): DomainEvent[] {
  const base = { ticketId: `t${i}`, visitId: `v${i}`, serviceId: 'ho-tich' };
  return [
    { ...base, at: AT + i * 1000, type: 'issued', counterId: null, actor: null, data: { leg: 0, channel: 'kiosk', kioskId: 'kiosk-1', procedureCode: '1.001', dossierCode: 'HS-0001', citizenName: 'Nguyễn Văn A' } },
    { ...base, at: AT + i * 1000 + 10, type: 'called', counterId: 'quay-1', actor: 'quay1', data: { callCount: 1, fromStatus: 'waiting' } },
    { ...base, at: AT + i * 1000 + 20, type: 'finished', counterId: 'quay-1', actor: 'quay1', data: { outcome: 'received', dossierCode: 'HS-0001' } },
  ];
}

async function until(what: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('ProvinceShipper', () => {
  it('ships a backlog through a link that is down at first: every event once, in order, the cursor kept; no dossier code, name or username leaves', async () => {
    const store = new SqlitePort(Store.open({ file: path.join(tmp(), 'queue.db'), groupCommit: true }));
    open.push(store);
    // 350 visits, 1050 events: four pages of 300 — committed before the province is there.
    for (let i = 0; i < 350; i++) await store.commit({ events: visit(i) });
    const port = await freePort();
    const shipper = new ProvinceShipper(store, SECRET, { url: `http://127.0.0.1:${port}`, token: `demo-province-${CENTRE}`, idleMs: 50, minBackoffMs: 20, maxBackoffMs: 200 });
    open.push({ close: () => shipper.stop() });
    shipper.start();
    await until(async () => shipper.status.failures >= 2);
    expect(shipper.status.cursor).toBe(0);
    const p = await province(port);
    open.push({ close: () => p.app.close() });
    const all = await store.reads.eventsAfter(0, 5000);
    await until(async () => shipper.status.cursor === all.at(-1)!.id);
    const held = await p.store.eventsAfter(CENTRE, 0, 5000);
    expect(held.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(held.map((e) => `${e.type}:${e.ticketId}`)).toEqual(all.map((e) => `${e.type}:${e.ticketId}`));
    expect(await store.reads.meta(CURSOR_KEY)).toBe(String(all.at(-1)!.id));
    const text = JSON.stringify(held);
    for (const secret of ['HS-0001', 'Nguyễn', 'quay1"', 'kiosk-1', 'citizenName', 'dossierCode']) expect(text).not.toContain(secret);
    expect(held[1]!.actor).toBe(pseudonym(SECRET, 'quay1'));
    expect(held[0]!.data).toEqual({ leg: 0, channel: 'kiosk', procedureCode: '1.001' });
    expect(held[2]!.data).toEqual({ outcome: 'received' });
    // The board counts the day from them.
    const row = (await p.board.rows()).find((r) => r.centreId === CENTRE)!;
    expect(row).toMatchObject({ issued: 350, served: 350, waiting: 0 });
  });

  it("sends the devices' summary — counts and since when, no device's name, id or detail — when it changes, and the board shows it", async () => {
    const store = new SqlitePort(Store.open({ file: path.join(tmp(), 'queue.db'), groupCommit: true }));
    open.push(store);
    await store.commit({
      devices: [
        { id: 'kiosk-sanh-a', kind: 'kiosk', name: 'Kiosk sảnh A (ông Bảy)', counterId: null, tokenHash: null },
        { id: 'bang-1', kind: 'board', name: 'Bảng tầng 1', counterId: null, tokenHash: null },
      ],
    });
    let clock = Date.now();
    const devices = new DeviceService(store, new Bus(), () => clock, { silenceMs: 60_000 });
    await devices.reportHealth('kiosk-sanh-a', [{ id: 'may-in-1', kind: 'printer', status: 'error', detail: 'hết giấy, gọi anh Tư 0912345678' }]);
    await devices.reportHealth('bang-1', [{ id: 'man-hinh', kind: 'display', status: 'ok' }]);
    const troubleAt = clock;
    const port = await freePort();
    const p = await province(port);
    open.push({ close: () => p.app.close() });
    const sent: string[] = [];
    p.app.server.on('request', (req: { url?: string }) => void (req.url === '/api/v1/province/devices' && sent.push(req.url)));
    const shipper = new ProvinceShipper(store, SECRET, { url: `http://127.0.0.1:${port}`, token: `demo-province-${CENTRE}`, idleMs: 50, deviceStatus: provinceDeviceStatus(devices, () => clock) });
    open.push({ close: () => shipper.stop() });
    shipper.start();
    const row = async () => (await p.board.rows()).find((r) => r.centreId === CENTRE)!.devices;
    await until(async () => (await row())?.error === 1);
    expect(await row()).toEqual({ inTrouble: 1, total: 2, warning: 0, error: 1, offline: 0, since: expect.stringMatching(/\+07:00$/), reportedAt: expect.stringMatching(/\+07:00$/) });
    expect(Date.parse((await row())!.since!)).toBe(troubleAt);
    const held = await p.store.deviceStatuses();
    const text = JSON.stringify(held);
    for (const secret of ['kiosk-sanh-a', 'bang-1', 'Kiosk sảnh', 'Bảng tầng', 'may-in', 'hết giấy', '0912345678', 'ông Bảy']) expect(text).not.toContain(secret);
    expect(p.board.devices(CENTRE)).toMatchObject({ byKind: [{ kind: 'kiosk', total: 1, error: 1 }, { kind: 'board', total: 1, error: 0 }], parts: [{ kind: 'printer', warning: 0, error: 1, offline: 0 }] });
    // Nothing changed: nothing more is sent for a while (the shipper looks once a second).
    const before = sent.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(sent.length).toBe(before);
    // The board falls silent past the silence; the printer is mended: the province sees both.
    clock += 61_000;
    await devices.checkSilence();
    await devices.reportHealth('kiosk-sanh-a', [{ id: 'may-in-1', kind: 'printer', status: 'ok' }]);
    await until(async () => (await row())?.offline === 1 && (await row())?.error === 0);
    expect(await row()).toMatchObject({ inTrouble: 1, offline: 1, warning: 0, error: 0 });
    expect(shipper.status.deviceError).toBeNull();
  });

  it('after a restart of both sides it goes on from the stored cursor with what came since', async () => {
    const file = path.join(tmp(), 'queue.db');
    const store = new SqlitePort(Store.open({ file, groupCommit: true }));
    open.push(store);
    for (let i = 0; i < 5; i++) await store.commit({ events: visit(i) });
    const port = await freePort();
    const dataDir = tmp();
    const p = await province(port, dataDir);
    const opts = { url: `http://127.0.0.1:${port}`, token: `demo-province-${CENTRE}`, idleMs: 50, minBackoffMs: 20, maxBackoffMs: 200 };
    const first = new ProvinceShipper(store, SECRET, opts);
    first.start();
    const fifteen = (await store.reads.eventsAfter(0, 100)).at(-1)!.id;
    await until(async () => first.status.cursor === fifteen);
    await first.stop();
    await p.app.close();
    expect(await store.reads.meta(CURSOR_KEY)).toBe(String(fifteen));
    for (let i = 5; i < 8; i++) await store.commit({ events: visit(i) });
    const again = await province(port, dataDir);
    open.push({ close: () => again.app.close() });
    const second = new ProvinceShipper(store, SECRET, opts);
    open.push({ close: () => second.stop() });
    second.start();
    const last = (await store.reads.eventsAfter(0, 100)).at(-1)!.id;
    await until(async () => second.status.cursor === last);
    expect((await again.store.eventsAfter(CENTRE, 0, 100)).map((e) => e.id)).toEqual((await store.reads.eventsAfter(0, 100)).map((e) => e.id));
  });

  it('a token the province does not know moves nothing: the cursor stays and the shipper keeps retrying', async () => {
    const store = new SqlitePort(Store.open({ file: path.join(tmp(), 'queue.db'), groupCommit: true }));
    open.push(store);
    await store.commit({ events: visit(0) });
    const port = await freePort();
    const p = await province(port);
    open.push({ close: () => p.app.close() });
    const shipper = new ProvinceShipper(store, SECRET, { url: `http://127.0.0.1:${port}`, token: 'demo-province-nowhere', idleMs: 50, minBackoffMs: 20, maxBackoffMs: 100 });
    open.push({ close: () => shipper.stop() });
    shipper.start();
    await until(async () => shipper.status.failures >= 3);
    expect(shipper.status).toMatchObject({ cursor: 0, lastError: 'province answered 401' });
    expect(await p.store.eventsAfter(CENTRE, 0, 10)).toEqual([]);
  });
});

describe('PROVINCE_URL and PROVINCE_TOKEN', () => {
  it('both or neither; an address that is not http(s) and a retry ceiling that is not a number stop the start with a message', async () => {
    const { provinceFrom, settingsFromEnv } = await import('../server.ts');
    expect(provinceFrom({})).toBeNull();
    expect(provinceFrom({ PROVINCE_URL: 'http://tinh.example.vn:8090', PROVINCE_TOKEN: 't', PROVINCE_RETRY_MAX_MS: '2000' })).toEqual({ url: 'http://tinh.example.vn:8090/', token: 't', maxBackoffMs: 2000 });
    expect(() => provinceFrom({ PROVINCE_URL: 'http://tinh.example.vn' })).toThrow(/PROVINCE_URL và PROVINCE_TOKEN/);
    expect(() => provinceFrom({ PROVINCE_TOKEN: 't' })).toThrow(/cùng nhau/);
    expect(() => provinceFrom({ PROVINCE_URL: 'ftp://x', PROVINCE_TOKEN: 't' })).toThrow(/http\(s\)/);
    expect(() => provinceFrom({ PROVINCE_URL: 'http://x', PROVINCE_TOKEN: 't', PROVINCE_RETRY_MAX_MS: 'soon' })).toThrow(/PROVINCE_RETRY_MAX_MS/);
    const s = settingsFromEnv({ PROVINCE_URL: 'nope', PROVINCE_TOKEN: 't' }, { demo: true });
    expect(s.ok ? null : s.message).toMatch(/không phải địa chỉ http/);
  });
});
