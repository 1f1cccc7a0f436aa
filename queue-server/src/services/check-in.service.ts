// A number from the phone waits as "chưa đến" until its holder checks in at the centre
// (issue 17.1): a kiosk of the centre (its device token, after the citizen typed the number
// or showed the phone's QR to its reader), or the holder's phone with the key their ticket's QR
// carries and the code shown at the centre's entrance (entrance-code.ts: the key alone is on the
// phone from home). Checking in again changes nothing; a closed ticket cannot be checked in.
import { timingSafeEqual } from 'node:crypto';
import { isOpenStatus } from '../domain/index.ts';
import { fail } from '../domain/messages.ts';
import { ticketRecord, type TicketRecord } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { Bus } from './bus.ts';
import type { Centre } from './centre.ts';
import type { EntranceCodes } from './entrance-code.ts';
import type { EventLog } from './event-log.ts';
import type { OpenTickets } from './open-tickets.ts';

/** A number from the phone whose holder has not checked in yet: the policy does not call it (unless its field gives a grace). */
export const awaitingArrival = (t: Pick<TicketRecord, 'channel' | 'checkedInAt'>): boolean => t.channel === 'mobile' && t.checkedInAt === null;

export interface CheckInResult {
  ticket: TicketRecord;
  /** It had been checked in already (or never needed it). */
  already: boolean;
}

/** Wrong entrance codes one ticket may send: past them only a kiosk checks it in (six digits are not many to try). */
export const ENTRANCE_TRIES = 10;

export class CheckInService {
  /** Wrong entrance codes per ticket id, for the day's open tickets (forgotten once one checks in). */
  private readonly wrong = new Map<string, number>();

  constructor(
    private readonly centre: Centre,
    private readonly open: OpenTickets,
    private readonly log: EventLog,
    private readonly bus: Bus,
    /** The visit's key the ticket's QR carries (rating.service.ts keyOf). */
    private readonly keyOf: (t: TicketRecord) => string,
    private readonly entrance: EntranceCodes,
  ) {}

  /** `entrance`: the code the phone read at the entrance (a kiosk needs none). */
  private checkEntrance(ticketId: string, code: string | null): void {
    if (code === null) throw fail('entrance_code_required');
    const tries = this.wrong.get(ticketId) ?? 0;
    if (tries >= ENTRANCE_TRIES) throw fail('entrance_code_locked');
    if (this.entrance.accepts(code)) return void this.wrong.delete(ticketId);
    this.wrong.set(ticketId, tries + 1);
    throw fail('bad_entrance_code');
  }

  async checkIn(ticketId: string, key: string | null, actor: Actor, entrance: string | null = null): Promise<CheckInResult> {
    const kiosk = actor.kind === 'device' && actor.deviceKind === 'kiosk';
    // Without credentials a missing key is a wrong one (as a rating's): the holder shows the QR. Signed in or another device: not theirs to do.
    if (!kiosk && key === null) throw actor.kind === 'public' ? fail('bad_ticket_key') : fail('forbidden:check_in');
    const t = await this.open.get(ticketId);
    if (!kiosk) {
      const want = Buffer.from(this.keyOf(t));
      const got = Buffer.from(key ?? '');
      if (got.length !== want.length || !timingSafeEqual(got, want)) throw fail('bad_ticket_key');
    }
    const fresh = this.open.known(ticketId) ?? t;
    if (!isOpenStatus(fresh.status)) throw fail('ticket_closed', { number: fresh.number });
    if (!awaitingArrival(fresh)) return { ticket: fresh, already: true };
    if (!kiosk) this.checkEntrance(ticketId, entrance);
    const now = this.centre.now();
    const updated = await this.open.write((w) => {
      // Decided from memory at the write: a check-in made meanwhile leaves this one nothing to do.
      const cur = this.open.known(ticketId) ?? fresh;
      if (!awaitingArrival(cur) || !isOpenStatus(cur.status)) return null;
      const rec = ticketRecord(cur, { checkedInAt: now });
      w.updateTicket(rec);
      this.log.record(w, rec, 'checked_in', actor.kind === 'public' ? null : actor, { by: kiosk ? 'kiosk' : 'phone' });
      return rec;
    });
    if (!updated) return { ticket: this.open.known(ticketId) ?? fresh, already: true };
    this.bus.announce('ticket.updated', updated);
    return { ticket: updated, already: false };
  }
}
