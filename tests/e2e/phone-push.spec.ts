// The done-when of issue 17.2's Web Push, in a browser: a phone takes a remote number at /q, taps
// "Nhận thông báo trên điện thoại này" (consent granted), its service worker — registered over /t/
// from /kiosk/push-sw.js — holds a push subscription made with the server's VAPID key, which the page
// hands to the server; the server then sends "còn 3 người trước quý vị" and the call, each once,
// encrypted (RFC 8291) to a local HTTPS stand-in for the browser's push service. The citizen checks
// in at the kiosk by holding the phone's QR to the reader (the agent's simulated scanner).
//
// What is real and what is not: Chromium's own push service is Google's (FCM, over its MCS
// protocol); Debian's Chromium cannot be pointed at a local one, so PushManager.subscribe is the
// one browser call stood in for: it answers the subscription the browser would produce, but with
// the stub's endpoint and keys this test holds (so it can decrypt, as the phone's browser does).
// The service worker, the consent, the page's request, the server's VAPID signing and encryption
// and the HTTPS delivery are real; the decrypted payload is handed to the real service worker as
// the push service would (DevTools' ServiceWorker.deliverPushMessage), and the notification it
// shows is read back with registration.getNotifications().
import { createECDH, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kiosk as dict } from '@mot-cua/config/strings/kiosk.ts';
import { interpolate } from '@mot-cua/config/strings/index.ts';
import { ApiClient } from '../support/api.ts';
import { checkScreen as check, kioskSuite } from '../support/kiosk.ts';
import { repoRoot, startServer } from '../support/server.ts';

const ART = path.join(repoRoot, 'tests/artifacts/phone');
mkdirSync(ART, { recursive: true });
const PHONE = { width: 390, height: 844 };
const WAIT = { timeout: 20_000 };

// The push service's certificate, trusted by the server process (NODE_EXTRA_CA_CERTS) only.
const certDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-pushsvc-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(certDir, 'key.pem'), '-out', path.join(certDir, 'cert.pem')], { stdio: 'ignore' });
const pushed: { url: string; vapid: string; encoding: string; body: Buffer }[] = [];
let pushService: Server | undefined;

const suite = kioskSuite({
  agent: true,
  start: async () => {
    pushService = createServer({ key: readFileSync(path.join(certDir, 'key.pem')), cert: readFileSync(path.join(certDir, 'cert.pem')) }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (d: Buffer) => chunks.push(d));
      req.on('end', () => {
        pushed.push({ url: req.url ?? '', vapid: String(req.headers.authorization ?? ''), encoding: String(req.headers['content-encoding'] ?? ''), body: Buffer.concat(chunks) });
        res.writeHead(201).end();
      });
    });
    await new Promise<void>((r) => pushService!.listen(0, '127.0.0.1', r));
    return startServer({ env: { NODE_EXTRA_CA_CERTS: path.join(certDir, 'cert.pem') } });
  },
});
afterAll(async () => {
  if (pushService) await new Promise((r) => pushService!.close(r));
});

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** The subscriber's keys (what the phone's browser keeps) and RFC 8291's decryption with them. */
const ecdh = createECDH('prime256v1');
ecdh.generateKeys();
const auth = randomBytes(16);
function decrypt(body: Buffer): string {
  const salt = body.subarray(0, 16);
  const idlen = body[20]!;
  const serverKey = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const ikm = hmac(hmac(auth, ecdh.computeSecret(serverKey)), Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), serverKey, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01', 'binary')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01', 'binary')).subarray(0, 12);
  const d = createDecipheriv('aes-128-gcm', cek, nonce);
  d.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const plain = Buffer.concat([d.update(ciphertext.subarray(0, ciphertext.length - 16)), d.final()]);
  return plain.subarray(0, plain.lastIndexOf(2)).toString('utf8');
}

