// The live centre configuration for the admin role (issue 13.2): read it whole
// in the YAML file's shape, replace it whole. A replacement is validated by the
// config package's own schema (400 with its path-named problems), refused when
// it would strand open tickets (409), else applied with no restart.
import type { RoutePlugin } from './context.ts';
import { adminOnly } from './guards.ts';
import { ConfigInvalid } from '../services/center-config.service.ts';
import { errors } from './schemas.ts';

const actorOf = (a: { kind: string; username?: string }) => (a.kind === 'user' && a.username ? a.username : 'unknown');

/** Large enough for a province's catalogue of procedures; the rest of the API keeps 16 KiB. */
export const CONFIG_BODY_LIMIT = 4 * 1024 * 1024;

const invalidSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, problems: { type: 'array', items: { type: 'string' } } },
    },
  },
} as const;

export const adminConfigRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/admin/config',
    {
      preHandler: adminOnly,
      schema: { summary: "The live centre configuration, in the YAML file's shape", tags: ['admin'], response: errors(401, 403) },
    },
    async () => ctx.centerConfig.current(),
  );

  app.put(
    '/admin/config',
    {
      preHandler: adminOnly,
      bodyLimit: CONFIG_BODY_LIMIT,
      schema: {
        summary: 'Replace the whole centre configuration; applies at once, with no restart (400: what the schema refuses; 409: open tickets would be stranded)',
        tags: ['admin'],
        body: { type: 'object' },
        response: { 200: { type: 'object', additionalProperties: true }, 400: invalidSchema, ...errors(401, 403, 409) },
      },
    },
    async (req, reply) => {
      try {
        await ctx.centerConfig.replace(req.body as Parameters<typeof ctx.centerConfig.replace>[0], actorOf(req.actor));
      } catch (e) {
        if (e instanceof ConfigInvalid) {
          return reply.code(400).type('application/json; charset=utf-8').send({ error: { code: e.code, message: e.message, problems: e.problems.slice(0, 40) } });
        }
        throw e;
      }
      return ctx.centerConfig.current();
    },
  );
};
