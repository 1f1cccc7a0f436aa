// Who may call a route. Resolves the actor once per request (device token or
// session cookie), then each route states what it needs.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../store/index.ts';
import type { AppContext } from './context.ts';
import { sendRefusal } from './errors.ts';
import { fail } from '../domain/messages.ts';
import { sameToken } from '../services/auth.service.ts';

export function installActorResolution(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('viaCookie', false);
  app.addHook('onRequest', async (req, reply) => {
    req.actor = { kind: 'public' };
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const device = ctx.auth.device(auth.slice(7).trim());
      if (!device) return sendRefusal(reply, fail('bad_device_token'));
      req.actor = { kind: 'device', deviceId: device.id, deviceKind: device.kind, counterId: device.counterId };
      return;
    }
    const sid = req.cookies?.sid;
    if (!sid) return;
    const s = ctx.auth.session(sid);
    if (!s) return;
    req.actor = ctx.auth.actorFromSession(s);
    req.viaCookie = true;
    // Double-submit CSRF check for every cookie-authenticated write.
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, s.session.csrf)) {
        return sendRefusal(reply, fail('csrf'));
      }
    }
  });
}

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
