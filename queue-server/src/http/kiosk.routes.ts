// A kiosk that keeps issuing offline (issue 17.4): leases of numbers, the replays of what it issued
// from them, and the managers' view of which kiosk issued offline. See queue-server/API.md.
import { fail } from '../domain/messages.ts';
import { MAX_LEASE_SIZE } from '../services/offline.service.ts';
import type { Lease, OfflineSummary } from '../services/offline.service.ts';
import type { RoutePlugin } from './context.ts';
import { whenDurable } from './errors.ts';
import { deviceOnly, managerOnly } from './guards.ts';
import { baseUrl, heldTicket } from './present.ts';
import { errors, ref } from './schemas.ts';

const idempotencyKey = { type: 'string', minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' } as const;
const iso = (ms: number) => new Date(ms).toISOString();

const leaseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'serviceId', 'day', 'numbers', 'validUntil'],
  properties: {
    id: { type: 'string' },
    serviceId: { type: 'string' },
    day: { type: 'string' },
    numbers: { type: 'array', items: { type: 'string' } },
    validUntil: { type: 'string' },
  },
} as const;

const leaseView = (l: Lease) => ({ id: l.id, serviceId: l.serviceId, day: l.day, numbers: l.numbers.map((n) => n.number), validUntil: iso(l.validUntil) });

const summaryView = (s: OfflineSummary) => ({
  deviceId: s.deviceId,
  tickets: s.tickets,
  firstIssuedAt: iso(s.firstIssuedAt),
  lastIssuedAt: iso(s.lastIssuedAt),
  lastSyncedAt: iso(s.lastSyncedAt),
  offlineMinutes: Math.round((s.lastSyncedAt - s.firstIssuedAt) / 60_000),
  syncing: s.syncing,
});

export const kioskRoutes: RoutePlugin = async (app, { ctx }) => {
  const { queue } = ctx;

  app.post(
    '/kiosk/leases',
    {
      preHandler: deviceOnly,
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        summary: "Lease blocks of today's numbers per field, for issuing while the server is unreachable (kiosk device token)",
        tags: ['devices'],
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            serviceIds: { type: 'array', minItems: 1, maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 64 } },
            size: { type: 'integer', minimum: 1, maximum: MAX_LEASE_SIZE },
          },
        },
        response: { 201: { type: 'object', additionalProperties: false, required: ['leases', 'statusBase'], properties: { leases: { type: 'array', items: leaseSchema }, statusBase: { type: 'string' } } }, ...errors(400, 401, 403, 404, 429, 503) },
      },
    },
    async (req, reply) => {
      const leases = await queue.offline.lease(req.actor, req.body?.serviceIds, req.body?.size);
      reply.code(201);
      // The phone page's base: the slip of a ticket issued offline carries `<statusBase>/t/<its id>`.
      return { leases: leases.map(leaseView), statusBase: baseUrl(queue, req) };
    },
  );

  app.post(
    '/kiosk/replays',
    {
      preHandler: deviceOnly,
      schema: {
        summary: 'A ticket the kiosk issued offline from its lease, with its original issue time (idempotent by key)',
        tags: ['devices'],
        headers: { type: 'object', properties: { 'idempotency-key': idempotencyKey } },
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['leaseId', 'number', 'issuedAt'],
          properties: {
            leaseId: { type: 'string', minLength: 1, maxLength: 64 },
            number: { type: 'string', minLength: 1, maxLength: 32 },
            issuedAt: { type: 'string', minLength: 1, maxLength: 40 },
            ticketId: { type: 'string', pattern: '^[A-Za-z0-9_-]{12}$' },
            lang: { type: 'string', enum: ['vi', 'en'] },
            priorityCategoryId: { type: ['string', 'null'], maxLength: 64 },
            remaining: { type: 'integer', minimum: 0, maximum: 100_000 },
          },
        },
        response: { 200: ref('Ticket'), 201: ref('Ticket'), ...errors(400, 401, 403, 404, 409, 503) },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      if (!key) throw fail('replay_key_required');
      const issuedAt = Date.parse(req.body.issuedAt);
      if (!Number.isFinite(issuedAt)) throw fail('offline_issue_time', { number: req.body.number });
      const { ticket, replay } = await queue.offline.replay(req.actor, { ...req.body, issuedAt }, key);
      await whenDurable(ctx.store);
      reply.code(replay ? 200 : 201);
      return heldTicket(queue, ticket, baseUrl(queue, req));
    },
  );

  app.get(
    '/kiosk/offline',
    {
      preHandler: managerOnly,
      schema: {
        summary: "Today's offline issuing per kiosk: how many tickets, from when, synced when, and whether it is syncing now",
        tags: ['manager'],
        response: {
          200: {
            type: 'object',
            additionalProperties: false,
            required: ['syncing', 'kiosks'],
            properties: {
              syncing: { type: 'boolean' },
              kiosks: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    deviceId: { type: 'string' }, tickets: { type: 'integer' }, firstIssuedAt: { type: 'string' }, lastIssuedAt: { type: 'string' },
                    lastSyncedAt: { type: 'string' }, offlineMinutes: { type: 'integer' }, syncing: { type: 'boolean' },
                  },
                },
              },
            },
          },
          ...errors(401, 403),
        },
      },
    },
    async () => ({ syncing: queue.offline.isSyncing(), kiosks: queue.offline.summary(queue.tickets.seen()).map(summaryView) }),
  );
};
