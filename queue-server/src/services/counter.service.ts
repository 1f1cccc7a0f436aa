// What staff and keypads do at a counter: call the next ticket or a given one,
// recall, start, finish, no-show, cancel, park, transfer, and open, pause or
// close the counter. Each action decides from memory and is one batch through
// the open-ticket mirror; it answers and announces once the batch is durable.
import { minuteOfDay, orderForCounter, transfer as transferTicket, transition, type Action } from '../domain/index.ts';
import { ticketRecord, type CounterStatus, type TicketRecord } from '../store/index.ts';
import { actorName, assertMayActAt, assertMayTouch, type Actor } from './actor.ts';
import type { Bus } from './bus.ts';
import type { Centre } from './centre.ts';
import type { CounterStates } from './counter-states.ts';
import type { EventLog } from './event-log.ts';
import type { HallService } from './hall.service.ts';
import type { OpenTickets } from './open-tickets.ts';
import { newTicketId } from './ticket-id.ts';
import { checkFields } from './counter-seat.ts';
import type { Writes } from './writes.ts';
import { awaitingArrival } from './check-in.service.ts';
import { fail } from '../domain/messages.ts';
import { DOSSIER_CODE, OUTCOMES_WITH_DOSSIER, isOutcome, normaliseDossierCode, type FinishOutcome } from '../domain/outcome.ts';