/** Stands in for PushManager.subscribe only (see the head comment); records the key it was given. */
function standInSubscribe(sub: { endpoint: string; p256dh: string; auth: string }): void {
  const b64u = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const w = window as unknown as { __pushKey?: string };
  PushManager.prototype.getSubscription = async () => null;
  PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
    const key = options?.applicationServerKey;
    w.__pushKey = key instanceof ArrayBuffer || ArrayBuffer.isView(key) ? b64u(new Uint8Array(key instanceof ArrayBuffer ? key : key.buffer)) : String(key);
    if (!options?.userVisibleOnly) throw new DOMException('userVisibleOnly is required', 'NotAllowedError');
    const json = { endpoint: sub.endpoint, expirationTime: null, keys: { p256dh: sub.p256dh, auth: sub.auth } };
    return { endpoint: sub.endpoint, expirationTime: null, options, toJSON: () => json, getKey: () => null, unsubscribe: async () => true } as unknown as PushSubscription;
  };
}

/** What the service worker shows, read from its registration. */
const shown = (page: Page) =>
  page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration('/t/');
    return reg ? (await reg.getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag })) : [];
  });

describe('phone page: Web Push (issue 17.2 done-when)', () => {
  it('a remote number subscribes to push, is told "còn 3 người" and the call once each, and checks in at the kiosk by QR', async () => {
    const s = dict.vi;
    const staff = new ApiClient(suite.server.url);
    await staff.login('quay2', 'quay-2');
    const kioskApi = new ApiClient(suite.server.url, { authorization: 'Bearer demo-kiosk-1' });
    for (let i = 0; i < 5; i++) expect((await kioskApi.post('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'kiosk' })).status).toBe(201);
    const options = (await suite.api.get<{ push: { publicKey: string } | null }>('/api/v1/notify/options')).body;
    expect(options.push?.publicKey).toMatch(/^[\w-]{80,}$/);
    // the service worker's file may work over the phone pages
    const sw = await fetch(`${suite.server.url}/kiosk/push-sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('service-worker-allowed')).toBe('/t/');

    const ctx = await suite.context({ viewport: PHONE, bypassCSP: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await ctx.grantPermissions(['notifications'], { origin: suite.server.url });
    const endpoint = `https://127.0.0.1:${(pushService!.address() as AddressInfo).port}/push/${randomBytes(8).toString('hex')}`;
    await ctx.addInitScript(standInSubscribe, { endpoint, p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') });
    const phone = await ctx.newPage();
    await phone.goto(`${suite.server.url}/q`);
    await phone.getByRole('radio', { name: /Hộ tịch/ }).check();
    await phone.getByLabel(s.remotePhone).fill('0912345670');
    await phone.getByRole('button', { name: s.remoteTake }).click();
    await phone.waitForURL(/\/t\/[^/]+\?/, WAIT);
    const id = decodeURIComponent(new URL(phone.url()).pathname.split('/')[2] ?? '');
    const number = (await phone.getByTestId('phone-number').textContent())?.trim() ?? '';
    await phone.getByTestId('phone-not-arrived').waitFor(WAIT);

    expect(await phone.getByTestId('phone-push').textContent()).toBe(s.notifyPush);
    await check(phone, 'push-offer-vi', { dir: ART, fullPage: true, settle: true });
    await phone.getByTestId('phone-push').click();
    await phone.getByTestId('phone-push-done').waitFor(WAIT);
    expect(await phone.getByTestId('phone-push-done').textContent()).toBe(s.notifyPushDone);
    expect(await phone.evaluate(() => (window as unknown as { __pushKey?: string }).__pushKey)).toBe(options.push!.publicKey);
    const reg = await phone.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration('/t/');
      return r ? { scope: r.scope, script: r.active?.scriptURL ?? '' } : null;
    });
    expect(reg).toEqual({ scope: `${suite.server.url}/t/`, script: `${suite.server.url}/kiosk/push-sw.js` });
    await check(phone, 'push-done-vi', { dir: ART, fullPage: true, settle: true });
    expect(pushed).toHaveLength(0); // five are ahead

    // The push service's side: hand each message the server sent to the service worker, as FCM would.
    const cdp = await ctx.newCDPSession(phone);
    const registrationId = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: { registrationId: string; scopeURL: string }[] }) => {
        const r = e.registrations.find((x) => x.scopeURL === `${suite.server.url}/t/`);
        if (r) resolve(r.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const deliver = async (n: number) => {
      await expect.poll(() => pushed.length, WAIT).toBeGreaterThanOrEqual(n);
      const m = pushed[n - 1]!;
      expect(m.url).toBe(new URL(endpoint).pathname);
      expect(m.encoding).toBe('aes128gcm');
      expect(m.vapid).toContain(`k=${options.push!.publicKey}`);
      expect(m.body.toString('utf8')).not.toContain(number);
      const data = decrypt(m.body);
      await cdp.send('ServiceWorker.deliverPushMessage', { origin: suite.server.url, registrationId: await registrationId, data });
      return JSON.parse(data) as { title: string; body: string; tag: string };
    };

    for (let i = 0; i < 2; i++) expect((await staff.post('/api/v1/counters/quay-2/call-next')).status).toBe(200);
    const ahead = await deliver(1);
    expect(ahead.body).toMatch(new RegExp(`^Số ${number}: còn 3 người trước quý vị`));
    await expect.poll(() => shown(phone), WAIT).toEqual([{ title: `Số ${number} / No. ${number}`, body: ahead.body, tag: ahead.tag }]);

    // At the hall: the phone's QR held to the kiosk's reader.
    const qr = await phone.locator('[data-testid="phone-not-arrived"] [data-qr]').getAttribute('data-qr');
    expect(qr).toContain(`/t/${id}`);
    const { page: kiosk } = await suite.open('/kiosk');
    await kiosk.getByRole('button', { name: new RegExp(s.homeArrive) }).click();
    await kiosk.getByRole('heading', { name: s.arriveTitle }).waitFor();
    expect((await suite.sim('/sim/scan', { text: `${qr}\r\n` })).status).toBe(202);
    await expect.poll(() => kiosk.getByTestId('arrive-done').textContent(), WAIT).toBe(interpolate(s.arriveDone, { number }));
    await expect.poll(() => phone.getByTestId('phone-not-arrived').count(), WAIT).toBe(0);

    let called: { id: string } | undefined;
    for (let i = 0; i < 4 && called?.id !== id; i++) called = (await staff.post<{ ticket: { id: string } }>('/api/v1/counters/quay-2/call-next')).body.ticket;
    expect(called?.id).toBe(id);
    const call = await deliver(2);
    expect(call.body).toBe(`Đến lượt số ${number} — mời đến quầy 2 / No. ${number}: your turn — please go to counter 2`);
    await expect.poll(async () => (await shown(phone)).map((n) => n.body), WAIT).toEqual([ahead.body, call.body]);
    await expect.poll(() => phone.getByTestId('phone-status').textContent(), WAIT).toContain(interpolate(s.phoneCalled, { counter: 2 }));
    // a recall is not told again
    expect((await staff.post('/api/v1/counters/quay-2/current/recall')).status).toBe(200);
    await staff.post('/api/v1/counters/quay-2/current/finish');
    expect(pushed).toHaveLength(2);
    await ctx.close();
  });

  it('in English: the button, and a browser that does not allow notifications says so (the text option stays)', async () => {
    const e = dict.en;
    const kioskApi = new ApiClient(suite.server.url, { authorization: 'Bearer demo-kiosk-1' });
    const t = (await kioskApi.post<{ statusUrl: string }>('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'kiosk', lang: 'en' })).body;
    // no permission granted: the consent prompt is refused, as a citizen tapping "Block" would
    const ctx = await suite.context({ viewport: PHONE, bypassCSP: true, locale: 'en-GB', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await ctx.newPage();
    const u = new URL(t.statusUrl);
    await page.goto(`${suite.server.url}${u.pathname}${u.search}&lang=en`);
    await page.getByTestId('phone-push').waitFor(WAIT);
    expect(await page.getByTestId('phone-push').textContent()).toBe(e.notifyPush);
    await check(page, 'push-offer-en', { dir: ART, fullPage: true, settle: true });
    await page.getByTestId('phone-push').click();
    await expect.poll(() => page.getByTestId('phone-push-error').textContent(), WAIT).toBe(e.notifyPushDenied);
    await check(page, 'push-denied-en', { dir: ART, fullPage: true, settle: true });
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/t/')) ?? null)).toBeNull();
    await ctx.close();
  });
});
