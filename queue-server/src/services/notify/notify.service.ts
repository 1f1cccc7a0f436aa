// Telling a citizen on their phone (issue 17.2): "còn 3 người trước quý vị",
// "đến lượt — mời đến quầy N". A citizen opts in for one ticket — the phone page
// with the slip's key, or the kiosk that issued it with a typed phone number —
// and is told each thing once: a recall is not told again, a visit transferred
// to another field is told again for its new queue. The phone number and the
// push subscription live in memory only, for the visit: forgotten when the
// ticket ends (or the day closes it), never logged, never on a public view.
import { timingSafeEqual } from 'node:crypto';
import { TERMINAL_STATUSES } from '../../domain/types.ts';
import { AHEAD_AT, aheadNotice, calledNotice, normalisePhone, type Notice } from '../../domain/notify-texts.ts';
import { fail } from '../../domain/messages.ts';
import type { TicketRecord } from '../../store/index.ts';
import type { Actor } from '../actor.ts';
import type { Bus } from '../bus.ts';
import type { Queue } from '../queue.ts';
import type { Delivery, TextChannel } from './channels.ts';
import type { PushTarget, WebPushChannel } from './web-push-channel.ts';

export interface NotifyChannels {
  sms?: TextChannel | null;
  zalo?: TextChannel | null;
  push?: WebPushChannel | null;
}

export interface SubscribeBody {
  /** The slip's key (`?k=` of its status URL); a kiosk device needs none. */
  k?: string;
  phone?: string;
  /** Which text channel takes the phone number (default: SMS when configured, else Zalo). */
  channel?: 'sms' | 'zalo';
  push?: PushTarget;
}

interface Subscription {
  phone: string | null;
  text: TextChannel | null;
  push: PushTarget | null;
  told: Set<string>;
}

const TERMINAL: ReadonlySet<string> = new Set(TERMINAL_STATUSES);
/** How long ticket changes are gathered before the people-ahead check runs. */
const CHECK_MS = 300;

export class NotifyService {
  readonly #subs = new Map<string, Subscription>();
  #timer: NodeJS.Timeout | null = null;
  readonly #unlisten: (() => void)[] = [];
  /** Deliveries still on their way (tests and a graceful stop wait for them). */
  readonly #sending = new Set<Promise<void>>();

  constructor(
    private readonly queue: Queue,
    private readonly channels: NotifyChannels,
    private readonly log: (line: string) => void,
  ) {}

  /** What the phone page and the kiosk may offer. */
  options(): { push: { publicKey: string } | null; sms: boolean; zalo: boolean } {
    return { push: this.channels.push ? { publicKey: this.channels.push.publicKey } : null, sms: !!this.channels.sms, zalo: !!this.channels.zalo };
  }

  /** Opts a ticket in (again: what it gives replaces what it gave); answers the channels it will be told on. */
  async subscribe(ticketId: string, body: SubscribeBody, actor: Actor): Promise<{ channels: string[] }> {
    if (actor.kind === 'user') throw fail('forbidden:role');
    const t = await this.queue.tickets.get(ticketId);
    if (!(actor.kind === 'device' && actor.deviceKind === 'kiosk')) {
      const want = Buffer.from(this.queue.ratings.keyOf(t));
      const got = Buffer.from(body.k ?? '');
      if (got.length !== want.length || !timingSafeEqual(got, want)) throw fail('bad_rating_key');
    }
    if (TERMINAL.has(t.status)) throw fail('notify_closed', { number: t.number });
    if (body.phone === undefined && body.push === undefined) throw fail('notify_nothing');
    let phone: string | null = null;
    let text: TextChannel | null = null;
    if (body.phone !== undefined) {
      phone = normalisePhone(body.phone);
      if (phone === null) throw fail('bad_phone');
      text = body.channel ? (this.channels[body.channel] ?? null) : (this.channels.sms ?? this.channels.zalo ?? null);
      if (!text) throw fail('notify_unavailable', { channel: body.channel ?? 'SMS' });
    }
    if (body.push !== undefined && !this.channels.push) throw fail('notify_unavailable', { channel: 'Web Push' });
    const before = this.#subs.get(t.id);
    this.#subs.set(t.id, { phone, text, push: body.push ?? null, told: before?.told ?? new Set() });
    this.#soon();
    return { channels: [...(body.push ? ['push'] : []), ...(text ? [text.name] : [])] };
  }

