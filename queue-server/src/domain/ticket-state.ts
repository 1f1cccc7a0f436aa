// The ticket state machine of DESIGN.md. Pure: it says what a transition does
// to a ticket, or why it may not happen.
import { fail } from './messages.ts';
import type { Channel, Ticket, TicketStatus } from './types.ts';

/** The fields of a transaction nobody has called yet. */
const UNCALLED = { calledAt: null, waitEndAt: null, callCount: 0, startedAt: null, finishedAt: null, counterId: null, staff: null } as const;

/** A fresh waiting ticket: the first transaction of a visit. */
export function newTicket(p: {
  id: string;
  number: string;
  day: string;
  serviceId: string;
  priorityCategoryId: string | null;
  channel: Channel;
  at: number;
  bookedAt: number | null;
}): Ticket {
  return {
    id: p.id,
    visitId: p.id,
    leg: 0,
    number: p.number,
    day: p.day,
    serviceId: p.serviceId,
    status: 'waiting',
    priorityCategoryId: p.priorityCategoryId,
    channel: p.channel,
    arrivedAt: p.at,
    enqueuedAt: p.at,
    bookedAt: p.bookedAt,
    ...UNCALLED,
    priorWaitMs: 0,
  };
}

/** `expire` is the day's close (services/day-close.service.ts), never a person's action. */
export type Action = 'call' | 'recall' | 'start' | 'finish' | 'no-show' | 'cancel' | 'park' | 'transfer' | 'expire';

/** Which statuses each action may leave from. Finishing straight from `called` is allowed: keypads have no start key. */
export const ALLOWED_FROM: Record<Action, readonly TicketStatus[]> = {
  call: ['waiting', 'parked'],
  recall: ['called'],
  start: ['called'],
  finish: ['called', 'serving'],
  'no-show': ['called'],
  cancel: ['waiting', 'called'],
  park: ['serving'],
  transfer: ['called', 'serving'],
  expire: ['waiting', 'called', 'serving', 'parked'],
};

const STATUS_VI: Record<TicketStatus, string> = {
  waiting: 'đang chờ',
  called: 'đang được gọi',
  serving: 'đang được phục vụ',
  parked: 'đang tạm hoãn',
  done: 'đã xong',
  no_show: 'vắng mặt',
  cancelled: 'đã huỷ',
  transferred: 'đã chuyển',
  expired: 'đã hết hiệu lực',
};
const ACTION_VI: Record<Action, string> = {
  call: 'gọi',
  recall: 'gọi lại',
  start: 'bắt đầu phục vụ',
  finish: 'kết thúc',
  'no-show': 'đánh dấu vắng mặt',
  cancel: 'huỷ',
  park: 'tạm hoãn',
  transfer: 'chuyển',
  expire: 'đóng khi hết ngày',
};

export function assertCan(ticket: Pick<Ticket, 'number' | 'status'>, action: Action): void {
  if (!ALLOWED_FROM[action].includes(ticket.status)) {
    throw fail('illegal_transition', { actionVi: ACTION_VI[action], statusVi: STATUS_VI[ticket.status], action, status: ticket.status, number: ticket.number });
  }
}

export interface TransitionContext {
  now: number;
  counterId?: string | null;
  staff?: string | null;
}

/** The ticket after `action`; throws a conflict DomainError when the action is illegal from its status. */
export function transition(ticket: Ticket, action: Exclude<Action, 'transfer'>, ctx: TransitionContext): Ticket {
  assertCan(ticket, action);
  const t = { ...ticket };
  switch (action) {
    case 'call':
      if (ticket.status === 'waiting') {
        t.callCount = 0;
        t.waitEndAt = ctx.now;
      }
      t.status = 'called';
      t.calledAt = ctx.now;
      t.callCount += 1;
      t.counterId = ctx.counterId ?? ticket.counterId;
      t.staff = ctx.staff ?? ticket.staff;
      t.startedAt = ticket.status === 'parked' ? ticket.startedAt : null;
      break;
    case 'recall':
      t.calledAt = ctx.now;
      // Recalled before service began: the wait runs to the last call.
      if (ticket.startedAt === null) t.waitEndAt = ctx.now;
      t.callCount += 1;
      break;
    case 'start':
      t.status = 'serving';
      t.startedAt = ctx.now;
      break;
    case 'finish':
      t.status = 'done';
      t.startedAt = ticket.startedAt ?? ticket.waitEndAt;
      t.finishedAt = ctx.now;
      break;
    case 'no-show':
      t.status = 'no_show';
      t.finishedAt = ctx.now;
      break;
    case 'cancel':
      t.status = 'cancelled';
      t.finishedAt = ctx.now;
      break;
    case 'park':
      t.status = 'parked';
      break;
    case 'expire':
      // The day closed on it: the visit ends unserved; its counter is kept (who had it), its service never finished.
      t.status = 'expired';
      t.finishedAt = ctx.now;
      break;
  }
  return t;
}

/** A transfer: the closed transaction and the new waiting one (same number and visit). */
export function transfer(ticket: Ticket, toServiceId: string, newId: string, ctx: TransitionContext): { closed: Ticket; opened: Ticket } {
  assertCan(ticket, 'transfer');
  if (toServiceId === ticket.serviceId) {
    throw fail('same_service');
  }
  const closed: Ticket = { ...ticket, status: 'transferred', finishedAt: ctx.now };
  const opened: Ticket = {
    ...ticket,
    id: newId,
    leg: ticket.leg + 1,
    serviceId: toServiceId,
    status: 'waiting',
    enqueuedAt: ctx.now,
    ...UNCALLED,
    priorWaitMs: ticket.priorWaitMs + transactionWaitMs(ticket),
  };
  return { closed, opened };
}

/** DESIGN: wait of a transaction = enqueue → the call that led to service (the last call when recalled). */
export function transactionWaitMs(t: Pick<Ticket, 'enqueuedAt' | 'waitEndAt'>): number {
  return t.waitEndAt === null ? 0 : Math.max(0, t.waitEndAt - t.enqueuedAt);
}
