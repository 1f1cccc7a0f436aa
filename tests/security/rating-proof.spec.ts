// Issue 14, point 3: a rating needs proof that the rater holds the ticket. The slip's QR
// (its status URL) carries the visit's rating key; nothing public gives it (the by-number
// look-up, the ticket read by id, the anonymous socket); staff accounts never rate, and the
// counter's rating route takes only that counter's keypad. Real server, real socket.
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../queue-server/test/harness.ts';
import type { ApiClient } from '../support/api.ts';
import { connect, type Recorder } from './sockets.ts';

const server = await startTestServer();
const sockets: Recorder[] = [];
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.close();
});

interface Ticket { id: string; number: string; statusUrl: string; transferredTo: string | null; rated: boolean }
const kiosk = server.client({ authorization: 'Bearer demo-kiosk-1' });
const anyone = server.client();
const staff = server.client();
await staff.login('quay2', 'quay-2');
const manager = server.client();
await manager.login('quanly');

/** What a citizen's phone does with the slip's QR: opens its URL; the rating key is in it. */
const keyOf = (statusUrl: string) => new URL(statusUrl).searchParams.get('k');

async function serveAt(desk: ApiClient, counterId: string, id: string): Promise<void> {
  let called: string | undefined;
  for (let i = 0; i < 20 && called !== id; i++) called = (await desk.post<{ ticket?: { id: string } }>(`/api/v1/counters/${counterId}/call-next`)).body?.ticket?.id;
  expect(called).toBe(id);
  expect((await desk.post(`/api/v1/counters/${counterId}/current/finish`)).status).toBe(200);
}

