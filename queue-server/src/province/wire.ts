// What a centre ships to its province (issue 15.3): its event log, event by event, with
// nothing personal in it. The centre's configuration and the names of people stay home:
// an official's username becomes a keyed pseudonym (the province can count officials,
// not name them), and of each event's data only the fields the KPIs read are kept —
// never a dossier code, a citizen's name or an ID number, whatever a later event adds.
import { createHmac } from 'node:crypto';
import { EVENT_TYPES, type DomainEvent, type EventType } from '../domain/index.ts';
import type { StoredEvent } from '../store/index.ts';
import { DEVICE_KINDS, PART_KINDS } from '../domain/device-trouble.ts';

export interface ShippedEvent extends DomainEvent {
  /** The event's id in the centre's log: ids grow, in the order the centre committed them. */
  id: number;
}

/** The data fields that travel, per event type; any other field stays at the centre. */
const KEPT: Partial<Record<EventType, readonly string[]>> = {
  issued: ['leg', 'channel', 'priorityCategoryId', 'procedureCode', 'fromTicketId'],
  called: ['callCount', 'fromStatus'],
  finished: ['outcome'],
  transferred: ['toTicketId', 'toServiceId'],
  rated: ['score', 'reasons'],
  print_result: ['printed'],
};

/** At most this many events in one POST /province/events. */
export const MAX_BATCH = 500;

/** An official's stable pseudonym at the province, keyed by the centre's secret (not guessable from a list of usernames). */
export function pseudonym(secret: Buffer, username: string): string {
  return `staff:${createHmac('sha256', secret).update(`province-actor\0${username}`).digest('hex').slice(0, 16)}`;
}

/** The event as it leaves the centre. A device keeps its id (device:…), the citizen stays null. */
export function shipEvent(e: StoredEvent, secret: Buffer): ShippedEvent {
  const keep = KEPT[e.type] ?? [];
  const data: Record<string, unknown> = {};
  for (const k of keep) if (e.data[k] !== undefined) data[k] = e.data[k];
  const actor = e.actor === null ? null : e.actor.startsWith('device:') ? e.actor : pseudonym(secret, e.actor);
  return { id: e.id, at: e.at, type: e.type, ticketId: e.ticketId, visitId: e.visitId, serviceId: e.serviceId, counterId: e.counterId, actor, data };
}

const id = { type: 'string', minLength: 1, maxLength: 100 } as const;
const nullableId = { type: ['string', 'null'], maxLength: 100 } as const;

/** The body of POST /api/v1/province/events. */
export const eventBatchSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['events'],
  properties: {
    events: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_BATCH,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'at', 'type', 'ticketId', 'visitId', 'serviceId', 'counterId', 'actor', 'data'],
        properties: {
          id: { type: 'integer', minimum: 1 },
          at: { type: 'integer', minimum: 0 },
          type: { type: 'string', enum: [...EVENT_TYPES] },
          ticketId: id,
          visitId: id,
          serviceId: id,
          counterId: nullableId,
          actor: nullableId,
          data: { type: 'object', maxProperties: 10 },
        },
      },
    },
  },
} as const;

const count = { type: 'integer', minimum: 0, maximum: 1_000_000 } as const;
const counts = { total: count, warning: count, error: count, offline: count } as const;

/** The body of POST /api/v1/province/devices: the centre's device summary (domain/device-trouble.ts), counts only. */
export const deviceStatusSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['at', 'devices', 'byKind', 'parts', 'since'],
  properties: {
    at: { type: 'integer', minimum: 0 },
    devices: { type: 'object', additionalProperties: false, required: ['total', 'warning', 'error', 'offline'], properties: counts },
    byKind: {
      type: 'array',
      maxItems: DEVICE_KINDS.length,
      items: { type: 'object', additionalProperties: false, required: ['kind', 'total', 'warning', 'error', 'offline'], properties: { kind: { type: 'string', enum: [...DEVICE_KINDS] }, ...counts } },
    },
    parts: {
      type: 'array',
      maxItems: PART_KINDS.length,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'warning', 'error', 'offline'],
        properties: { kind: { type: 'string', enum: [...PART_KINDS] }, warning: count, error: count, offline: count },
      },
    },
    since: { type: ['integer', 'null'], minimum: 0 },
  },
} as const;
