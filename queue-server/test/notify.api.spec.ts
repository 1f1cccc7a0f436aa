// Notifications over the API (issue 17.2), the SMS gateway a local stub: a citizen
// opts in with the slip's key and a phone number, is told once when three are
// ahead and again when called, with the counter; bad input gets the API's error.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';
import type { ApiClient } from '../../tests/support/api.ts';

let s: TestServer;
let gateway: Server;
const texts: { to: string; text: string }[] = [];
let kiosk: ApiClient;
let citizen: ApiClient;
let clerk: ApiClient;

type Held = { id: string; number: string; statusUrl: string };
const keyOf = (t: Held) => new URL(t.statusUrl).searchParams.get('k')!;

beforeAll(async () => {
  gateway = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      texts.push(JSON.parse(raw) as { to: string; text: string });
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
  s = await startTestServer({ notify: { sms: { url, token: 't', timeoutMs: 2000, sender: 'MOTCUA' }, zalo: null, push: 'generate', subject: 'mailto:a@b.c', timeoutMs: 2000 } });
  kiosk = s.client({ authorization: 'Bearer demo-kiosk-1' });
  citizen = s.client();
  clerk = s.client();
  await clerk.login('quay4', 'quay-4');
});
afterAll(async () => {
  await s.close();
  await new Promise((r) => gateway.close(r));
});

const until = async (what: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!what() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
};

describe('notifications', () => {
  it('says what it can send', async () => {
    const r = await citizen.get<{ push: { publicKey: string } | null; sms: boolean; zalo: boolean }>('/api/v1/notify/options');
    expect(r.status).toBe(200);
    expect(r.body.sms).toBe(true);
    expect(r.body.zalo).toBe(false);
    expect(r.body.push?.publicKey).toMatch(/^[\w-]{80,}$/);
  });

  it('tells a citizen once when three are ahead and when called, with the counter', async () => {
    const held: Held[] = [];
    for (let i = 0; i < 6; i++) held.push((await kiosk.post<Held>('/api/v1/tickets', { serviceId: 'xay-dung', channel: 'kiosk' })).body);
    const mine = held[5]!;
    const r = await citizen.post(`/api/v1/tickets/${mine.id}/notify`, { k: keyOf(mine), phone: '0912 345 678' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ channels: ['sms'] });
    // the number is on no public view of the ticket
    expect(JSON.stringify((await citizen.get(`/api/v1/tickets/${mine.id}`)).body)).not.toMatch(/0912|345 ?678/);
    for (let i = 0; i < 2; i++) expect((await clerk.post('/api/v1/counters/quay-4/call-next')).status).toBe(200);
    // the second call finished the first: one is at the counter, three wait ahead of mine
    await until(() => texts.length >= 1);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.to).toBe('0912345678');
    expect(texts[0]!.text).toMatch(new RegExp(`^Số ${mine.number}: còn 3 người trước quý vị`));
    for (let i = 0; i < 3; i++) expect((await clerk.post('/api/v1/counters/quay-4/call-next')).status).toBe(200);
    const called = await clerk.post<{ ticket: { id: string } }>('/api/v1/counters/quay-4/call-next');
    expect(called.status).toBe(200);
    await until(() => texts.length >= 2);
    await new Promise((r) => setTimeout(r, 400));
    expect(texts.map((t) => t.text)).toEqual([texts[0]!.text, `Đến lượt số ${mine.number} — mời đến quầy 4 / No. ${mine.number}: your turn — please go to counter 4`]);
    await clerk.post('/api/v1/counters/quay-4/current/finish');
  });

  it('refuses bad input in the API error shape, Vietnamese first', async () => {
    const t = (await kiosk.post<Held>('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'kiosk' })).body;
    const k = keyOf(t);
    const bad = await citizen.post<{ error: { code: string; message: string } }>(`/api/v1/tickets/${t.id}/notify`, { k, phone: '123' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_phone');
    expect(bad.body.error.message).toMatch(/^Số điện thoại không hợp lệ.* \/ /);
    expect((await citizen.post<{ error: { code: string } }>(`/api/v1/tickets/${t.id}/notify`, { k })).body.error.code).toBe('notify_nothing');
    expect((await citizen.post<{ error: { code: string } }>(`/api/v1/tickets/${t.id}/notify`, { k, phone: '0912345678', channel: 'zalo' })).body.error.code).toBe('notify_unavailable');
    expect((await citizen.post(`/api/v1/tickets/${t.id}/notify`, { k: 'x'.repeat(22), phone: '0912345678' })).status).toBe(403);
    expect((await citizen.post(`/api/v1/tickets/nope/notify`, { k, phone: '0912345678' })).status).toBe(404);
    expect((await citizen.post(`/api/v1/tickets/${t.id}/notify`, { k, push: { endpoint: 'http://insecure.example/x', keys: { p256dh: 'a'.repeat(20), auth: 'b'.repeat(10) } } })).status).toBe(400);
    expect((await citizen.post(`/api/v1/tickets/${t.id}/notify`, { k, phone: 12 })).status).toBe(400);
    // staff do not opt citizens in
    expect((await clerk.post(`/api/v1/tickets/${t.id}/notify`, { k, phone: '0912345678' })).status).toBe(403);
  });
});
