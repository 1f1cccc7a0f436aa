// The live centre configuration for the admin role (issue 13.2): read it whole
// in the YAML file's shape, replace it whole. A replacement is validated by the
// config package's own schema (400 with its path-named problems), refused when
// it would strand open tickets (409), else applied with no restart.
import type { RoutePlugin } from './context.ts';
import { adminOnly } from './guards.ts';
import { errors } from './schemas.ts';

const actorOf = (a: { kind: string; username?: string }) => (a.kind === 'user' && a.username ? a.username : 'unknown');

/** Large enough for a province's catalogue of procedures; the rest of the API keeps 16 KiB. */
export const CONFIG_BODY_LIMIT = 4 * 1024 * 1024;

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
        response: { 200: { type: 'object', additionalProperties: true }, ...errors(400, 401, 403, 409) },
      },
    },
    async (req) => {
      // The config package's schema validates it (a 400 naming the first problem by its path).
      await ctx.centerConfig.replace(req.body as Parameters<typeof ctx.centerConfig.replace>[0], actorOf(req.actor));
      return ctx.centerConfig.current();
    },
  );
};
