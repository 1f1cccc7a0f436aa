// Guided preparation (issue 16.2) over the HTTP API: the kiosk sends the documents the citizen
// has and the declaration prefilled from the CCCD with the ticket; the checklist is the phone's,
// the declaration only the official's at the counter calling or serving it;
// bad input is a 400 naming the field; the privacy purge clears the declaration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';
import type { ApiClient } from '../../tests/support/api.ts';

let clock = Date.parse('2026-11-24T08:00:00+07:00');
let s: TestServer;
let kiosk: ApiClient;
let board: ApiClient;
let keypad: ApiClient;
let anon: ApiClient;
let q2: ApiClient;
let q3: ApiClient;
let manager: ApiClient;
const declaration = { fullName: 'Lê Thị Hoà', dateOfBirth: '02/09/1954', gender: 'Nữ', idNumber: '079154000123', address: '12 Lê Lợi, phường Bến Thành', source: 'qr' };
const body = (extra: Record<string, unknown> = {}) => ({ serviceId: 'ho-tich', channel: 'kiosk', procedureCode: '1.001193', preparation: { have: [0, 2, 3] }, declaration, ...extra });
type Prep = { total: number; have: number; missing: { name: string; howToGet?: string }[]; documents: { name: string; have: boolean }[]; declaration?: unknown };

beforeAll(async () => {
  s = await startTestServer({ now: () => clock });
  kiosk = s.client({ authorization: 'Bearer demo-kiosk-1' });
  board = s.client({ authorization: 'Bearer demo-board-1' });
  keypad = s.client({ authorization: 'Bearer demo-keypad-2' });
  anon = s.client();
  q2 = s.client();
  await q2.login('quay2', 'quay-2');
  q3 = s.client();
  await q3.login('quay3', 'quay-3');
  manager = s.client();
  await manager.login('quanly');
});
afterAll(() => s.close());

describe('the preparation a ticket carries', () => {
  it('round trip: the checklist for the phone, the declaration for the official calling or serving it, never in public views', async () => {
    const t = (await kiosk.post<{ id: string }>('/api/v1/tickets', body())).body;
    const c = await anon.get<Prep>(`/api/v1/tickets/${t.id}/checklist`);
    expect(c.status).toBe(200);
    expect([c.body.have, c.body.total]).toEqual([3, 4]);
    expect(c.body.missing.map((m) => m.name)).toEqual([expect.stringMatching(/^Giấy chứng sinh/)]);
    expect(c.body.missing[0]!.howToGet).toMatch(/cơ sở y tế/);
    expect(c.body).not.toHaveProperty('declaration');
    // no device (the kiosk keeps its own copy), not the public, a manager or a waiting ticket's counter
    expect((await kiosk.get(`/api/v1/tickets/${t.id}/preparation`)).status).toBe(403);
    expect((await board.get(`/api/v1/tickets/${t.id}/preparation`)).status).toBe(403);
    expect((await anon.get(`/api/v1/tickets/${t.id}/preparation`)).status).toBe(401);
    expect((await manager.get(`/api/v1/tickets/${t.id}/preparation`)).status).toBe(403);
    expect((await q2.get(`/api/v1/tickets/${t.id}/preparation`)).status).toBe(403);
    await q2.post(`/api/v1/tickets/${t.id}/call`);
    const p = await q2.get<Prep>(`/api/v1/tickets/${t.id}/preparation`);
    expect(p.status).toBe(200);
    expect(p.body.declaration).toEqual(declaration);
    expect(p.body.documents.map((d) => d.have)).toEqual([true, false, true, true]);
    // another counter's official does not see it, nor the counter's keypad (a device, not the official)
    expect((await keypad.get(`/api/v1/tickets/${t.id}/preparation`)).status).toBe(403);
    expect((await q3.get(`/api/v1/tickets/${t.id}/preparation`)).status).toBe(403);
    // public views and the event log hold none of it
    const views = [await anon.get(`/api/v1/tickets/${t.id}`), await anon.get('/api/v1/queue'), await manager.get('/api/v1/stats')];
    for (const v of views) expect(JSON.stringify(v.body)).not.toMatch(/Hoà|079154000123|Lê Lợi/);
    const events = await s.ctx.store.reads.visitEvents('2026-11-24', '2026-11-24');
    expect(JSON.stringify(events)).not.toMatch(/Hoà|079154000123|Lê Lợi|02\/09\/1954/);
    await q2.post(`/api/v1/tickets/${t.id}/finish`, { outcome: 'received', dossierCode: '261124-HT01-0001' });
    expect((await q2.get(`/api/v1/tickets/${t.id}/preparation`)).status).toBe(403);
  });

  it('a ticket without a preparation has none (404); the procedures carry their guidance', async () => {
    const t = (await kiosk.post<{ id: string }>('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'kiosk' })).body;
    const r = await anon.get<{ error: { code: string } }>(`/api/v1/tickets/${t.id}/checklist`);
    expect(r.status).toBe(404);
    const proc = await anon.get<{ documents: string[]; documentGuides: { name: string; howToGet?: string; formName?: string }[] }>('/api/v1/procedures/1.001193');
    expect(proc.body.documents[0]).toBe('Tờ khai đăng ký khai sinh theo mẫu');
    expect(proc.body.documentGuides[0]).toMatchObject({ name: 'Tờ khai đăng ký khai sinh theo mẫu', formName: 'Tờ khai đăng ký khai sinh' });
  });

  it.each([
    ['a tick beyond the list', body({ preparation: { have: [9] } }), /preparation\.have/],
    ['a tick that is not a number', body({ preparation: { have: ['x'] } }), /preparation\.have\.0/],
    ['no procedure', { serviceId: 'ho-tich', channel: 'kiosk', preparation: { have: [0] } }, /procedureCode/],
    ['a bad date of birth', body({ declaration: { ...declaration, dateOfBirth: '1954-09-02' } }), /declaration\.dateOfBirth/],
    ['a bad ID number', body({ declaration: { ...declaration, idNumber: '12ab' } }), /declaration\.idNumber/],
    ['a field the form does not have', body({ declaration: { ...declaration, phone: '0912' } }), /declaration/],
    ['a declaration without a name', body({ declaration: { source: 'qr' } }), /fullName/],
  ])('refuses %s with a 400 that names it', async (_, b, where) => {
    const r = await kiosk.post<{ error: { code: string; message: string } }>('/api/v1/tickets', b);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(where);
  });

  it('the privacy purge clears the declaration of a finished visit after the retention, and keeps the checklist', async () => {
    const t = (await kiosk.post<{ id: string }>('/api/v1/tickets', body())).body;
    await q2.post(`/api/v1/tickets/${t.id}/call`);
    await q2.post(`/api/v1/tickets/${t.id}/finish`, { outcome: 'guidance' });
    await s.ctx.privacy.purge();
    expect((await s.ctx.store.reads.preparation(t.id))?.declaration).toEqual(declaration);
    clock += 2 * 86_400_000;
    await s.ctx.privacy.purge();
    expect((await s.ctx.store.reads.preparation(t.id))?.declaration).toBeNull();
    expect((await anon.get<Prep>(`/api/v1/tickets/${t.id}/checklist`)).body.have).toBe(3);
    const rows = s.ctx.store.reads.preparation(t.id);
    expect(JSON.stringify(await rows)).not.toMatch(/Hoà|079154000123/);
  });
});
