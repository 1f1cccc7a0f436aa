// A number from the phone checks in on arrival (issue 17.1): it answers with checkedIn: false,
// is counted by the estimates but not called until POST /tickets/:id/check-in — by the phone
// with its QR's key and the code shown at the entrance (GET /entrance-code), or by a kiosk with its device token — which writes a checked_in event and
// tells the screens; again changes nothing; unknown and closed tickets are 404 and 409. A field's
// remoteGraceMinutes calls it anyway and holds off the no-show for that grace.
import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { loadDemoConfig } from '@mot-cua/config';
import { startTestServer, type TestServer } from './harness.ts';

type Ticket = { id: string; number: string; status: string; checkedIn: boolean; peopleAhead: number; statusUrl: string; channel: string };
type Err = { error: { code: string; message: string } };
type CheckedIn = { ticket: Ticket; alreadyCheckedIn: boolean };
type Entrance = { code: string; url: string; changesAt: string; validUntil: string };

let s: TestServer;
afterEach(() => s?.close());

const T0 = Date.parse('2026-11-24T09:00:00+07:00');
const keyOf = (t: Ticket) => new URL(t.statusUrl).searchParams.get('k')!;

async function hall(config = loadDemoConfig(), now: () => number = () => T0) {
  s = await startTestServer({ now, config });
  const phone = s.client();
  const kiosk = s.client({ authorization: 'Bearer demo-kiosk-1' });
  const staff = s.client();
  await staff.login('quay2', 'quay-2');
  return { phone, kiosk, staff };
}

