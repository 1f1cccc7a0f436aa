// The SMS and Zalo adapters against a local stub of each gateway: taken, refused, failed, timed out.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { aheadNotice } from '../../domain/notify-texts.ts';
import { SmsChannel, ZaloChannel } from './channels.ts';

type Seen = { headers: IncomingMessage['headers']; body: unknown };
let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(null));
  server = null;
});

/** A gateway that answers `status` (or never, for `hang`) and keeps what it got. */
async function gateway(status: number | 'hang'): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      seen.push({ headers: req.headers, body: JSON.parse(raw) });
      if (status === 'hang') return;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: status >= 400 ? 'refused' : 0 }));
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/send`, seen };
}

const notice = aheadNotice({ id: 't-1', number: '3005' }, 3, 12);

describe('SmsChannel', () => {
  it('sends the brand name and the whole text with the bearer token, and says it was taken', async () => {
    const g = await gateway(200);
    const sms = new SmsChannel({ url: g.url, token: 'tok', timeoutMs: 2000, sender: 'UBNDXA' });
    expect(await sms.send('0912345678', notice)).toEqual({ ok: true });
    expect(g.seen).toHaveLength(1);
    expect(g.seen[0]!.headers.authorization).toBe('Bearer tok');
    expect(g.seen[0]!.body).toEqual({ to: '0912345678', brandName: 'UBNDXA', text: 'Số 3005: còn 3 người trước quý vị, khoảng 12 phút / No. 3005: 3 people ahead of you, about 12 min' });
  });

  it('a 4xx is refused, a 5xx failed, no answer in time failed as a timeout', async () => {
    expect(await new SmsChannel({ url: (await gateway(400)).url, token: null, timeoutMs: 2000, sender: 'X' }).send('0912345678', notice)).toEqual({ ok: false, outcome: 'rejected', reason: 'HTTP 400' });
    await new Promise((r) => server!.close(r));
    expect(await new SmsChannel({ url: (await gateway(503)).url, token: null, timeoutMs: 2000, sender: 'X' }).send('0912345678', notice)).toEqual({ ok: false, outcome: 'failed', reason: 'HTTP 503' });
    server!.closeAllConnections();
    await new Promise((r) => server!.close(r));
    const hang = await gateway('hang');
    expect(await new SmsChannel({ url: hang.url, token: null, timeoutMs: 300, sender: 'X' }).send('0912345678', notice)).toEqual({ ok: false, outcome: 'failed', reason: 'timeout' });
    expect(hang.seen).toHaveLength(1);
  });

  it('a gateway that is not there failed as network', async () => {
    const g = await gateway(200);
    server!.close();
    server = null;
    expect(await new SmsChannel({ url: g.url, token: null, timeoutMs: 1000, sender: 'X' }).send('0912345678', notice)).toEqual({ ok: false, outcome: 'failed', reason: 'network' });
  });
});

describe('ZaloChannel', () => {
  it('sends a ZNS template message to the international number with the OA token', async () => {
    const g = await gateway(200);
    const zalo = new ZaloChannel({ url: g.url, token: 'oa-token', timeoutMs: 2000, sender: '231456' });
    expect(await zalo.send('0912345678', notice)).toEqual({ ok: true });
    expect(g.seen[0]!.headers.access_token).toBe('oa-token');
    expect(g.seen[0]!.body).toEqual({ phone: '84912345678', template_id: '231456', template_data: { number: '3005', message: notice.text }, tracking_id: 'ahead:t-1' });
  });

  it('a refusal and a timeout', async () => {
    expect((await new ZaloChannel({ url: (await gateway(401)).url, token: 'x', timeoutMs: 2000, sender: '1' }).send('0912345678', notice)).ok).toBe(false);
    server!.closeAllConnections();
    await new Promise((r) => server!.close(r));
    expect(await new ZaloChannel({ url: (await gateway('hang')).url, token: 'x', timeoutMs: 300, sender: '1' }).send('0912345678', notice)).toEqual({ ok: false, outcome: 'failed', reason: 'timeout' });
  });
});