describe('ratings need the slip', () => {
  it('the kiosk’s answer carries a rating key in its status URL; no public answer or event does', async () => {
    const board = connect(server.url);
    sockets.push(board);
    await board.next('state');
    const issued = await kiosk.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich' }, { 'Idempotency-Key': 'rating-proof-1' });
    expect(issued.status).toBe(201);
    const k = keyOf(issued.body.statusUrl);
    expect(k).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    // A replay of the same key is the same slip.
    expect(keyOf((await kiosk.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich' }, { 'Idempotency-Key': 'rating-proof-1' })).body.statusUrl)).toBe(k);
    // Not derivable from what is public: neither the id nor the number is in it.
    expect(k).not.toContain(issued.body.id);
    expect(k).not.toContain(issued.body.number);

    await board.next<{ ticket: { id: string } }>('ticket.issued', (e) => e.ticket.id === issued.body.id);
    const publicViews = {
      byNumber: JSON.stringify((await anyone.get(`/api/v1/tickets/by-number/${issued.body.number}`)).body),
      byId: JSON.stringify((await anyone.get(`/api/v1/tickets/${issued.body.id}`)).body),
      socket: JSON.stringify(board.events),
      queue: JSON.stringify((await staff.get('/api/v1/counters/quay-2/queue')).body),
    };
    expect(publicViews.byNumber).toContain(issued.body.id);
    // The issuing kiosk re-reads its own ticket as the holder's (its screen after a reload); another device does not.
    expect(keyOf((await kiosk.get<Ticket>(`/api/v1/tickets/${issued.body.id}`)).body.statusUrl)).toBe(k);
    expect(keyOf((await server.client({ authorization: 'Bearer demo-board-1' }).get<Ticket>(`/api/v1/tickets/${issued.body.id}`)).body.statusUrl)).toBeNull();
    for (const [where, text] of Object.entries(publicViews)) expect(`${where}: ${text.includes(k!)}`).toBe(`${where}: false`);
  });

  it('without the key, with a wrong one, or from staff and managers: refused; with it: rated once', async () => {
    const issued = (await kiosk.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich' })).body;
    const k = keyOf(issued.statusUrl)!;
    await serveAt(staff, 'quay-2', issued.id);
    const found = (await anyone.get<Ticket>(`/api/v1/tickets/by-number/${issued.number}`)).body;
    // What a forger has: the number called aloud, the id from the look-up.
    for (const body of [{ score: 1 }, { score: 1, k: 'AAAAAAAAAAAAAAAAAAAAAA' }, { score: 1, k: found.id }, { score: 1, k: k.slice(0, -1) }]) {
      const res = await anyone.post<{ error: { code: string; message: string } }>(`/api/v1/tickets/${found.id}/rating`, body);
      expect(`${JSON.stringify(body)} → ${res.status} ${res.body.error?.code}`).toBe(`${JSON.stringify(body)} → 403 bad_rating_key`);
      expect(res.body.error.message).toMatch(/^Hãy quét mã QR/);
    }
    for (const [who, client] of [['staff', staff], ['a manager', manager]] as const) {
      const res = await client.post<{ error: { code: string } }>(`/api/v1/tickets/${issued.id}/rating`, { score: 1, k });
      expect(`${who}: ${res.status} ${res.body.error?.code}`).toBe(`${who}: 403 forbidden`);
    }
    expect((await anyone.get<Ticket>(`/api/v1/tickets/${issued.id}`)).body.rated).toBe(false);
    expect((await anyone.post(`/api/v1/tickets/${issued.id}/rating`, { score: 4, k })).status).toBe(201);
    expect((await anyone.get<Ticket>(`/api/v1/tickets/${issued.id}`)).body.rated).toBe(true);
    expect((await anyone.post(`/api/v1/tickets/${issued.id}/rating`, { score: 1, k })).status).toBe(409);
  });

  it('a transferred visit is rated with the first slip’s key, on its last transaction', async () => {
    const issued = (await kiosk.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich' })).body;
    const k = keyOf(issued.statusUrl)!;
    let called: string | undefined;
    for (let i = 0; i < 20 && called !== issued.id; i++) called = (await staff.post<{ ticket?: { id: string } }>('/api/v1/counters/quay-2/call-next')).body?.ticket?.id;
    const moved = (await staff.post<{ ticket: Ticket }>('/api/v1/counters/quay-2/current/transfer', { serviceId: 'chung-thuc' })).body.ticket;
    expect(moved.id).not.toBe(issued.id);
    const desk5 = server.client();
    await desk5.login('quay5', 'quay-5');
    await serveAt(desk5, 'quay-5', moved.id);
    // The new leg's id is public (ticket.updated); the key is the visit's, so the slip still rates it.
    const res = await anyone.post<{ ticketId: string }>(`/api/v1/tickets/${issued.id}/rating`, { score: 3, k });
    expect(res.status).toBe(201);
    expect(res.body.ticketId).toBe(moved.id);
  });

  it('the counter’s rating route: its own keypad only, never a staff account', async () => {
    const issued = (await kiosk.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich' })).body;
    await serveAt(staff, 'quay-2', issued.id);
    const admin = server.client();
    await admin.login('admin');
    for (const [who, client] of [['staff of counter 2', staff], ['a manager', manager], ['the admin', admin], ['the kiosk', kiosk], ["counter 3's keypad", server.client({ authorization: 'Bearer demo-keypad-3' })]] as const) {
      const res = await client.post(`/api/v1/counters/quay-2/rating`, { score: 4 });
      expect(`${who}: ${res.status}`).toBe(`${who}: 403`);
    }
    expect((await anyone.post('/api/v1/counters/quay-2/rating', { score: 4 })).status).toBe(401);
    expect((await anyone.get<Ticket>(`/api/v1/tickets/${issued.id}`)).body.rated).toBe(false);
    const res = await server.client({ authorization: 'Bearer demo-keypad-2' }).post<{ ticketId: string }>('/api/v1/counters/quay-2/rating', { score: 4 });
    expect(res.status).toBe(201);
    expect(res.body.ticketId).toBe(issued.id);
  });
});
