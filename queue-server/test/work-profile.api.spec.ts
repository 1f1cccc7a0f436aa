// Work profiles (issue 13.3): an official signing in picks the fields they serve
// today from those they are allowed (the fields of the counters they may sign in
// at); a manager changes a counter's fields for today. The calling policy and the
// estimates follow at once, each change is in the audit with who and what, the
// choice survives a restart and a sign-out clears it.
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

const open: TestServer[] = [];
afterAll(async () => {
  for (const s of open) await s.close();
});

async function server(dataDir?: string): Promise<TestServer> {
  const s = await startTestServer({ dataDir });
  open.push(s);
  return s;
}

type Err = { error: { code: string; message: string } };
type CounterBody = { counter: { serviceIds: string[]; configuredServiceIds: string[] } };
const login = async (s: TestServer, username: string, counterId: string, extra: Record<string, unknown> = {}, password = 'demo') => {
  const c = s.client();
  const r = await c.post<Err & { user: { counterId: string; allowedServiceIds: string[] } }>('/api/v1/auth/login', { username, password, ...(counterId ? { counterId } : {}), ...extra });
  return { c, r };
};
const fieldsOf = async (s: TestServer, counterId: string) => {
  const center = await s.client().get<{ counters: { id: string; serviceIds: string[]; configuredServiceIds: string[] }[] }>('/api/v1/center');
  return center.body.counters.find((c) => c.id === counterId)!;
};
const allFields = async (s: TestServer) => (await s.client().get<{ services: { id: string }[] }>('/api/v1/center')).body.services.map((x) => x.id);
const issue = async (s: TestServer, serviceId: string) => (await s.client().post<{ id: string; number: string }>('/api/v1/tickets', { serviceId })).body;
const estimateOf = async (s: TestServer, id: string) => (await s.client().get<{ estimatedWaitMinutes: number | null }>(`/api/v1/tickets/${id}`)).body.estimatedWaitMinutes;

describe('the work profile picked at sign-in', () => {
  it('the counter serves the picked fields only, survives a restart, and a sign-out gives it its own fields again', async () => {
    const s = await server();
    const lt = await issue(s, 'chung-thuc');
    const ht = await issue(s, 'ho-tich');
    const own = (await fieldsOf(s, 'quay-3')).serviceIds;
    expect(own).toEqual(expect.arrayContaining(['chung-thuc', 'ho-tich']));
    const { c, r } = await login(s, 'quay3', 'quay-3', { serviceIds: ['ho-tich'] });
    expect(r.status).toBe(200);
    // quay3 may sit at quay-3 and the priority counter, which serves every field.
    expect(r.body.user.allowedServiceIds).toEqual(await allFields(s));
    expect(await fieldsOf(s, 'quay-3')).toMatchObject({ serviceIds: ['ho-tich'], configuredServiceIds: own });
    const login3 = (await s.ctx.auth.auditLog()).find((a) => a.action === 'login' && a.actor === 'quay3');
    expect(login3?.detail.serviceIds).toEqual(['ho-tich']);
    // The chung-thuc ticket came first but is not called here; the ho-tich one is.
    const called = await c.post<{ ticket: { id: string } }>('/api/v1/counters/quay-3/call-next');
    expect(called.body.ticket.id).toBe(ht.id);
    const q = await c.get<{ waiting: { id: string }[] }>('/api/v1/counters/quay-3/queue');
    expect(q.body.waiting.map((t) => t.id)).not.toContain(lt.id);
    await s.close();
    const again = await server(s.dataDir);
    expect((await fieldsOf(again, 'quay-3')).serviceIds).toEqual(['ho-tich']);
    const relogged = await login(again, 'quay3', 'quay-3', { serviceIds: ['ho-tich'] });
    expect((await relogged.c.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await fieldsOf(again, 'quay-3')).serviceIds).toEqual(own);
    // Without a pick, the counter's own fields.
    expect((await login(again, 'quay3', 'quay-3')).r.status).toBe(200);
    expect((await fieldsOf(again, 'quay-3')).serviceIds).toEqual(own);
  });

  it('an unknown field is 400, a field the account is not allowed 403, with no session either way', async () => {
    const s = await server();
    const admin = await login(s, 'admin', '');
    expect(admin.r.status).toBe(200);
    const made = await admin.c.post('/api/v1/admin/users', { username: 'canbo7', password: 'mat-khau-dai-du', role: 'staff', fullName: 'Lê Văn Bảy', counterIds: ['quay-2'] });
    expect(made.status).toBe(201);
    const unknown = await login(s, 'canbo7', 'quay-2', { serviceIds: ['khong-co'] }, 'mat-khau-dai-du');
    expect(unknown.r.status).toBe(400);
    expect(unknown.r.body.error.code).toBe('unknown_service');
    const refused = await login(s, 'canbo7', 'quay-2', { serviceIds: ['ho-tich', 'dat-dai'] }, 'mat-khau-dai-du');
    expect(refused.r.status).toBe(403);
    expect(refused.r.body.error).toEqual({ code: 'field_not_allowed', message: expect.stringMatching(/^Tài khoản này không được nhận hồ sơ lĩnh vực "dat-dai".* \/ this account may not serve field "dat-dai"/) });
    for (const x of [unknown, refused]) expect(x.c.cookie('sid')).toBeUndefined();
    const empty = await login(s, 'canbo7', 'quay-2', { serviceIds: [] }, 'mat-khau-dai-du');
    expect(empty.r.status).toBe(400);
    const ok = await login(s, 'canbo7', 'quay-2', { serviceIds: ['ho-tich'] }, 'mat-khau-dai-du');
    expect(ok.r.status).toBe(200);
    expect(ok.r.body.user.allowedServiceIds).toEqual(['ho-tich']);
  });
});

