// Notifications a citizen opts into for a ticket (issue 17.2): see queue-server/API.md.
import type { RoutePlugin } from './context.ts';
import { errors, idParam } from './schemas.ts';

const pushTarget = {
  type: 'object',
  additionalProperties: false,
  required: ['endpoint', 'keys'],
  properties: {
    endpoint: { type: 'string', minLength: 8, maxLength: 1024, pattern: '^https://' },
    expirationTime: { type: ['number', 'null'] },
    keys: {
      type: 'object',
      additionalProperties: false,
      required: ['p256dh', 'auth'],
      properties: { p256dh: { type: 'string', minLength: 16, maxLength: 256 }, auth: { type: 'string', minLength: 8, maxLength: 64 } },
    },
  },
} as const;

const subscribeBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    k: { type: 'string', maxLength: 64 },
    phone: { type: 'string', maxLength: 24 },
    channel: { type: 'string', enum: ['sms', 'zalo'] },
    push: pushTarget,
  },
} as const;

export const notifyRoutes: RoutePlugin = async (app, { ctx }) => {
  const notify = ctx.notify;

  app.get(
    '/notify/options',
    {
      schema: {
        summary: 'How this centre can notify a citizen: the Web Push key, and whether SMS and Zalo are set up',
        tags: ['public'],
        response: {
          200: {
            type: 'object',
            additionalProperties: false,
            required: ['push', 'sms', 'zalo'],
            properties: {
              push: { anyOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, required: ['publicKey'], properties: { publicKey: { type: 'string' } } }] },
              sms: { type: 'boolean' },
              zalo: { type: 'boolean' },
            },
          },
        },
      },
    },
    async () => notify.options(),
  );

  app.post(
    '/tickets/:id/notify',
    {
      config: { rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: {
        summary: "Opt a ticket into notifications: a browser's push subscription and/or a phone number (kept for the visit only)",
        tags: ['tickets'],
        params: idParam,
        body: subscribeBody,
        response: {
          200: { type: 'object', additionalProperties: false, required: ['channels'], properties: { channels: { type: 'array', items: { type: 'string' } } } },
          ...errors(400, 403, 404, 409, 429),
        },
      },
    },
    async (req) => notify.subscribe(req.params.id, req.body, req.actor),
  );
};
