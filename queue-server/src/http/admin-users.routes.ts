// Staff accounts, for the admin role: list, add, reset a password, disable,
// clear a sign-in back-off. The service writes each change with its audit line.
import type { RoutePlugin } from './context.ts';
import { adminOnly } from './guards.ts';
import { noContent } from './present.ts';
import { errors } from './schemas.ts';

const accountSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    username: { type: 'string' },
    fullName: { type: 'string' },
    title: { type: 'string' },
    role: { type: 'string' },
    counterId: { type: ['string', 'null'] },
    counterIds: { type: ['array', 'null'], items: { type: 'string' } },
    disabled: { type: 'boolean' },
  },
} as const;

const usernameParam = {
  type: 'object',
  properties: { username: { type: 'string', minLength: 1, maxLength: 64 } },
  required: ['username'],
} as const;

const actorOf = (a: { kind: string; username?: string }) => (a.kind === 'user' && a.username ? a.username : 'unknown');

export const adminUserRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/admin/users',
    {
      preHandler: adminOnly,
      schema: { summary: 'Every account (never a password)', tags: ['admin'], response: { 200: { type: 'object', properties: { users: { type: 'array', items: accountSchema } } }, ...errors(401, 403) } },
    },
    async () => ({ users: ctx.accounts.list() }),
  );

  app.post(
    '/admin/users',
    {
      preHandler: adminOnly,
      schema: {
        summary: 'Add an account (password at least 10 characters; counterIds: where an official may sign in)',
        tags: ['admin'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['username', 'password', 'role', 'fullName'],
          properties: {
            username: { type: 'string', minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' },
            password: { type: 'string', minLength: 1, maxLength: 200 },
            role: { type: 'string', enum: ['staff', 'manager', 'admin'] },
            fullName: { type: 'string', minLength: 1, maxLength: 120 },
            counterIds: { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 64 } },
          },
        },
        response: { 201: { type: 'object', properties: { user: accountSchema } }, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const user = await ctx.accounts.create(actorOf(req.actor), req.body);
      reply.code(201);
      return { user };
    },
  );

  app.post(
    '/admin/users/:username/password',
    {
      preHandler: adminOnly,
      schema: {
        summary: "Set an account's password (its sessions end)",
        tags: ['admin'],
        params: usernameParam,
        body: { type: 'object', additionalProperties: false, required: ['password'], properties: { password: { type: 'string', minLength: 1, maxLength: 200 } } },
        response: { 204: { type: 'null' }, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await ctx.accounts.resetPassword(actorOf(req.actor), req.params.username, req.body.password);
      return noContent(reply);
    },
  );

  app.post(
    '/admin/users/:username/disable',
    {
      preHandler: adminOnly,
      schema: { summary: 'Disable an account (no sign-in; its sessions end)', tags: ['admin'], params: usernameParam, response: { 204: { type: 'null' }, ...errors(401, 403, 404, 409) } },
    },
    async (req, reply) => {
      await ctx.accounts.setDisabled(actorOf(req.actor), req.params.username, true);
      return noContent(reply);
    },
  );

  app.post(
    '/admin/users/:username/unlock',
    {
      preHandler: adminOnly,
      schema: { summary: "Clear an account's sign-in back-off from every address", tags: ['admin'], params: usernameParam, response: { 204: { type: 'null' }, ...errors(401, 403, 404) } },
    },
    async (req, reply) => {
      await ctx.accounts.unlock(actorOf(req.actor), req.params.username);
      return noContent(reply);
    },
  );
};
