// Managers: stats and devices. Admins: device tokens and the audit log.
import { dayKey, toIso } from '../domain/index.ts';
import { fail } from '../domain/messages.ts';
import type { RoutePlugin } from './context.ts';
import { daySchema as day, errors, isRealDay } from './schemas.ts';
import { managerOnly, adminOnly, deviceOnly } from './guards.ts';
import { devicesView, noContent } from './present.ts';

export const manageRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/stats',
    {
      preHandler: managerOnly,
      schema: {
        summary: 'KPIs of the visits that arrived between two days (default: today)',
        tags: ['manager'],
        querystring: { type: 'object', additionalProperties: false, properties: { from: day, to: day } },
        response: { ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const today = dayKey(ctx.queue.centre.now());
      const from = req.query.from ?? req.query.to ?? today;
      const to = req.query.to ?? (req.query.from ? from : today);
      if (!isRealDay(from) || !isRealDay(to)) throw fail('bad_date');
      if (from > to) throw fail('bad_range');
      return { from, to, ...(await ctx.stats.between(from, to)) };
    },
  );

  app.get('/devices', { preHandler: managerOnly, schema: { summary: 'Device health and open alerts', tags: ['manager'], response: errors(401, 403) } }, async () => devicesView(await ctx.devices.overview()));

  app.post(
    '/devices/health',
    {
      preHandler: deviceOnly,
      schema: {
        summary: "A device's health report",
        tags: ['devices'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['parts'],
          properties: {
            parts: {
              type: 'array',
              // One agent reports every part it drives: a kiosk's printer, scanners and chip reader,
              // and the hall's keypads (two a counter) and LED displays — the demo's 21 already.
              maxItems: 64,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['id', 'kind', 'status'],
                properties: {
                  id: { type: 'string', minLength: 1, maxLength: 64 },
                  kind: { type: 'string', enum: ['printer', 'scanner', 'keypad', 'display'] },
                  status: { type: 'string', enum: ['ok', 'warning', 'error', 'offline'] },
                  detail: { type: 'string', maxLength: 200 },
                },
              },
            },
          },
        },
        response: { 204: { type: 'null' }, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      if (req.actor.kind !== 'device') throw fail('forbidden:health_report');
      await ctx.devices.reportHealth(req.actor.deviceId, req.body.parts);
      return noContent(reply);
    },
  );

  app.post(
    '/devices/:deviceId/token',
    {
      preHandler: adminOnly,
      schema: {
        summary: 'Issue a new token for a device (the old one stops working); with { kind, name } a device not known yet is registered',
        tags: ['admin'],
        params: { type: 'object', properties: { deviceId: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' } }, required: ['deviceId'] },
        body: {
          type: ['object', 'null'],
          additionalProperties: false,
          properties: {
            kind: { type: 'string', enum: ['kiosk', 'board', 'counter-display', 'keypad'] },
            name: { type: 'string', minLength: 1, maxLength: 120 },
            counterId: { type: ['string', 'null'], minLength: 1, maxLength: 64 },
          },
        },
        response: { 201: { type: 'object', properties: { deviceId: { type: 'string' }, token: { type: 'string' } } }, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const actor = req.actor.kind === 'user' ? req.actor.username : 'unknown';
      const b = req.body ?? {};
      const register = b.kind && b.name ? { kind: b.kind, name: b.name.normalize('NFC'), counterId: b.counterId ?? null } : undefined;
      const token = await ctx.auth.issueDeviceToken(req.params.deviceId, actor, register);
      reply.code(201);
      return { deviceId: req.params.deviceId, token };
    },
  );

  app.post(
    '/devices/:deviceId/revoke',
    {
      preHandler: adminOnly,
      schema: {
        summary: "Revoke a device's token",
        tags: ['admin'],
        params: { type: 'object', properties: { deviceId: { type: 'string', maxLength: 64 } }, required: ['deviceId'] },
        response: { 204: { type: 'null' }, ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await ctx.auth.revokeDevice(req.params.deviceId, req.actor.kind === 'user' ? req.actor.username : 'unknown');
      return noContent(reply);
    },
  );

  app.get('/audit', { preHandler: adminOnly, schema: { summary: 'The audit log of staff and admin actions (read-only)', tags: ['admin'], response: errors(401, 403) } }, async () => ({
    entries: (await ctx.auth.auditLog()).map((e) => ({ ...e, at: toIso(e.at) })),
  }));
};
