// The ways a notice reaches a citizen (issue 17.2): a brand-name SMS gateway and
// Zalo ZNS, each an HTTP client to an endpoint the centre configures, and Web
// Push (web-push-channel.ts). A channel never throws: it says how it went.
import type { Notice } from '../../domain/notify-texts.ts';

/** How one delivery went: taken, refused by the far end (no point retrying), or failed (timeout, network, 5xx). */
export type Delivery = { ok: true } | { ok: false; outcome: 'rejected' | 'failed'; reason: string };

/** A channel to a phone number (SMS, Zalo). */
export interface TextChannel {
  readonly name: 'sms' | 'zalo';
  send(phone: string, notice: Notice): Promise<Delivery>;
}

export interface HttpChannelOptions {
  url: string;
  token: string | null;
  timeoutMs: number;
  /** SMS: the registered brand name; Zalo: the ZNS template's id. */
  sender: string;
}

/** POSTs JSON to the configured endpoint; 2xx is taken, 4xx refused, anything else (and a timeout) failed. */
async function post(opts: HttpChannelOptions, headers: Record<string, string>, body: unknown): Promise<Delivery> {
  try {
    const r = await fetch(opts.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    await r.arrayBuffer().catch(() => undefined);
    if (r.ok) return { ok: true };
    return { ok: false, outcome: r.status >= 400 && r.status < 500 ? 'rejected' : 'failed', reason: `HTTP ${r.status}` };
  } catch (e) {
    const name = (e as Error).name;
    return { ok: false, outcome: 'failed', reason: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network' };
  }
}

/** A brand-name SMS gateway: `{ to, brandName, text }` with a bearer token. */
export class SmsChannel implements TextChannel {
  readonly name = 'sms' as const;
  constructor(private readonly opts: HttpChannelOptions) {}
  send(phone: string, notice: Notice): Promise<Delivery> {
    const auth: Record<string, string> = this.opts.token ? { authorization: `Bearer ${this.opts.token}` } : {};
    return post(this.opts, auth, { to: phone, brandName: this.opts.sender, text: notice.text });
  }
}

/** Zalo ZNS: a template message, `{ phone, template_id, template_data, tracking_id }`, the OA's token in `access_token`. */
export class ZaloChannel implements TextChannel {
  readonly name = 'zalo' as const;
  constructor(private readonly opts: HttpChannelOptions) {}
  send(phone: string, notice: Notice): Promise<Delivery> {
    const auth: Record<string, string> = this.opts.token ? { access_token: this.opts.token } : {};
    // ZNS wants the international form without '+': 84 and nine digits.
    const intl = `84${phone.slice(1)}`;
    return post(this.opts, auth, { phone: intl, template_id: this.opts.sender, template_data: { number: notice.number, message: notice.text }, tracking_id: notice.key });
  }
}