  /** The citizen asks to be told nothing more. */
  forget(ticketId: string): void {
    this.#subs.delete(ticketId);
  }

  /** How many tickets are opted in now (the figures of a test; no personal data). */
  get subscribed(): number {
    return this.#subs.size;
  }

  start(bus: Bus): void {
    const onCall = ({ ticket, recall }: { ticket: TicketRecord; recall: boolean }) => {
      const sub = this.#subs.get(ticket.id);
      const counter = this.queue.centre.config.counters.find((c) => c.id === ticket.counterId);
      if (sub && counter && !recall) this.#tell(sub, calledNotice(ticket, counter.number));
    };
    const onChange = (t: TicketRecord) => {
      const sub = this.#subs.get(t.id);
      if (sub && t.transferredTo) this.#subs.set(t.transferredTo, sub);
      if (TERMINAL.has(t.status)) this.#subs.delete(t.id);
      this.#soon();
    };
    const onIssue = () => this.#soon();
    bus.on('ticket.called', onCall);
    bus.on('ticket.updated', onChange);
    bus.on('ticket.issued', onIssue);
    this.#unlisten.push(() => bus.off('ticket.called', onCall), () => bus.off('ticket.updated', onChange), () => bus.off('ticket.issued', onIssue));
  }

  async stop(): Promise<void> {
    for (const off of this.#unlisten.splice(0)) off();
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.settled();
  }

  /** Resolves once every delivery under way has ended. */
  async settled(): Promise<void> {
    while (this.#sending.size) await Promise.all([...this.#sending]);
  }

  #soon(): void {
    if (this.#timer || this.#subs.size === 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.checkAhead();
    }, CHECK_MS);
    this.#timer.unref();
  }

  /** Each opted-in waiting ticket with AHEAD_AT people or fewer ahead is told so, once. */
  checkAhead(): void {
    for (const [id, sub] of this.#subs) {
      const t = this.queue.tickets.known(id);
      if (!t || t.status !== 'waiting') continue;
      const est = this.queue.estimates.estimateOf(t);
      if (est.peopleAhead <= AHEAD_AT) this.#tell(sub, aheadNotice(t, est.peopleAhead, est.estimatedWaitMinutes));
    }
  }

  #tell(sub: Subscription, notice: Notice): void {
    if (sub.told.has(notice.key)) return;
    sub.told.add(notice.key);
    const what = notice.key.split(':')[0];
    const one = async (channel: string, send: () => Promise<Delivery>, onRejected: () => void) => {
      const d = await send();
      // No phone number, name or text in the log: which channel, what kind of notice, how it went.
      this.log(`notify ${channel} ${what} ticket ${notice.ticketId}: ${d.ok ? 'sent' : `${d.outcome} (${d.reason})`}`);
      if (!d.ok && d.outcome === 'rejected') onRejected();
    };
    const jobs: Promise<void>[] = [];
    if (sub.push && this.channels.push) {
      const push = this.channels.push;
      const target = sub.push;
      jobs.push(one('push', () => push.send(target, notice), () => (sub.push = null)));
    }
    if (sub.phone && sub.text) {
      const text = sub.text;
      const phone = sub.phone;
      jobs.push(one(text.name, () => text.send(phone, notice), () => undefined));
    }
    for (const job of jobs) {
      const p = job.finally(() => this.#sending.delete(p));
      this.#sending.add(p);
    }
  }
}
