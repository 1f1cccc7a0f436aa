// Tickets: issue (idempotent), read, act on, transfer, rate, print result.
import { fail } from '../domain/messages.ts';
import type { RoutePlugin } from './context.ts';
import { checkInBody, errors, finishBody, idParam, issueBody, noBodyIsEmpty, ratedReply, ratingBody, ref, transferBody } from './schemas.ts';
import { whenDurable } from './errors.ts';
import { baseUrl, heldTicket, noContent, publicTicket } from './present.ts';
import { staffOnly, deviceOnly } from './guards.ts';

const idempotencyKey = { type: 'string', minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' } as const;

const ACTIONS = ['recall', 'start', 'no-show', 'cancel', 'park'] as const;

export const ticketRoutes: RoutePlugin = async (app, { ctx }) => {
  const { queue } = ctx;

  app.post(
    '/tickets',
    {
      schema: {
        summary: 'Take a number',
        tags: ['tickets'],
        body: issueBody,
        headers: { type: 'object', properties: { 'idempotency-key': idempotencyKey } },
        response: { 200: ref('Ticket'), 201: ref('Ticket'), ...errors(400, 401, 403, 409, 413, 429, 503) },
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      // A kiosk proves itself with its device token; staff issue at their counter; anyone else takes a
      // `mobile` number, counted against their address (issue-limit.ts). Appointment numbers come from the check-in.
      const channel = req.body.channel ?? (actor.kind === 'device' ? 'kiosk' : actor.kind === 'user' ? 'counter' : 'mobile');
      if (actor.kind === 'device' && actor.deviceKind !== 'kiosk') throw fail('forbidden:kiosk_only');
      if (channel === 'kiosk' && actor.kind !== 'device') throw actor.kind === 'public' ? fail('kiosk_token_required') : fail('forbidden:kiosk_only');
      if (channel === 'counter' && actor.kind !== 'user') throw fail('forbidden:counter_ticket');
      if (channel === 'appointment') throw fail('use_check_in');
      // Which kiosk issued it is the token's word only: it decides who may report the ticket's print result.
      const kioskId = actor.kind === 'device' ? actor.deviceId : undefined;
      const source = actor.kind === 'public' ? req.ip : null;
      // Only a number asked for as `mobile` waits for its holder's check-in (issue 17.1); one that named no channel is counted present, as before.
      const present = channel === 'mobile' && req.body.channel === undefined;
      const { ticket, replay } = await queue.issue.issueSoon({ ...req.body, channel, kioskId, source, present }, req.headers['idempotency-key'] ?? null);
      // Estimate once the burst this ticket came with is committed: one forward run serves them all.
      await whenDurable(ctx.store);
      reply.code(replay ? 200 : 201);
      return heldTicket(queue, ticket, baseUrl(queue, req));
    },
  );

  app.get(
    '/tickets/:id',
    { schema: { summary: 'A ticket, with its place in the queue', tags: ['tickets'], params: idParam, response: { 200: ref('Ticket'), ...errors(400, 404) } } },
    async (req) => {
      const t = await queue.tickets.get(req.params.id);
      // The kiosk that issued it re-reads it as the holder's (a reload of its ticket screen keeps the slip's QR whole).
      const issuer = req.actor.kind === 'device' && req.actor.deviceKind === 'kiosk' && t.kioskId === req.actor.deviceId;
      return issuer ? heldTicket(queue, t, baseUrl(queue, req)) : publicTicket(queue, t, baseUrl(queue, req));
    },
  );

  app.get(
    '/tickets/by-number/:number',
    {
      schema: {
        summary: "Today's ticket with this number",
        tags: ['tickets'],
        params: { type: 'object', properties: { number: { type: 'string', minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9-]+$' } }, required: ['number'] },
        response: { 200: ref('Ticket'), ...errors(400, 404) },
      },
    },
    async (req) => publicTicket(queue, await queue.tickets.byNumber(req.params.number), baseUrl(queue, req)),
  );

  for (const action of ACTIONS) {
    app.post(
      `/tickets/:id/${action}`,
      {
        preHandler: staffOnly,
        schema: {
          summary: `${action} a ticket`,
          tags: ['counter'],
          params: idParam,
          response: { 200: { type: 'object', properties: { ticket: ref('Ticket') } }, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => ({ ticket: publicTicket(queue, await queue.counters.act(req.params.id, action, req.actor), baseUrl(queue, req)) }),
    );
  }

  app.post(
    '/tickets/:id/finish',
    {
      preValidation: noBodyIsEmpty,
      preHandler: staffOnly,
      schema: {
        summary: 'Finish a ticket, saying what the visit achieved (no body: the counter’s default outcome)',
        tags: ['counter'],
        params: idParam,
        body: finishBody,
        response: { 200: { type: 'object', properties: { ticket: ref('Ticket') } }, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => ({ ticket: publicTicket(queue, await queue.counters.act(req.params.id, 'finish', req.actor, req.body), baseUrl(queue, req)) }),
  );

  app.post(
    '/tickets/:id/call',
    {
      preHandler: staffOnly,
      schema: {
        summary: 'Call this waiting or parked ticket to your counter',
        tags: ['counter'],
        params: idParam,
        response: { 200: { type: 'object', properties: { ticket: ref('Ticket') } }, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const counterId = req.actor.kind === 'user' ? req.actor.counterId : null;
      if (!counterId) throw fail('counter_required:sign_in');
      return { ticket: publicTicket(queue, await queue.counters.callTicket(req.params.id, counterId, req.actor), baseUrl(queue, req)) };
    },
  );

  app.post(
    '/tickets/:id/check-in',
    {
      preValidation: noBodyIsEmpty,
      schema: {
        summary: 'A number from the phone: its holder arrived (a kiosk with its device token, or the phone with the key of its QR and the code at the entrance); again: no change',
        tags: ['tickets'],
        params: idParam,
        body: checkInBody,
        response: { 200: { type: 'object', properties: { ticket: ref('Ticket'), alreadyCheckedIn: { type: 'boolean' } } }, ...errors(400, 403, 404, 409) },
      },
    },
    async (req) => {
      const { ticket, already } = await queue.checkIns.checkIn(req.params.id, req.body.k ?? null, req.actor, req.body.e ?? null);
      return { ticket: publicTicket(queue, ticket, baseUrl(queue, req)), alreadyCheckedIn: already };
    },
  );

  app.post(
    '/tickets/:id/transfer',
    {
      preHandler: staffOnly,
      schema: {
        summary: 'Send the citizen to another field, keeping the number and the wait',
        tags: ['counter'],
        params: idParam,
        body: transferBody,
        response: { 200: { type: 'object', properties: { ticket: ref('Ticket') } }, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => ({ ticket: publicTicket(queue, await queue.counters.transfer(req.params.id, req.body.serviceId, req.actor), baseUrl(queue, req)) }),
  );

  app.post(
    '/tickets/:id/rating',
    {
      schema: {
        summary: 'Rate the service (4 = rất hài lòng … 1 = không hài lòng), once per served visit, with the rating key of the slip’s QR (k)',
        tags: ['tickets'],
        params: idParam,
        body: ratingBody,
        response: { 201: ratedReply, ...errors(400, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const t = await queue.ratings.rate(req.params.id, req.body.score, req.body.k ?? null, req.actor, req.body.reasons ?? [], req.body.note);
      reply.code(201);
      return { ticketId: t.id, score: req.body.score };
    },
  );

  app.post(
    '/tickets/:id/print-status',
    {
      preHandler: deviceOnly,
      schema: {
        summary: "The kiosk agent's print result (a failure raises a manager alert)",
        tags: ['devices'],
        params: idParam,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['printed'],
          properties: { printed: { type: 'boolean' }, reason: { type: 'string', maxLength: 200 } },
        },
        response: { 204: { type: 'null' }, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      // Only the kiosk that issued the ticket printed it: no other device may mark it, or raise alerts in its name.
      const issued = await queue.tickets.get(req.params.id);
      if (req.actor.kind !== 'device' || issued.kioskId !== req.actor.deviceId) throw fail('forbidden:not_your_ticket');
      const t = await queue.ratings.recordPrint(req.params.id, req.body.printed, req.body.reason ?? null, req.actor);
      if (!req.body.printed && req.actor.kind === 'device') await ctx.devices.printFailed(req.actor.deviceId, t, req.body.reason ?? null);
      return noContent(reply);
    },
  );
};
