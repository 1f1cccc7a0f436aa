// What a ticket learns after the fact: the citizen's rating of the service
// (once per served visit, from the phone or the counter's rating keypad), and
// whether the kiosk's printer printed it.
//
// A rating needs proof that the rater holds the ticket: the visit's rating key,
// which only the slip carries (its QR and status URL, `?k=`), or the rating
// keypad of the counter that served it. Numbers are called aloud and ticket ids
// go out on public events, so neither proves anything; staff never rate.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ticketRecord, type TicketRecord } from '../store/index.ts';
import { assertMayActAt, type Actor } from './actor.ts';
import type { Bus } from './bus.ts';
import type { Centre } from './centre.ts';
import type { EventLog } from './event-log.ts';
import type { OpenTickets } from './open-tickets.ts';
import { fail } from '../domain/messages.ts';

/** A visit moves through at most this many transfers before the rating gives up following it. */
const MAX_TRANSFERS = 20;

/** The longest note a rating may carry, in characters (issue 16.5). */
export const RATING_NOTE_MAX = 200;

export class RatingService {
  constructor(
    private readonly centre: Centre,
    private readonly open: OpenTickets,
    private readonly log: EventLog,
    private readonly bus: Bus,
    private readonly secret: Buffer,
  ) {}

  /**
   * The visit's rating key: keyed by the server's secret over the visit id, so every leg of a
   * transferred visit shares it, and nobody without `secret.key` can work it out from an id or number.
   */
  keyOf(t: Pick<TicketRecord, 'visitId'>): string {
    return createHmac('sha256', this.secret).update(`rating-key\0${t.visitId}`).digest().subarray(0, 16).toString('base64url');
  }

  /** A rating from whoever holds the slip: `key` is the one its QR carries. */
  async rate(ticketId: string, score: number, key: string | null, actor: Actor, reasons: readonly string[] = [], note?: string): Promise<TicketRecord> {
    if (actor.kind === 'user') throw fail('forbidden:rating');
    const t = await this.open.get(ticketId);
    const want = Buffer.from(this.keyOf(t));
    const got = Buffer.from(key ?? '');
    if (got.length !== want.length || !timingSafeEqual(got, want)) throw fail('bad_rating_key');
    return this.rateVisit(t, score, reasons, note);
  }

  /** Reasons go with a score that is not "satisfied", and only the centre's own. */
  private checkReasons(score: number, reasons: readonly string[]): void {
    if (reasons.length === 0) return;
    const level = this.centre.config.satisfactionLevels.find((l) => l.score === score);
    if (level?.satisfied) throw fail('rating_reasons_not_expected');
    const known = new Set(this.centre.config.ratingReasons.map((r) => r.id));
    const unknown = reasons.find((r) => !known.has(r));
    if (unknown !== undefined) throw fail('unknown_rating_reason', { reason: unknown });
  }

  private async rateVisit(first: TicketRecord, score: number, reasons: readonly string[], rawNote?: string): Promise<TicketRecord> {
    this.checkReasons(score, reasons);
    const note = this.checkNote(score, rawNote);
    let t = first;
    // Follow a transferred visit to its last transaction.
    for (let hops = 0; t.transferredTo && hops < MAX_TRANSFERS; hops++) t = await this.open.get(t.transferredTo);
    if (t.status !== 'done') {
      throw fail('not_served', { number: t.number });
    }
    const target = t;
    return this.open.write((w) => {
      const fresh = this.open.known(target.id) ?? target;
      if (fresh.rating !== null) {
        throw fail('already_rated', { number: fresh.number });
      }
      const rated = ticketRecord(fresh, { rating: score });
      w.updateTicket(rated);
      this.log.record(w, rated, 'rated', null, reasons.length ? { score, reasons: [...reasons] } : { score });
      // the note is free text: its own purgeable table, never the append-only event
      if (note !== null) w.ratingNote({ ticketId: rated.id, at: this.centre.now(), score, serviceId: rated.serviceId, counterId: rated.counterId, staff: rated.staff, note });
      return rated;
    });
  }

  /** A rating keypad's press: rates the last ticket finished at the counter. */
  /**
   * A rating's optional note (issue 16.5): trimmed, at most RATING_NOTE_MAX characters, no control
   * characters, with a score that is not "satisfied" only; null when there is none.
   */
  private checkNote(score: number, raw: string | undefined): string | null {
    const note = raw?.trim() ?? '';
    if (note === '') return null;
    if (this.centre.config.satisfactionLevels.find((l) => l.score === score)?.satisfied) throw fail('rating_note_not_expected');
    // eslint-disable-next-line no-control-regex
    if ([...note].length > RATING_NOTE_MAX || /[\u0000-\u001f\u007f-\u009f]/.test(note)) throw fail('bad_rating_note', { max: RATING_NOTE_MAX });
    return note;
  }

  async rateAtCounter(counterId: string, score: number, actor: Actor, reasons: readonly string[] = []): Promise<TicketRecord> {
    this.centre.counter(counterId);
    if (actor.kind !== 'device' || actor.deviceKind !== 'keypad') throw fail('forbidden:rating');
    assertMayActAt(actor, counterId);
    const last = await this.open.lastFinishedAt(counterId);
    if (!last) throw fail('nothing_to_rate');
    return this.rateVisit(last, score, reasons);
  }

  /** The kiosk agent's word on whether the ticket came out of the printer. */
  async recordPrint(ticketId: string, printed: boolean, reason: string | null, actor: Actor): Promise<TicketRecord> {
    const t = await this.open.get(ticketId);
    const updated = await this.open.write((w) => {
      const fresh = ticketRecord(this.open.known(ticketId) ?? t, { printed });
      w.updateTicket(fresh);
      this.log.record(w, fresh, 'print_result', actor, { printed, reason });
      return fresh;
    });
    this.bus.announce('ticket.updated', updated);
    return updated;
  }
}
