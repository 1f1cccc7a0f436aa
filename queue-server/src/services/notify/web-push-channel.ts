// Web Push with VAPID (issue 17.2): the phone page subscribes with the browser's
// push service and hands the subscription to the server, which sends each
// notice encrypted to it (the web-push library). A push service's 404 or 410
// means the subscription is gone: refused, not retried.
import type { Agent } from 'node:https';
import webpush from 'web-push';
import type { Notice } from '../../domain/notify-texts.ts';
import type { Delivery } from './channels.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** A mailto: or https: address the push services may contact. */
  subject: string;
}

/** A browser's push subscription, as PushSubscription.toJSON() gives it. */
export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export function newVapidKeys(subject: string): VapidKeys {
  const k = webpush.generateVAPIDKeys();
  return { publicKey: k.publicKey, privateKey: k.privateKey, subject };
}

export class WebPushChannel {
  constructor(
    private readonly vapid: VapidKeys,
    private readonly opts: { timeoutMs: number; agent?: Agent },
  ) {}

  get publicKey(): string {
    return this.vapid.publicKey;
  }

  async send(target: PushTarget, notice: Notice): Promise<Delivery> {
    try {
      await webpush.sendNotification(target, JSON.stringify({ title: notice.number, body: notice.text, tag: notice.key }), {
        vapidDetails: this.vapid,
        TTL: 15 * 60,
        timeout: this.opts.timeoutMs,
        ...(this.opts.agent ? { agent: this.opts.agent } : {}),
      });
      return { ok: true };
    } catch (e) {
      const status = (e as { statusCode?: number }).statusCode;
      if (status === 404 || status === 410) return { ok: false, outcome: 'rejected', reason: `HTTP ${status}` };
      if (typeof status === 'number') return { ok: false, outcome: status >= 400 && status < 500 ? 'rejected' : 'failed', reason: `HTTP ${status}` };
      return { ok: false, outcome: 'failed', reason: /timeout/i.test((e as Error).message) ? 'timeout' : 'network' };
    }
  }
}
