// Where notices go (issue 17.2), from the environment:
// - SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN, SMS_BRAND_NAME (default MOTCUA): a brand-name SMS gateway;
// - ZALO_ZNS_URL, ZALO_ZNS_TOKEN, ZALO_ZNS_TEMPLATE_ID: Zalo ZNS;
// - NOTIFY_TIMEOUT_MS (default 5000) for every channel;
// - VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT (default mailto:admin@localhost): Web Push;
//   without keys the server makes a pair once and keeps it in the data folder (vapid.json, 0600),
//   so phones' subscriptions outlive a restart. NOTIFY_PUSH=0 turns Web Push off.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Agent } from 'node:https';
import path from 'node:path';
import { SmsChannel, ZaloChannel, type HttpChannelOptions } from './channels.ts';
import type { NotifyChannels } from './notify.service.ts';
import { newVapidKeys, WebPushChannel, type VapidKeys } from './web-push-channel.ts';

export interface NotifySettings {
  sms: HttpChannelOptions | null;
  zalo: HttpChannelOptions | null;
  /** null: Web Push off; 'generate': a pair kept in the data folder; else these keys. */
  push: VapidKeys | 'generate' | null;
  subject: string;
  timeoutMs: number;
  /** Tests: the https agent that trusts a local push service's certificate. */
  pushAgent?: Agent;
}

export function notifySettingsFrom(env: Record<string, string | undefined>): NotifySettings {
  const raw = env.NOTIFY_TIMEOUT_MS;
  if (raw !== undefined && raw !== '' && !/^\d+$/.test(raw)) throw new Error(`NOTIFY_TIMEOUT_MS "${raw}" không phải số nguyên dương / is not a whole number`);
  const timeoutMs = raw ? Number(raw) : 5000;
  const http = (url: string | undefined, token: string | undefined, sender: string | undefined, name: string): HttpChannelOptions | null => {
    if (!url?.trim()) return null;
    let u: URL;
    try {
      u = new URL(url.trim());
    } catch {
      throw new Error(`${name} "${url}" không phải địa chỉ http(s) / is not an http(s) address`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`${name} "${url}" không phải địa chỉ http(s) / is not an http(s) address`);
    return { url: u.href, token: token || null, timeoutMs, sender: sender || '' };
  };
  const subject = env.VAPID_SUBJECT || 'mailto:admin@localhost';
  const off = ['0', 'false', 'no', 'off'].includes((env.NOTIFY_PUSH ?? '').toLowerCase());
  const push: NotifySettings['push'] = off
    ? null
    : env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY
      ? { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject }
      : 'generate';
  return {
    sms: http(env.SMS_GATEWAY_URL, env.SMS_GATEWAY_TOKEN, env.SMS_BRAND_NAME || 'MOTCUA', 'SMS_GATEWAY_URL'),
    zalo: http(env.ZALO_ZNS_URL, env.ZALO_ZNS_TOKEN, env.ZALO_ZNS_TEMPLATE_ID, 'ZALO_ZNS_URL'),
    push,
    subject,
    timeoutMs,
  };
}

/** The VAPID pair kept in the data folder, made on first use. */
function keptVapidKeys(dataDir: string, subject: string): VapidKeys {
  const file = path.join(dataDir, 'vapid.json');
  if (existsSync(file)) {
    const k = JSON.parse(readFileSync(file, 'utf8')) as Partial<VapidKeys>;
    if (typeof k.publicKey === 'string' && typeof k.privateKey === 'string') return { publicKey: k.publicKey, privateKey: k.privateKey, subject };
  }
  const k = newVapidKeys(subject);
  writeFileSync(file, JSON.stringify({ publicKey: k.publicKey, privateKey: k.privateKey }), { mode: 0o600 });
  return k;
}

export function notifyChannels(s: NotifySettings, dataDir: string): NotifyChannels {
  const vapid = s.push === 'generate' ? keptVapidKeys(dataDir, s.subject) : s.push;
  return {
    sms: s.sms ? new SmsChannel(s.sms) : null,
    zalo: s.zalo ? new ZaloChannel(s.zalo) : null,
    push: vapid ? new WebPushChannel(vapid, { timeoutMs: s.timeoutMs, agent: s.pushAgent }) : null,
  };
}