describe("a counter's fields changed for today", () => {
  it('a manager adds a field to counter 3: its next call can take that field, and its estimates change at once', async () => {
    const s = await server();
    const official = await login(s, 'quay3', 'quay-3');
    const manager = await login(s, 'quanly', '');
    const own = (await fieldsOf(s, 'quay-3')).serviceIds;
    expect(own).not.toContain('dat-dai');
    const dd = [await issue(s, 'dat-dai'), await issue(s, 'dat-dai')];
    // Nobody signed in serves dat-dai: its tickets have no estimate.
    const before = await estimateOf(s, dd[1]!.id);
    expect(before).toBeNull();
    const put = await manager.c.req<CounterBody>('PUT', '/api/v1/counters/quay-3/services', { serviceIds: [...own, 'dat-dai'] });
    expect(put.status).toBe(200);
    // In the centre's order of fields.
    const today = (await allFields(s)).filter((id) => id === 'dat-dai' || own.includes(id));
    expect(put.body.counter).toMatchObject({ serviceIds: today, configuredServiceIds: own });
    expect(await estimateOf(s, dd[1]!.id)).toEqual(expect.any(Number));
    const called = await official.c.post<{ ticket: { id: string } }>('/api/v1/counters/quay-3/call-next');
    expect(called.body.ticket.id).toBe(dd[0]!.id);
    const entry = (await s.ctx.auth.auditLog()).find((a) => a.action === 'counter.fields');
    expect(entry).toMatchObject({ actor: 'quanly', target: 'quay-3', detail: { from: own, to: today } });
    // The saved configuration is unchanged.
    const admin = await login(s, 'admin', '');
    const saved = await admin.c.get<{ counters: { id: string; serviceIds: string[] }[] }>('/api/v1/admin/config');
    expect(saved.body.counters.find((c) => c.id === 'quay-3')!.serviceIds).toEqual(own);
  });

  it('a field removed from the official’s profile is no longer called there', async () => {
    const s = await server();
    const official = await login(s, 'quay3', 'quay-3');
    const lt = await issue(s, 'chung-thuc');
    const put = await official.c.req<CounterBody>('PUT', '/api/v1/counters/quay-3/services', { serviceIds: ['ho-tich'] });
    expect(put.status).toBe(200);
    expect((await official.c.post('/api/v1/counters/quay-3/call-next')).status).toBe(204);
    const direct = await official.c.post<Err>(`/api/v1/tickets/${lt.id}/call`, {});
    expect([403, 409]).toContain(direct.status);
    const ht = await issue(s, 'ho-tich');
    expect((await official.c.post<{ ticket: { id: string } }>('/api/v1/counters/quay-3/call-next')).body.ticket.id).toBe(ht.id);
  });

  it('bad input and the wrong people are refused, never a 500', async () => {
    const s = await server();
    const official = await login(s, 'quay3', 'quay-3');
    const manager = await login(s, 'quanly', '');
    const other = await official.c.req<Err>('PUT', '/api/v1/counters/quay-2/services', { serviceIds: ['ho-tich'] });
    expect([other.status, other.body.error.code]).toEqual([403, 'wrong_counter']);
    const unknownCounter = await manager.c.req<Err>('PUT', '/api/v1/counters/quay-99/services', { serviceIds: ['ho-tich'] });
    expect(unknownCounter.status).toBe(404);
    const unknownField = await manager.c.req<Err>('PUT', '/api/v1/counters/quay-3/services', { serviceIds: ['khong-co'] });
    expect([unknownField.status, unknownField.body.error.code]).toEqual([400, 'unknown_service']);
    for (const body of [{}, { serviceIds: [] }, { serviceIds: 'ho-tich' }, { serviceIds: [1] }]) {
      expect((await manager.c.req('PUT', '/api/v1/counters/quay-3/services', body)).status).toBe(400);
    }
    expect((await s.client().req('PUT', '/api/v1/counters/quay-3/services', { serviceIds: ['ho-tich'] })).status).toBe(401);
  });
});
