// The ticket state machine as the event log speaks it: which event an action
// writes, and what an event does to a transaction. The services write events
// with eventOfAction; the KPIs (kpi.ts) rebuild transactions with applyEvent,
// so the log's meaning is spelled out here once. A property test holds the two
// to ticket-state.ts: folding the events of any run of transitions gives the
// transaction those transitions gave.
import type { DomainEvent, EventType } from './events.ts';
import { isOutcome, type FinishOutcome, type Outcome } from './outcome.ts';
import type { Action } from './ticket-state.ts';
import { isOpenStatus, type Ticket, type TicketStatus } from './types.ts';

const EVENT_OF: Record<Action, EventType> = {
  call: 'called',
  recall: 'recalled',
  start: 'started',
  finish: 'finished',
  'no-show': 'no_show',
  cancel: 'cancelled',
  park: 'parked',
  transfer: 'transferred',
  expire: 'expired',
};

/** The event type an action writes to the log. */
export const eventTypeOf = (action: Action): EventType => EVENT_OF[action];

/**
 * The log entry of `action` having taken `before` to `after` (the transition's
 * result) at `at` by `actor`. A call also keeps how many calls the ticket has
 * had and where it came from (waiting or parked).
 */
export function eventOfAction(action: Exclude<Action, 'transfer'>, before: Ticket, after: Ticket, at: number, actor: string | null, finish?: FinishOutcome): DomainEvent {
  const data: Record<string, unknown> =
    action === 'call' ? { callCount: after.callCount, fromStatus: before.status } : action === 'finish' && finish ? { outcome: finish.outcome, ...(finish.dossierCode ? { dossierCode: finish.dossierCode } : {}) } : {};
  return {
    at,
    type: EVENT_OF[action],
    ticketId: after.id,
    visitId: after.visitId,
    serviceId: after.serviceId,
    counterId: after.counterId,
    actor,
    data,
  };
}

/** What the log alone says of one transaction of a visit. */
export interface Transaction {
  ticketId: string;
  visitId: string;
  leg: number;
  serviceId: string;
  enqueuedAt: number;
  status: TicketStatus;
  waitEndAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  counterId: string | null;
  staff: string | null;
  score: number | null;
  /** The procedure chosen at the kiosk or the counter, if any (from the `issued` event). */
  procedureCode: string | null;
  /** What the visit achieved at this transaction's finish (null: not finished, or finished before outcomes were recorded). */
  outcome: Outcome | null;
  dossierCode: string | null;
  /** Why the rating was not "satisfied", as the citizen ticked (issue 16.5). */
  reasons: string[];
}

/** The transaction an `issued` event opens. */
export function openTransaction(e: DomainEvent): Transaction {
  return {
    ticketId: e.ticketId,
    visitId: e.visitId,
    leg: typeof e.data.leg === 'number' ? e.data.leg : 0,
    serviceId: e.serviceId,
    enqueuedAt: e.at,
    status: 'waiting',
    waitEndAt: null,
    startedAt: null,
    finishedAt: null,
    counterId: null,
    staff: null,
    score: null,
    procedureCode: typeof e.data.procedureCode === 'string' ? e.data.procedureCode : null,
    outcome: null,
    dossierCode: null,
    reasons: [],
  };
}

/** The status each event leaves its transaction in; the others (issued, recalled, rated, print_result, checked_in) leave it as it was. */
const STATUS_AFTER: Partial<Record<EventType, TicketStatus>> = {
  called: 'called',
  started: 'serving',
  finished: 'done',
  no_show: 'no_show',
  cancelled: 'cancelled',
  parked: 'parked',
  transferred: 'transferred',
  expired: 'expired',
};

/** Applies one later event of the transaction to it, in place (folding a day's log makes no copies). */
export function applyEvent(t: Transaction, e: DomainEvent): void {
  // A call from the queue ends the wait (calling a parked ticket back does not); a recall before service moves it to the last call.
  if ((e.type === 'called' && t.status === 'waiting') || (e.type === 'recalled' && t.startedAt === null)) t.waitEndAt = e.at;
  if (e.type === 'called') {
    t.counterId = e.counterId;
    t.staff = e.actor;
  }
  // A number from the phone waits in the hall from its check-in (issue 17.1): the time before it, spent elsewhere, is no wait.
  if (e.type === 'checked_in' && t.status === 'waiting' && t.waitEndAt === null) t.enqueuedAt = Math.max(t.enqueuedAt, e.at);
  if (e.type === 'started') t.startedAt = e.at;
  if (e.type === 'rated' && typeof e.data.score === 'number') {
    t.score = e.data.score;
    t.reasons = Array.isArray(e.data.reasons) ? e.data.reasons.filter((r): r is string => typeof r === 'string') : [];
  }
  if (e.type === 'finished') {
    t.outcome = isOutcome(e.data.outcome) ? e.data.outcome : null;
    t.dossierCode = typeof e.data.dossierCode === 'string' ? e.data.dossierCode : null;
  }
  const status = STATUS_AFTER[e.type];
  if (status === undefined) return;
  t.status = status;
  // Into a terminal status: the transaction is over at this event.
  if (!isOpenStatus(status)) t.finishedAt = e.at;
}