type StepAction = Exclude<Action, 'call' | 'transfer'>;

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(Math.floor(m % 60)).padStart(2, '0')}`;

/** What an official says at a finish; anything left out is the counter's default outcome, with no dossier code. */
export interface FinishInput {
  outcome?: string;
  dossierCode?: string;
}

export class CounterService {
  constructor(
    private readonly centre: Centre,
    private readonly open: OpenTickets,
    readonly states: CounterStates,
    private readonly log: EventLog,
    private readonly hall: HallService,
    private readonly bus: Bus,
  ) {}

  /** The ticket called or being served at the counter, if any. */
  current(counterId: string): TicketRecord | null {
    return this.open.currentAt(counterId);
  }

  /** The counter's current ticket, for keypads that know no ticket id. */
  currentOrFail(counterId: string): TicketRecord {
    this.centre.counter(counterId);
    const cur = this.open.currentAt(counterId);
    if (!cur) throw fail('no_current_ticket');
    return cur;
  }

  /** The waiting tickets a counter may call, in the order the policy would call them. */
  queueFor(counterId: string): TicketRecord[] {
    return orderForCounter(this.callable(), this.centre.counter(counterId), this.centre.policy, this.centre.now());
  }

  /**
   * The open tickets the policy may call: a number from the phone whose holder has not checked in
   * is left out (issue 17.1) — the estimates still count it — unless its field gives a grace.
   */
  private callable(): TicketRecord[] {
    return this.open.list().filter((t) => !awaitingArrival(t) || this.graceMs(t.serviceId) !== null);
  }

  /** The field's grace for a number from the phone called before its holder arrived, in ms, or null: not called until then. */
  private graceMs(serviceId: string): number | null {
    const m = this.centre.config.services.find((s) => s.id === serviceId)?.remoteGraceMinutes;
    return m === undefined ? null : m * 60_000;
  }

  parkedFor(counterId: string): TicketRecord[] {
    return this.open.list().filter((t) => t.status === 'parked' && t.counterId === counterId);
  }

  /** Calls the next ticket at a counter, finishing the one it was serving. Null when nobody waits. */
  async callNext(counterId: string, actor: Actor): Promise<TicketRecord | null> {
    const counter = this.centre.counter(counterId);
    assertMayActAt(actor, counterId);
    this.assertCounterOpen(counterId);
    const now = this.centre.now();
    const staff = actorName(actor);
    const result = await this.open.write((w) => {
      const cur = this.open.currentAt(counterId);
      const finished = cur ? this.apply(w, cur, 'finish', now, counterId, staff, this.finishOf(counterId, {}, cur)) : null;
      const next = orderForCounter(this.callable(), counter, this.centre.policy, now)[0];
      const called = next ? this.apply(w, next, 'call', now, counterId, staff) : null;
      return { finished, called };
    });
    if (result.finished) this.bus.announce('ticket.updated', result.finished);
    if (result.called) this.hall.called(result.called, false);
    return result.called;
  }

  /** Calls a given waiting or parked ticket to the actor's counter. */
  async callTicket(ticketId: string, counterId: string, actor: Actor): Promise<TicketRecord> {
    const counter = this.centre.counter(counterId);
    assertMayActAt(actor, counterId);
    this.assertCounterOpen(counterId);
    const t = await this.open.get(ticketId);
    if (!counter.serviceIds.includes(t.serviceId) && t.status === 'waiting') {
      throw fail('not_served_here', { counter: counter.number });
    }
    if (t.status === 'parked' && t.counterId !== counterId) assertMayActAt(actor, t.counterId ?? '');
    if (t.status === 'waiting' && awaitingArrival(t) && this.graceMs(t.serviceId) === null) throw fail('not_arrived', { number: t.number });
    const now = this.centre.now();
    const called = await this.open.write((w) => {
      const cur = this.open.currentAt(counterId);
      if (cur) {
        throw fail('counter_busy', { number: cur.number });
      }
      return this.apply(w, this.open.known(ticketId) ?? t, 'call', now, counterId, actorName(actor));
    });
    this.hall.called(called, false);
    return called;
  }

  /** recall, start, finish, no-show, cancel, park on a ticket; a finish records what the visit achieved (`finish`, else the counter's default). */
  async act(ticketId: string, action: StepAction, actor: Actor, finish?: FinishInput): Promise<TicketRecord> {
    const t = await this.open.get(ticketId);
    assertMayTouch(actor, t, (c, s) => this.centre.serves(c, s));
    const outcome = action === 'finish' ? this.finishOf(t.counterId, finish, t) : undefined;
    const maxRecalls = this.centre.config.policy.maxRecalls;
    if (action === 'recall' && t.callCount > maxRecalls) {
      throw fail('too_many_recalls', { number: t.number, calls: t.callCount });
    }
    const now = this.centre.now();
    this.assertGraceOver(t, action, now);
    const updated = await this.open.write((w) => this.apply(w, this.open.known(ticketId) ?? t, action, now, t.counterId, actorName(actor), outcome));
    if (action === 'recall') this.hall.called(updated, true);
    else this.bus.announce('ticket.updated', updated);
    return updated;
  }

  /** A number from the phone called in its field's grace, its holder not arrived: no no-show before the grace is over. */
  private assertGraceOver(t: TicketRecord, action: StepAction, now: number): void {
    const grace = this.graceMs(t.serviceId);
    if (action !== 'no-show' || grace === null || !awaitingArrival(t) || t.calledAt === null || now >= t.calledAt + grace) return;
    throw fail('remote_grace', { number: t.number, until: hhmm(minuteOfDay(t.calledAt + grace)) });
  }

  /** Closes this transaction and opens a waiting one in another field, same number and visit. */
  async transfer(ticketId: string, toServiceId: string, actor: Actor): Promise<TicketRecord> {
    const t = await this.open.get(ticketId);
    this.centre.service(toServiceId);
    assertMayTouch(actor, t, (c, s) => this.centre.serves(c, s));
    const now = this.centre.now();
    const { closed, opened } = await this.open.write((w) => {
      const fresh = this.open.known(ticketId) ?? t;
      const r = transferTicket(fresh, toServiceId, newTicketId(), { now, counterId: fresh.counterId, staff: actorName(actor) });
      const closedRec = ticketRecord(fresh, { ...r.closed, transferredTo: r.opened.id });
      const openedRec = ticketRecord(fresh, { ...r.opened, transferredTo: null, rating: null, printed: fresh.printed, checkedInAt: fresh.checkedInAt ?? now });
      w.updateTicket(closedRec);
      this.log.record(w, closedRec, 'transferred', actor, { toTicketId: openedRec.id, toServiceId });
      w.insertTicket(openedRec);
      this.log.record(w, openedRec, 'issued', null, { leg: openedRec.leg, fromTicketId: closedRec.id, procedureCode: openedRec.procedureCode });
      return { closed: closedRec, opened: openedRec };
    });
    this.bus.announce('ticket.updated', closed);
    this.bus.announce('ticket.issued', opened);
    return opened;
  }

  async setStatus(counterId: string, status: CounterStatus, actor: Actor): Promise<void> {
    this.centre.counter(counterId);
    assertMayActAt(actor, counterId);
    const staff = status === 'closed' ? null : actor.kind === 'user' ? actor.username : this.states.staff(counterId);
    await this.open.write((w) => {
      this.states.set(w, counterId, status, staff, this.centre.now());
      this.log.audit(w, actor, `counter.${status}`, counterId);
    });
    this.bus.announce('counter.updated', counterId);
  }

  /** Records who sits at a counter (on staff sign-in) and the fields they serve there today (null: the counter's own). */
  async signIn(counterId: string, username: string, serviceIds: string[] | null = null): Promise<void> {
    const was = this.states.status(counterId);
    const status = was === 'closed' ? 'open' : was;
    await this.open.write((w) => this.states.set(w, counterId, status, username, this.centre.now(), serviceIds));
    this.bus.announce('counter.updated', counterId);
  }

  /** An official signs out: the counter keeps its status but nobody sits there, so it serves no estimate (issue 20.7), and its own fields again. */
  async signOut(counterId: string, username: string): Promise<void> {
    if (this.states.staff(counterId) !== username) return;
    await this.open.write((w) => this.states.set(w, counterId, this.states.status(counterId), null, this.centre.now(), null));
    this.bus.announce('counter.updated', counterId);
  }

  /**
   * The fields a counter serves from now on, for today (issue 13.3): the calling
   * policy and the estimates take them at once; the audit says who changed what.
   * `allowed`: the fields the actor may give (see counter-seat.ts allowedFields);
   * exactly the configured ones are stored as "the counter's own" again.
   */
  async setFields(counterId: string, picked: readonly string[], actor: Actor, allowed: readonly string[]): Promise<void> {
    const configured = this.centre.configuredCounter(counterId).serviceIds;
    assertMayActAt(actor, counterId);
    const serviceIds = checkFields(this.centre.config, picked, allowed);
    const from = this.centre.counter(counterId).serviceIds;
    const same = serviceIds.length === configured.length && serviceIds.every((s) => configured.includes(s));
    await this.open.write((w) => {
      this.states.set(w, counterId, this.states.status(counterId), this.states.staff(counterId), this.centre.now(), same ? null : serviceIds);
      this.log.audit(w, actor, 'counter.fields', counterId, { from, to: serviceIds });
    });
    this.bus.announce('counter.updated', counterId);
  }

  /**
   * A manager moves the official seated at `fromCounterId` to `toCounterId`
   * (issue 13.3): their sessions follow (their console shows the new counter
   * without a new sign-in), the old counter has nobody, the new one serves its
   * own fields. Another official seated there is a 409 naming them (`nameOf`).
   * `named`: who the manager meant (null: whoever is seated there).
   */
  async move(fromCounterId: string, named: string | null, toCounterId: string, actor: Actor, nameOf: (username: string) => string): Promise<void> {
    const from = this.centre.counter(fromCounterId);
    const to = this.centre.counter(toCounterId);
    if (fromCounterId === toCounterId) throw fail('move_same_counter');
    const username = named ?? this.states.staff(fromCounterId);
    if (username === null) throw fail('nobody_seated', { number: from.number });
    if (this.states.staff(fromCounterId) !== username) throw fail('not_seated', { username, number: from.number });
    const holder = this.states.staff(toCounterId);
    if (holder !== null) throw fail('counter_taken', { number: String(to.number), name: nameOf(holder), username: holder });
    const busy = this.open.currentAt(fromCounterId);
    if (busy) throw fail('counter_busy', { number: busy.number });
    const now = this.centre.now();
    await this.open.write((w) => {
      const was = this.states.status(toCounterId);
      this.states.set(w, fromCounterId, this.states.status(fromCounterId), null, now, null);
      this.states.set(w, toCounterId, was === 'closed' ? 'open' : was, username, now, null);
      w.moveSessions(username, fromCounterId, toCounterId);
      this.log.audit(w, actor, 'counter.move', toCounterId, { username, from: fromCounterId, to: toCounterId });
    });
    this.bus.announce('counter.updated', fromCounterId);
    this.bus.announce('counter.updated', toCounterId);
    this.bus.announce('staff.moved', { username, fromCounterId, toCounterId });
  }

  private assertCounterOpen(counterId: string): void {
    const status = this.states.status(counterId);
    if (status !== 'open') {
      throw fail(status === 'paused' ? 'counter_paused' : 'counter_closed');
    }
  }

  /**
   * The outcome a finish records: what the official said, checked, or the counter's default (the
   * centre's when the counter has none). A result pickup's ticket defaults to the result returned,
   * with its dossier's code (issue 16.3).
   */
  finishOf(counterId: string | null, input: FinishInput = {}, t?: Pick<TicketRecord, 'dossierCode'>): FinishOutcome {
    const counter = counterId ? this.centre.config.counters.find((c) => c.id === counterId) : undefined;
    const pickup = t?.dossierCode ?? null;
    const outcome = input.outcome ?? (pickup ? 'result' : (counter?.defaultOutcome ?? this.centre.config.visits.defaultOutcome));
    if (!isOutcome(outcome)) throw fail('bad_outcome');
    if (input.dossierCode === undefined) return { outcome, dossierCode: pickup && outcome === 'result' ? pickup : null };
    if (!OUTCOMES_WITH_DOSSIER.includes(outcome)) throw fail('dossier_code_not_expected');
    const code = normaliseDossierCode(input.dossierCode);
    if (!DOSSIER_CODE.test(code)) throw fail('bad_dossier_code:finish');
    return { outcome, dossierCode: code };
  }

  /** One state-machine step of a ticket, saved and logged (inside a write). */
  private apply(w: Writes, t: TicketRecord, action: Exclude<Action, 'transfer'>, now: number, counterId: string | null, staff: string | null, finish?: FinishOutcome): TicketRecord {
    const next = ticketRecord(t, transition(t, action, { now, counterId, staff }));
    w.updateTicket(next);
    this.log.action(w, action, t, next, now, staff, finish);
    return next;
  }
}
