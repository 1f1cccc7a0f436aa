// Web Push against a local stand-in for a browser's push service (HTTPS, a
// certificate made for the test): the notice arrives signed with the centre's
// VAPID key and encrypted for the subscriber (RFC 8291, aes128gcm), and this
// test decrypts it with the subscriber's own keys, as the phone's browser would.
import { createECDH, createDecipheriv, createHmac, randomBytes, type ECDH } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { Agent, createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calledNotice } from '../../domain/notify-texts.ts';
import { newVapidKeys, WebPushChannel, type PushTarget } from './web-push-channel.ts';

let server: Server;
let base = '';
let agent: Agent;
let answer = 201;
const got: { url: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-push-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  const cert = readFileSync(path.join(dir, 'cert.pem'));
  server = createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      got.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  agent = new Agent({ ca: cert });
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  agent.destroy();
});

const b64u = (b: Buffer) => b.toString('base64url');
const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** A browser's subscription: its own P-256 key pair and auth secret. */
function subscriber(endpoint: string): { target: PushTarget; ecdh: ECDH; auth: Buffer } {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { target: { endpoint, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) } }, ecdh, auth };
}

/** RFC 8291 / 8188: what the subscriber's browser does with the body. */
function decrypt(body: Buffer, ecdh: ECDH, auth: Buffer): string {
  const salt = body.subarray(0, 16);
  const idlen = body[20]!;
  const serverKey = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const shared = ecdh.computeSecret(serverKey);
  const ikm = hmac(hmac(auth, shared), Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), serverKey, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01', 'binary')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01', 'binary')).subarray(0, 12);
  const d = createDecipheriv('aes-128-gcm', cek, nonce);
  d.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const plain = Buffer.concat([d.update(ciphertext.subarray(0, ciphertext.length - 16)), d.final()]);
  // the record ends with the padding delimiter 0x02 and zeros
  return plain.subarray(0, plain.lastIndexOf(2)).toString('utf8');
}

describe('WebPushChannel', () => {
  it('signs with the VAPID key and encrypts the notice for the subscriber alone', async () => {
    const vapid = newVapidKeys('mailto:motcua@example.org');
    const push = new WebPushChannel(vapid, { timeoutMs: 3000, agent });
    const sub = subscriber(`${base}/push/abc`);
    const notice = calledNotice({ id: 't-9', number: '1012' }, 4);
    answer = 201;
    expect(await push.send(sub.target, notice)).toEqual({ ok: true });
    const r = got.at(-1)!;
    expect(r.url).toBe('/push/abc');
    expect(r.headers['content-encoding']).toBe('aes128gcm');
    expect(r.headers.ttl).toBe('900');
    expect(r.headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${vapid.publicKey}$`));
    expect(r.body.toString('utf8')).not.toContain('1012');
    expect(JSON.parse(decrypt(r.body, sub.ecdh, sub.auth))).toEqual({ title: '1012', body: notice.text, tag: 'called:t-9' });
    expect(notice.text).toBe('Đến lượt số 1012 — mời đến quầy 4 / No. 1012: your turn — please go to counter 4');
  });

  it('a subscription the push service no longer knows (410) is refused; a 500 failed', async () => {
    const push = new WebPushChannel(newVapidKeys('mailto:a@b.c'), { timeoutMs: 3000, agent });
    const notice = calledNotice({ id: 't-1', number: '1' }, 1);
    answer = 410;
    expect(await push.send(subscriber(`${base}/gone`).target, notice)).toEqual({ ok: false, outcome: 'rejected', reason: 'HTTP 410' });
    answer = 500;
    expect(await push.send(subscriber(`${base}/busy`).target, notice)).toEqual({ ok: false, outcome: 'failed', reason: 'HTTP 500' });
  });
});