describe('a number from the phone waits for its holder (issue 17.1)', () => {
  it('is not called before check-in, counts in the estimate, and is called once its holder checks in from the phone', async () => {
    const { phone, kiosk, staff } = await hall();
    const remote = (await phone.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'mobile' })).body;
    expect(remote).toMatchObject({ channel: 'mobile', checkedIn: false, status: 'waiting' });
    expect((await phone.get<Ticket>(`/api/v1/tickets/${remote.id}`)).body.checkedIn).toBe(false);
    const walkIn = await kiosk.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich' });
    expect(walkIn.body).toMatchObject({ checkedIn: true, peopleAhead: 1 });

    // The counter passes over the remote number to the citizen in the hall, then has nobody to call.
    expect((await staff.post<{ ticket: Ticket }>('/api/v1/counters/quay-2/call-next')).body.ticket.id).toBe(walkIn.body.id);
    await staff.post(`/api/v1/tickets/${walkIn.body.id}/finish`);
    expect((await staff.post('/api/v1/counters/quay-2/call-next')).status).toBe(204);
    const direct = await staff.post<Err>(`/api/v1/tickets/${remote.id}/call`);
    expect(direct.status).toBe(409);
    expect(direct.body.error).toMatchObject({ code: 'not_arrived' });
    expect(direct.body.error.message).toContain('chưa đến trung tâm');

    const socket = io(s.url, { transports: ['websocket'] });
    try {
      await new Promise<void>((resolve) => socket.once('state', () => resolve()));
      const told = new Promise<Ticket>((resolve) => socket.on('ticket.updated', ({ ticket }: { ticket: Ticket }) => ticket.id === remote.id && resolve(ticket)));
      // The entrance screen (a board's token) shows the code the phone reads there.
      const entrance = (await s.client({ authorization: 'Bearer demo-board-1' }).get<Entrance>('/api/v1/entrance-code')).body;
      const r = await phone.post<CheckedIn>(`/api/v1/tickets/${remote.id}/check-in`, { k: keyOf(remote), e: entrance.code });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ alreadyCheckedIn: false, ticket: { id: remote.id, checkedIn: true, status: 'waiting' } });
      expect((await told).checkedIn).toBe(true);
    } finally {
      socket.close();
    }
    // Again, with the key only: it is in already, nothing to prove.
    const again = await phone.post<CheckedIn>(`/api/v1/tickets/${remote.id}/check-in`, { k: keyOf(remote) });
    expect(again.body).toMatchObject({ alreadyCheckedIn: true, ticket: { checkedIn: true } });
    const events = (await s.ctx.store.reads.visitEvents('2000-01-01', '2999-12-31')).filter((e) => e.ticketId === remote.id);
    expect(events.map((e) => e.type)).toEqual(['issued', 'checked_in']);
    expect(events[1]!.data).toEqual({ by: 'phone' });

    expect((await staff.post<{ ticket: Ticket }>('/api/v1/counters/quay-2/call-next')).body.ticket).toMatchObject({ id: remote.id, status: 'called' });
  });

  it('the counter sees the wait of a checked-in number from its check-in, not from when it was taken at home', async () => {
    let now = T0;
    const { phone, kiosk, staff } = await hall(loadDemoConfig(), () => now);
    const remote = (await phone.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'mobile' })).body;
    now = T0 + 50 * 60_000;
    await kiosk.post(`/api/v1/tickets/${remote.id}/check-in`);
    now = T0 + 55 * 60_000;
    const q = await staff.get<{ waiting: { id: string; waitSeconds: number; visitWaitSeconds: number }[] }>('/api/v1/counters/quay-2/queue');
    expect(q.body.waiting.find((w) => w.id === remote.id)).toMatchObject({ waitSeconds: 300, visitWaitSeconds: 300 });
  });

  it('a kiosk checks in the number the citizen typed, with its device token; a key is needed otherwise', async () => {
    const { phone, kiosk } = await hall();
    const remote = (await phone.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'mobile' })).body;
    const stranger = s.client();
    const noKey = await stranger.post<Err>(`/api/v1/tickets/${remote.id}/check-in`);
    expect(noKey.status).toBe(403);
    expect(noKey.body.error.code).toBe('bad_ticket_key');
    const wrong = await stranger.post<Err>(`/api/v1/tickets/${remote.id}/check-in`, { k: 'AAAAAAAAAAAAAAAAAAAAAA' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('bad_ticket_key');
    expect(wrong.body.error.message).toMatch(/^Mã trên phiếu không đúng/);
    const board = await s.client({ authorization: 'Bearer demo-board-1' }).post<Err>(`/api/v1/tickets/${remote.id}/check-in`);
    expect(board.status).toBe(403);

    const found = (await kiosk.get<Ticket>(`/api/v1/tickets/by-number/${remote.number}`)).body;
    const r = await kiosk.post<CheckedIn>(`/api/v1/tickets/${found.id}/check-in`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ alreadyCheckedIn: false, ticket: { number: remote.number, checkedIn: true } });
    const events = (await s.ctx.store.reads.visitEvents('2000-01-01', '2999-12-31')).filter((e) => e.type === 'checked_in');
    expect(events).toMatchObject([{ ticketId: remote.id, actor: 'device:kiosk-1', data: { by: 'kiosk' } }]);
    // A number taken at the kiosk needs no check-in: asked, it is already in.
    const walkIn = (await kiosk.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich' })).body;
    expect((await kiosk.post<CheckedIn>(`/api/v1/tickets/${walkIn.id}/check-in`)).body.alreadyCheckedIn).toBe(true);
    // A request that names no channel (clients before issue 17.1) is a mobile number counted present.
    const older = (await phone.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich' })).body;
    expect(older).toMatchObject({ channel: 'mobile', checkedIn: true });
  });

  it('the phone checks in only with the code shown at the entrance: the key alone (on the phone since home) is not enough', async () => {
    let now = T0;
    const { phone, kiosk } = await hall(loadDemoConfig(), () => now);
    const remote = (await phone.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'mobile' })).body;
    // Who sees the code: the screens at the centre (kiosk, board); nobody at home, no account.
    expect((await s.client().get<Err>('/api/v1/entrance-code')).status).toBe(401);
    expect((await s.client({ authorization: 'Bearer demo-keypad-1' }).get<Err>('/api/v1/entrance-code')).status).toBe(403);
    const manager = s.client();
    await manager.login('quanly', 'quay-1');
    expect((await manager.get<Err>('/api/v1/entrance-code')).status).toBe(403);
    const shown = await kiosk.get<Entrance>('/api/v1/entrance-code');
    expect(shown.status).toBe(200);
    expect(shown.body.code).toMatch(/^[0-9]{6}$/);
    expect(shown.body.url).toBe(`${s.url}/q/here?e=${shown.body.code}`);
    expect((await s.client({ authorization: 'Bearer demo-board-1' }).get<Entrance>('/api/v1/entrance-code')).body.code).toBe(shown.body.code);

    const without = await phone.post<Err>(`/api/v1/tickets/${remote.id}/check-in`, { k: keyOf(remote) });
    expect([without.status, without.body.error.code]).toEqual([403, 'entrance_code_required']);
    expect(without.body.error.message).toMatch(/^Đến trung tâm rồi, hãy quét mã QR ở cửa vào/);
    const wrongCode = String((Number(shown.body.code) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await phone.post<Err>(`/api/v1/tickets/${remote.id}/check-in`, { k: keyOf(remote), e: wrongCode });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'bad_entrance_code']);
    expect((await phone.post<Err>(`/api/v1/tickets/${remote.id}/check-in`, { k: keyOf(remote), e: 'abc' })).status).toBe(400);
    // Nothing changed on a refusal.
    expect((await phone.get<Ticket>(`/api/v1/tickets/${remote.id}`)).body.checkedIn).toBe(false);

    // A code read just before it changed is still taken in the next ten minutes, not after.
    now = Date.parse(shown.body.changesAt) + 60_000;
    const next = (await kiosk.get<Entrance>('/api/v1/entrance-code')).body;
    expect(next.code).not.toBe(shown.body.code);
    now = Date.parse(shown.body.validUntil) + 1;
    const stale = await phone.post<Err>(`/api/v1/tickets/${remote.id}/check-in`, { k: keyOf(remote), e: shown.body.code });
    expect(stale.body.error.code).toBe('bad_entrance_code');
    now = Date.parse(next.changesAt) - 1;
    const ok = await phone.post<CheckedIn>(`/api/v1/tickets/${remote.id}/check-in`, { k: keyOf(remote), e: shown.body.code });
    expect([ok.status, ok.body.ticket.checkedIn]).toEqual([200, true]);
  });

  it('ten wrong entrance codes for one number and only a kiosk checks it in', async () => {
    const { phone, kiosk } = await hall();
    const remote = (await phone.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'mobile' })).body;
    const right = (await kiosk.get<Entrance>('/api/v1/entrance-code')).body.code;
    const wrongCode = String((Number(right) + 7) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 10; i++) expect((await phone.post<Err>(`/api/v1/tickets/${remote.id}/check-in`, { k: keyOf(remote), e: wrongCode })).body.error.code).toBe('bad_entrance_code');
    const locked = await phone.post<Err>(`/api/v1/tickets/${remote.id}/check-in`, { k: keyOf(remote), e: right });
    expect([locked.status, locked.body.error.code]).toEqual([429, 'entrance_code_locked']);
    expect(locked.body.error.message).toContain('kiosk');
    expect((await kiosk.post<CheckedIn>(`/api/v1/tickets/${remote.id}/check-in`)).body.ticket.checkedIn).toBe(true);
  });

  it('an unknown ticket is 404, a closed one 409, in the error shape', async () => {
    const { phone, staff, kiosk } = await hall();
    const unknown = await kiosk.post<Err>('/api/v1/tickets/t-nope/check-in');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const remote = (await phone.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'mobile' })).body;
    await staff.post(`/api/v1/tickets/${remote.id}/cancel`);
    const closed = await phone.post<Err>(`/api/v1/tickets/${remote.id}/check-in`, { k: keyOf(remote) });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('ticket_closed');
    expect(closed.body.error.message).toContain(`Số ${remote.number} đã kết thúc`);
    const bad = await kiosk.post<Err>(`/api/v1/tickets/${remote.id}/check-in`, { k: 7 });
    expect(bad.status).toBe(400);
  });

  it('where the field gives a grace, the number is called in its turn and is not marked no-show before the grace is over', async () => {
    const config = loadDemoConfig();
    config.services.find((x) => x.id === 'ho-tich')!.remoteGraceMinutes = 5;
    let now = T0;
    const { phone, staff } = await hall(config, () => now);
    const remote = (await phone.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'mobile' })).body;
    expect(remote.checkedIn).toBe(false);
    expect((await staff.post<{ ticket: Ticket }>('/api/v1/counters/quay-2/call-next')).body.ticket).toMatchObject({ id: remote.id, checkedIn: false });
    now = T0 + 4 * 60_000;
    const early = await staff.post<Err>(`/api/v1/tickets/${remote.id}/no-show`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('remote_grace');
    expect(early.body.error.message).toContain('chờ đến 09:05 rồi mới ghi vắng mặt');
    now = T0 + 5 * 60_000;
    expect((await staff.post<{ ticket: Ticket }>(`/api/v1/tickets/${remote.id}/no-show`)).body.ticket.status).toBe('no_show');
  });
});
