// Sign in and out, and change one's own password. The session id travels in an
// httpOnly cookie; the CSRF token in a readable cookie the UIs echo back in x-csrf-token.
import type { RoutePlugin } from './context.ts';
import { noContent } from './present.ts';
import { errors } from './schemas.ts';
import { sendRefusal } from './errors.ts';
import { fail } from '../domain/messages.ts';
import { guard } from './guards.ts';

/** Any signed-in person, whatever their role (devices have no password). */
const signedIn = guard({});

const userSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    username: { type: 'string' },
    fullName: { type: 'string' },
    title: { type: 'string' },
    role: { type: 'string' },
    counterId: { type: ['string', 'null'] },
    allowedServiceIds: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const authRoutes: RoutePlugin = async (app, { ctx }) => {
  const cookieBase = { path: '/', sameSite: 'strict' as const, secure: false };

  app.post(
    '/auth/login',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        summary: 'Sign in (staff choose their counter)',
        tags: ['auth'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['username', 'password'],
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 64 },
            password: { type: 'string', minLength: 1, maxLength: 200 },
            counterId: { type: 'string', minLength: 1, maxLength: 64 },
            takeOver: { type: 'boolean' },
            serviceIds: { type: 'array', minItems: 1, maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 64 } },
          },
        },
        response: { 200: { type: 'object', properties: { user: userSchema } }, ...errors(400, 401, 403, 409, 429) },
      },
    },
    async (req, reply) => {
      const { body } = req;
      const { user, sessionId, csrf, serviceIds } = await ctx.auth.login(body.username.trim().toLowerCase(), body.password, body.counterId ?? null, req.ip, body.takeOver ?? false, body.serviceIds);
      if (user.role === 'staff' && user.counterId) await ctx.queue.counters.signIn(user.counterId, user.username, serviceIds);
      reply.setCookie('sid', sessionId, { ...cookieBase, httpOnly: true, maxAge: 12 * 3600 });
      reply.setCookie('csrf', csrf, { ...cookieBase, httpOnly: false, maxAge: 12 * 3600 });
      return { user };
    },
  );

  app.get('/auth/me', { schema: { summary: 'Who is signed in', tags: ['auth'], response: { 200: { type: 'object', properties: { user: userSchema } }, ...errors(401) } } }, async (req, reply) => {
    const sid = req.cookies.sid;
    const s = sid ? await ctx.auth.session(sid) : null;
    if (!s) return sendRefusal(reply, fail('unauthorized:not_signed_in'));
    return { user: ctx.auth.publicUser(s.user, s.session.counterId) };
  });

  app.post('/auth/logout', { schema: { summary: 'Sign out', tags: ['auth'], response: { 204: { type: 'null' } } } }, async (req, reply) => {
    const sid = req.cookies.sid;
    if (sid && req.viaCookie) {
      const s = await ctx.auth.session(sid);
      await ctx.auth.logout(sid);
      // The counter it was bound to has nobody there now (its estimate no longer counts it).
      if (s?.session.counterId) await ctx.queue.counters.signOut(s.session.counterId, s.session.username);
    }
    reply.clearCookie('sid', cookieBase).clearCookie('csrf', cookieBase);
    return noContent(reply);
  });

  app.post(
    '/auth/password',
    {
      preHandler: signedIn,
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        summary: 'Change one’s own password (at least 10 characters)',
        tags: ['auth'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['currentPassword', 'newPassword'],
          properties: { currentPassword: { type: 'string', minLength: 1, maxLength: 200 }, newPassword: { type: 'string', minLength: 1, maxLength: 200 } },
        },
        response: { 204: { type: 'null' }, ...errors(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      if (req.actor.kind !== 'user') throw fail('unauthorized');
      await ctx.accounts.changeOwnPassword(req.actor.username, req.body.currentPassword, req.body.newPassword);
      return noContent(reply);
    },
  );
};
