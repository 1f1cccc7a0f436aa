// A counter's work: call next, act on its current ticket (for keypads), its queue, pause and close.
import type { RoutePlugin } from './context.ts';
import { counterParam, counterFieldsBody, errors, moveBody, finishBody, noBodyIsEmpty, ratedReply, ratingBody, ref, transferBody } from './schemas.ts';
import { baseUrl, counterView, noContent, publicTicket, staffTicket } from './present.ts';
import { guard, managerOnly, staffOnly, staffOrKeypad } from './guards.ts';
import { assertMayActAt } from '../services/actor.ts';
import { allowedFields } from '../services/counter-seat.ts';
import type { CounterStatus } from '../store/index.ts';

const CURRENT_ACTIONS = ['recall', 'start', 'no-show', 'park'] as const;
const STATUS_ACTIONS: Record<string, CounterStatus> = { pause: 'paused', resume: 'open', close: 'closed', open: 'open' };
/** Keypads of a counter, no account (the rating service refuses an admin too). */
const keypadOnly = guard({ roles: [], devices: 'counter' });
const ticketReply = { 200: { type: 'object', properties: { ticket: ref('Ticket') } }, ...errors(400, 401, 403, 404, 409) };

export const counterRoutes: RoutePlugin = async (app, { ctx }) => {
  const { queue } = ctx;

  app.post(
    '/counters/:counterId/call-next',
    {
      preHandler: staffOrKeypad,
      schema: {
        summary: 'Call the next citizen (finishes the current one)',
        tags: ['counter'],
        params: counterParam,
        response: { 200: { type: 'object', properties: { ticket: ref('Ticket') } }, 204: { type: 'null' }, ...errors(401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const t = await queue.counters.callNext(req.params.counterId, req.actor);
      if (!t) return noContent(reply);
      return { ticket: publicTicket(queue, t, baseUrl(queue, req)) };
    },
  );

  for (const action of CURRENT_ACTIONS) {
    app.post(
      `/counters/:counterId/current/${action}`,
      { preHandler: staffOrKeypad, schema: { summary: `${action} the counter's current ticket`, tags: ['counter'], params: counterParam, response: ticketReply } },
      async (req) => {
        assertMayActAt(req.actor, req.params.counterId);
        const cur = queue.counters.currentOrFail(req.params.counterId);
        return { ticket: publicTicket(queue, await queue.counters.act(cur.id, action, req.actor), baseUrl(queue, req)) };
      },
    );
  }

  app.post(
    '/counters/:counterId/current/finish',
    {
      preValidation: noBodyIsEmpty,
      preHandler: staffOrKeypad,
      schema: {
        summary: "Finish the counter's current ticket, saying what the visit achieved (no body, as from a keypad: the counter's default outcome)",
        tags: ['counter'],
        params: counterParam,
        body: finishBody,
        response: ticketReply,
      },
    },
    async (req) => {
      assertMayActAt(req.actor, req.params.counterId);
      const cur = queue.counters.currentOrFail(req.params.counterId);
      return { ticket: publicTicket(queue, await queue.counters.act(cur.id, 'finish', req.actor, req.body), baseUrl(queue, req)) };
    },
  );

  app.post(
    '/counters/:counterId/current/transfer',
    {
      preHandler: staffOrKeypad,
      schema: {
        summary: "Transfer the counter's current ticket to another field",
        tags: ['counter'],
        params: counterParam,
        body: transferBody,
        response: ticketReply,
      },
    },
    async (req) => {
      assertMayActAt(req.actor, req.params.counterId);
      const cur = queue.counters.currentOrFail(req.params.counterId);
      return { ticket: publicTicket(queue, await queue.counters.transfer(cur.id, req.body.serviceId, req.actor), baseUrl(queue, req)) };
    },
  );

  for (const [action, status] of Object.entries(STATUS_ACTIONS)) {
    app.post(
      `/counters/:counterId/${action}`,
      {
        preHandler: staffOnly,
        schema: { summary: `${action} the counter`, tags: ['counter'], params: counterParam, response: { 200: { type: 'object', additionalProperties: true }, ...errors(401, 403, 404) } },
      },
      async (req) => {
        await queue.counters.setStatus(req.params.counterId, status, req.actor);
        return { counter: counterView(ctx, req.params.counterId) };
      },
    );
  }

  app.put(
    '/counters/:counterId/services',
    {
      preHandler: staffOnly,
      schema: {
        summary: "The fields the counter serves today (issue 13.3): its official within the fields they are allowed, a manager any field; the saved configuration stays",
        tags: ['counter'],
        params: counterParam,
        body: counterFieldsBody,
        response: { 200: { type: 'object', additionalProperties: true }, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const a = req.actor;
      const user = a.kind === 'user' ? ctx.auth.user(a.username) : null;
      const allowed = user ? allowedFields(queue.centre.config, user) : [];
      await queue.counters.setFields(req.params.counterId, req.body.serviceIds, a, allowed);
      return { counter: counterView(ctx, req.params.counterId) };
    },
  );

  app.post(
    '/counters/:counterId/move',
    {
      preHandler: managerOnly,
      schema: {
        summary: 'Move the official signed in at this counter to another one (issue 13.3); their console follows',
        tags: ['manager'],
        params: counterParam,
        body: moveBody,
        response: { 200: { type: 'object', additionalProperties: true }, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const { username, toCounterId } = req.body;
      await queue.counters.move(req.params.counterId, username ?? null, toCounterId, req.actor, (u) => ctx.auth.user(u)?.fullName ?? u);
      return { from: counterView(ctx, req.params.counterId), to: counterView(ctx, toCounterId) };
    },
  );

  app.get(
    '/counters/:counterId/queue',
    {
      preHandler: staffOnly,
      schema: {
        summary: "The counter's current ticket, its waiting tickets in calling order, and its parked ones",
        tags: ['counter'],
        params: counterParam,
        response: {
          200: {
            type: 'object',
            properties: {
              counter: { type: 'object', additionalProperties: true },
              current: { anyOf: [{ type: 'null' }, ref('StaffTicket')] },
              waiting: { type: 'array', items: ref('StaffTicket') },
              parked: { type: 'array', items: ref('StaffTicket') },
            },
          },
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => {
      const id = req.params.counterId;
      queue.centre.counter(id);
      assertMayActAt(req.actor, id);
      const base = baseUrl(queue, req);
      const cur = queue.counters.current(id);
      return {
        counter: counterView(ctx, id),
        current: cur ? staffTicket(queue, cur, base) : null,
        waiting: queue.counters.queueFor(id).map((t) => staffTicket(queue, t, base, queue.estimates.estimateOf(t))),
        parked: queue.counters.parkedFor(id).map((t) => staffTicket(queue, t, base)),
      };
    },
  );

  app.post(
    '/counters/:counterId/rating',
    {
      // The counter's rating keypad only: staff must not rate their own service.
      preHandler: keypadOnly,
      schema: {
        summary: "The rating keypad: rates the counter's last finished ticket, once",
        tags: ['counter'],
        params: counterParam,
        body: ratingBody,
        response: { 201: ratedReply, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const t = await queue.ratings.rateAtCounter(req.params.counterId, req.body.score, req.actor, req.body.reasons ?? []);
      reply.code(201);
      return { ticketId: t.id, score: req.body.score };
    },
  );
};
