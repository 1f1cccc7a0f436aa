// Issue 13.2: the live configuration over the API. Only an admin reads and
// replaces it; a replacement the schema refuses is a 400 with the path-named
// problem, one that would strand waiting tickets a 409 saying how many; every
// change is audited, announced to real socket.io clients, applied to issuing
// at once and kept across a restart.
import { afterAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { CenterConfig } from '@mot-cua/config';
import type { ApiClient } from '../../tests/support/api.ts';
import { startTestServer, type TestServer } from './harness.ts';

type Err = { error: { code: string; message: string } };

const open: { close(): unknown }[] = [];
afterAll(async () => {
  for (const s of open.reverse()) await s.close();
});

async function server(dataDir?: string): Promise<TestServer> {
  const s = await startTestServer({ dataDir });
  open.push(s);
  return s;
}

async function signedIn(s: TestServer, username: string, counterId?: string): Promise<ApiClient> {
  const c = s.client();
  await c.login(username, counterId);
  return c;
}

const put = <T = CenterConfig>(c: ApiClient, body: unknown, headers?: Record<string, string>) => c.req<T>('PUT', '/api/v1/admin/config', body, headers);

/** The configuration without one field, and without every reference to it. */
function withoutService(c: CenterConfig, id: string): CenterConfig {
  const next = structuredClone(c);
  next.services = next.services.filter((s) => s.id !== id);
  next.procedures = next.procedures.filter((p) => p.serviceId !== id);
  next.counters = next.counters
    .map((k) => ({ ...k, serviceIds: k.serviceIds.filter((s) => s !== id), weights: k.weights ? Object.fromEntries(Object.entries(k.weights).filter(([s]) => s !== id)) : k.weights }))
    .filter((k) => k.serviceIds.length > 0);
  return next;
}

/** The live configuration with one new field, Tư pháp (prefix TP), served at counter 1. */
function withNewField(c: CenterConfig): CenterConfig {
  const next = structuredClone(c);
  next.services.push({ ...next.services[0]!, id: 'tu-phap', name: 'Tư pháp – Hộ tịch mới', prefix: 'TP', hours: undefined });
  next.counters[0]!.serviceIds.push('tu-phap');
  return next;
}

describe('admin configuration API', () => {
  it('only an admin reads or replaces it: 401 without a session, 403 for staff and managers, 403 without the CSRF header', async () => {
    const s = await server();
    const anon = s.client();
    expect((await anon.get<Err>('/api/v1/admin/config')).status).toBe(401);
    expect((await put<Err>(anon, {})).status).toBe(401);
    for (const [user, counter] of [['quay2', 'quay-2'], ['quanly', undefined]] as const) {
      const c = await signedIn(s, user, counter);
      const r = await c.get<Err>('/api/v1/admin/config');
      expect(r.status, user).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
      expect((await put<Err>(c, (await (await signedIn(s, 'admin')).get('/api/v1/admin/config')).body)).status, user).toBe(403);
    }
    const admin = await signedIn(s, 'admin');
    const got = await admin.get<CenterConfig>('/api/v1/admin/config');
    expect(got.status).toBe(200);
    expect(got.body.services.map((x) => x.id)).toContain('ho-tich');
    const noCsrf = await put<Err>(admin, got.body, { 'x-csrf-token': 'sai' });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('csrf');
  });

  it('a body the schema refuses is a 400 in the error shape, first problem Vietnamese then English, never a 500', async () => {
    const s = await server();
    const admin = await signedIn(s, 'admin');
    const live = (await admin.get<CenterConfig>('/api/v1/admin/config')).body;
    const bad = structuredClone(live);
    bad.counters[3]!.serviceIds[0] = 'khong-co';
    bad.counters[3]!.weights = {};
    const r = await put<Err>(admin, bad);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_config');
    expect(r.body.error.message).toBe('Cấu hình không hợp lệ: counters[3].serviceIds[0]: unknown service "khong-co" / invalid configuration: counters[3].serviceIds[0]: unknown service "khong-co"');
    // The error shape is exactly { code, message }; more than one problem is counted in it.
    expect(Object.keys(r.body.error).sort()).toEqual(['code', 'message']);
    const two = structuredClone(bad);
    two.counters[4]!.serviceIds[0] = 'cung-khong-co';
    two.counters[4]!.weights = {};
    expect((await put<Err>(admin, two)).body.error.message).toBe(
      'Cấu hình không hợp lệ: counters[3].serviceIds[0]: unknown service "khong-co" (và 1 lỗi khác) / invalid configuration: counters[3].serviceIds[0]: unknown service "khong-co" (and 1 more)',
    );
    const bodies: unknown[] = [{}, [], 'text', 42, null, { ...live, services: 'none' }, { ...live, counters: [{ id: 1 }] }, { ...live, extra: { deep: [1, 2] } }];
    for (const body of bodies) {
      const res = await put<Err>(admin, JSON.stringify(body));
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.body.error.message).toMatch(/^[^/]+ \/ .+/);
    }
    const broken = await put<Err>(admin, '{"center": ', { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
    // Nothing of those changed the live configuration.
    expect((await admin.get<CenterConfig>('/api/v1/admin/config')).body).toEqual(live);
  });

  it('refuses to remove a field whose tickets wait, with a 409 that says how many', async () => {
    const s = await server();
    const admin = await signedIn(s, 'admin');
    const anon = s.client();
    for (let i = 0; i < 3; i++) expect((await anon.post('/api/v1/tickets', { serviceId: 'ho-kinh-doanh' })).status).toBe(201);
    const live = (await admin.get<CenterConfig>('/api/v1/admin/config')).body;
    const r = await put<Err>(admin, withoutService(live, 'ho-kinh-doanh'));
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('config_strands');
    expect(r.body.error.message).toMatch(/^Không thể bỏ lĩnh vực "ho-kinh-doanh": còn 3 phiếu .* \/ cannot remove field "ho-kinh-doanh": 3 tickets still wait/);
    expect((await admin.get<CenterConfig>('/api/v1/admin/config')).body.services.map((x) => x.id)).toContain('ho-kinh-doanh');
  });

  it('a change applies to issuing at once, is in the audit log with who and what, reaches a socket.io client, and stays after a restart', async () => {
    const s = await server();
    const admin = await signedIn(s, 'admin');
    const anon = s.client();
    expect((await anon.post<Err>('/api/v1/tickets', { serviceId: 'tu-phap' })).body.error.code).toBe('unknown_service');

    const socket: Socket = io(s.url, { transports: ['websocket'] });
    open.push(socket);
    await new Promise<void>((resolve) => socket.once('state', () => resolve()));
    const told = new Promise<{ name: string; services: number }>((resolve) => socket.once('center.changed', resolve));

    const next = withNewField((await admin.get<CenterConfig>('/api/v1/admin/config')).body);
    const r = await put(admin, next);
    expect(r.status).toBe(200);
    expect(r.body.services.map((x) => x.id)).toContain('tu-phap');
    expect(await told).toMatchObject({ services: next.services.length });

    // The kiosk's view and the issuing follow with no restart.
    const center = await anon.get<{ services: { id: string; name: string }[] }>('/api/v1/center');
    expect(center.body.services.find((x) => x.id === 'tu-phap')?.name).toBe('Tư pháp – Hộ tịch mới');
    const t = await anon.post<{ number: string; serviceId: string }>('/api/v1/tickets', { serviceId: 'tu-phap' });
    expect(t.status).toBe(201);
    expect(t.body.number).toMatch(/^TP/);

    const audit = await admin.get<{ entries: { actor: string; action: string; detail: Record<string, unknown> }[] }>('/api/v1/audit');
    expect(audit.body.entries.find((e) => e.action === 'config.replace')).toMatchObject({ actor: 'admin', detail: { sections: expect.arrayContaining(['services', 'counters']), servicesAdded: ['tu-phap'] } });

    // A restart on the same data folder keeps the stored configuration (the YAML is only the first seed).
    await s.close();
    const again = await server(s.dataDir);
    const after = await again.client().get<{ services: { id: string }[] }>('/api/v1/center');
    expect(after.body.services.map((x) => x.id)).toContain('tu-phap');
  });

  it('a centre name set at /admin reaches the home page at once, as text: markup in it is escaped', async () => {
    const s = await server();
    const admin = await signedIn(s, 'admin');
    const next = (await admin.get<CenterConfig>('/api/v1/admin/config')).body;
    next.center.name = 'Trung tâm <script>alert(1)</script> "Tân An" & Bình';
    expect((await put(admin, next)).status).toBe(200);
    const home = await (await fetch(`${s.url}/`)).text();
    expect(home).toContain('<h1>Trung tâm &#60;script&#62;alert(1)&#60;/script&#62; &#34;Tân An&#34; &#38; Bình</h1>');
    expect(home).not.toContain('<script>');
  });

  it('a device token for a device not known yet registers it with its kind and name; the token works at once', async () => {
    const s = await server();
    const admin = await signedIn(s, 'admin');
    expect((await admin.post<Err>('/api/v1/devices/kiosk-moi/token')).status).toBe(404);
    const r = await admin.post<{ deviceId: string; token: string }>('/api/v1/devices/kiosk-moi/token', { kind: 'kiosk', name: 'Kiosk cổng phụ' });
    expect(r.status).toBe(201);
    expect(r.body.deviceId).toBe('kiosk-moi');
    const kiosk = s.client({ authorization: `Bearer ${r.body.token}` });
    expect((await kiosk.post('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'kiosk' })).status).toBe(201);
    const devices = await (await signedIn(s, 'quanly')).get<{ devices: { deviceId: string; name: string; kind: string }[] }>('/api/v1/devices');
    expect(devices.body.devices.find((d) => d.deviceId === 'kiosk-moi')).toMatchObject({ name: 'Kiosk cổng phụ', kind: 'kiosk' });
    for (const body of [{ kind: 'toaster', name: 'x' }, { kind: 'kiosk', name: '' }, { kind: 'kiosk', name: 'x', counterId: 'khong-co' }]) {
      const bad = await admin.post<Err>('/api/v1/devices/kiosk-2x/token', body);
      expect(bad.status, JSON.stringify(bad.body)).toBe(400);
    }
  });
});
