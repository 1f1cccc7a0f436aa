import { afterEach, describe, expect, it } from 'vitest';
import { openQueue, staffAt, type QueueFixture } from '../queue.fixture.ts';
import type { Notice } from '../../domain/notify-texts.ts';
import type { Delivery, TextChannel } from './channels.ts';
import { NotifyService } from './notify.service.ts';

let f: QueueFixture;
let notify: NotifyService;
afterEach(async () => {
  await notify.stop();
  f.close();
});

/** A text channel that keeps what it was asked to send (the HTTP ones have their own spec against a stub server). */
class Recorder implements TextChannel {
  readonly name = 'sms' as const;
  sent: { phone: string; notice: Notice }[] = [];
  answer: Delivery = { ok: true };
  async send(phone: string, notice: Notice): Promise<Delivery> {
    this.sent.push({ phone, notice });
    return this.answer;
  }
}

const citizen = { kind: 'public' } as const;
const kiosk = { kind: 'device', deviceId: 'kiosk-1', deviceKind: 'kiosk', counterId: null } as const;

describe('NotifyService', () => {
  it('tells a waiting citizen once when three are ahead, then the call with the counter, never the recall; forgets the number when the visit ends', async () => {
    f = await openQueue();
    const sms = new Recorder();
    const log: string[] = [];
    notify = new NotifyService(f.queue, { sms }, (l) => log.push(l));
    notify.start(f.bus);
    const { issue, counters } = f.queue;
    const tickets = [];
    for (let i = 0; i < 6; i++) tickets.push((await issue.issue({ serviceId: 'dat-dai' }, null)).ticket);
    const mine = tickets[5]!;
    expect(await notify.subscribe(mine.id, { phone: '+84 912 345 678' }, kiosk)).toEqual({ channels: ['sms'] });
    notify.checkAhead();
    expect(sms.sent).toEqual([]);
    // Two served: three ahead now.
    for (const t of tickets.slice(0, 2)) {
      await counters.callTicket(t.id, 'quay-4', staffAt('quay-4'));
      await counters.act(t.id, 'finish', staffAt('quay-4'));
    }
    notify.checkAhead();
    notify.checkAhead();
    await notify.settled();
    expect(sms.sent.map((s) => s.phone)).toEqual(['0912345678']);
    expect(sms.sent[0]!.notice.text).toMatch(new RegExp(`^Số ${mine.number}: còn 3 người trước quý vị`));
    expect(sms.sent[0]!.notice.text).toContain(' / ');
    // Fewer ahead later: not told again.
    await counters.callTicket(tickets[2]!.id, 'quay-4', staffAt('quay-4'));
    await counters.act(tickets[2]!.id, 'finish', staffAt('quay-4'));
    notify.checkAhead();
    await notify.settled();
    expect(sms.sent).toHaveLength(1);
    expect(notify.subscribed).toBe(1);

    // The call, with the counter's number; a recall is not told again.
    await counters.callTicket(mine.id, 'quay-4', staffAt('quay-4'));
    await counters.act(mine.id, 'recall', staffAt('quay-4'));
    await notify.settled();
    expect(sms.sent.map((s) => s.notice.text)).toEqual([sms.sent[0]!.notice.text, `Đến lượt số ${mine.number} — mời đến quầy 4 / No. ${mine.number}: your turn — please go to counter 4`]);
    await counters.act(mine.id, 'start', staffAt('quay-4'));
    await counters.act(mine.id, 'finish', staffAt('quay-4'));
    expect(notify.subscribed).toBe(0);
    // The log says which channel and what kind of notice, never the number or the text.
    expect(log).toEqual([`notify sms ahead ticket ${mine.id}: sent`, `notify sms called ticket ${mine.id}: sent`]);
    expect(log.join(' ')).not.toMatch(/0912|345678/);
  });

  it('follows a visit transferred to another field, and tells it again for its new queue', async () => {
    f = await openQueue();
    const sms = new Recorder();
    notify = new NotifyService(f.queue, { sms }, () => {});
    notify.start(f.bus);
    const { issue, counters } = f.queue;
    const t = (await issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    await notify.subscribe(t.id, { k: f.queue.ratings.keyOf(t), phone: '0987654321' }, citizen);
    await counters.callTicket(t.id, 'quay-3', staffAt('quay-3'));
    const moved = await counters.transfer(t.id, 'chung-thuc', staffAt('quay-3'));
    await counters.callTicket(moved.id, 'quay-5', staffAt('quay-5'));
    await notify.settled();
    expect(sms.sent.map((s) => s.notice.key)).toEqual([`called:${t.id}`, `called:${moved.id}`]);
    expect(sms.sent[1]!.notice.text).toContain('quầy 5');
  });

  it('refuses what it cannot keep: a bad number, nothing to send to, a closed ticket, a wrong key, staff', async () => {
    f = await openQueue();
    notify = new NotifyService(f.queue, { sms: new Recorder() }, () => {});
    const t = (await f.queue.issue.issue({ serviceId: 'ho-tich' }, null)).ticket;
    const key = f.queue.ratings.keyOf(t);
    await expect(notify.subscribe(t.id, { k: key, phone: '12345' }, citizen)).rejects.toThrow(expect.objectContaining({ code: 'bad_phone' }));
    await expect(notify.subscribe(t.id, { k: key }, citizen)).rejects.toThrow(expect.objectContaining({ code: 'notify_nothing' }));
    await expect(notify.subscribe(t.id, { k: key, phone: '0912345678', channel: 'zalo' }, citizen)).rejects.toThrow(expect.objectContaining({ code: 'notify_unavailable' }));
    await expect(notify.subscribe(t.id, { k: 'wrong', phone: '0912345678' }, citizen)).rejects.toThrow(expect.objectContaining({ code: 'bad_rating_key' }));
    await expect(notify.subscribe(t.id, { phone: '0912345678' }, citizen)).rejects.toThrow(expect.objectContaining({ code: 'bad_rating_key' }));
    await expect(notify.subscribe(t.id, { k: key, phone: '0912345678' }, staffAt('quay-2'))).rejects.toThrow(expect.objectContaining({ code: 'forbidden' }));
    await f.queue.counters.callTicket(t.id, 'quay-2', staffAt('quay-2'));
    await f.queue.counters.act(t.id, 'finish', staffAt('quay-2'));
    await expect(notify.subscribe(t.id, { k: key, phone: '0912345678' }, citizen)).rejects.toThrow(expect.objectContaining({ code: 'notify_closed' }));
    expect(notify.subscribed).toBe(0);
  });
});
