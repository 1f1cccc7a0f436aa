// Who may call a route. Resolves the actor once per request (device token or
// session cookie), then each route states what it needs.
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '../store/index.ts';
import { sendRefusal } from './errors.ts';
import { fail } from '../domain/messages.ts';
import { sameToken, type AuthService } from '../services/auth.service.ts';

/**
 * Who is asking, for every request of the server (fastify-plugin: the routes
 * of every scope read `req.actor`), and the CSRF check of cookie-borne writes.
 */
export const actorResolution = fp(
  async (app, { auth }: { auth: AuthService }) => {
    app.decorateRequest('actor', null as never);
    app.decorateRequest('viaCookie', false);
    app.addHook('onRequest', async (req, reply) => {
      req.actor = { kind: 'public' };
      const authorization = req.headers.authorization;
      if (authorization?.startsWith('Bearer ')) {
        const device = await auth.device(authorization.slice(7).trim());
        if (!device) return sendRefusal(reply, fail('bad_device_token'));
        req.actor = { kind: 'device', deviceId: device.id, deviceKind: device.kind, counterId: device.counterId };
        return;
      }
      const sid = req.cookies?.sid;
      if (!sid) return;
      const s = await auth.session(sid);
      if (!s) return;
      req.actor = auth.actorFromSession(s);
      req.viaCookie = true;
      // Double-submit CSRF check for every cookie-authenticated write.
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        const header = req.headers['x-csrf-token'];
        if (typeof header !== 'string' || !sameToken(header, s.session.csrf)) {
          return sendRefusal(reply, fail('csrf'));
        }
      }
    });
  },
  { name: 'actor-resolution', dependencies: ['@fastify/cookie'] },
);

export interface GuardOptions {
  roles?: Role[];
  /** Devices may call: any device, or only those bound to a counter (keypads). */
  devices?: 'any' | 'counter';
}

export function guard(opts: GuardOptions) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const a = req.actor;
    if (a.kind === 'device') {
      // Only a counter's keypads act for it; its display only shows.
      if (opts.devices === 'any' || (opts.devices === 'counter' && a.counterId && a.deviceKind === 'keypad')) return;
      return sendRefusal(reply, fail('forbidden:device'));
    }
    if (a.kind === 'public') {
      return sendRefusal(reply, fail('unauthorized'));
    }
    if (opts.roles && !opts.roles.includes(a.role) && a.role !== 'admin') {
      return sendRefusal(reply, fail('forbidden:role'));
    }
  };
}

export const staffOnly = guard({ roles: ['staff', 'manager'] });
export const staffOrKeypad = guard({ roles: ['staff', 'manager'], devices: 'counter' });
export const managerOnly = guard({ roles: ['manager'] });
export const adminOnly = guard({ roles: ['admin'] });
export const deviceOnly = guard({ devices: 'any', roles: [] });
