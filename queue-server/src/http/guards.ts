// Who may call a route. Resolves the actor once per request (device token or
// session cookie), then each route states what it needs.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../store/index.ts';
import type { AppContext } from './context.ts';
import { sendError } from './errors.ts';
import { sameToken } from '../services/auth.service.ts';

export function installActorResolution(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('viaCookie', false);
  app.addHook('onRequest', async (req, reply) => {
    req.actor = { kind: 'public' };
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const device = ctx.auth.device(auth.slice(7).trim());
      if (!device) return sendError(reply, 401, 'bad_device_token', 'Mã thiết bị không hợp lệ hoặc đã bị thu hồi / device token invalid or revoked');
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
        return sendError(reply, 403, 'csrf', 'Thiếu mã chống giả mạo (CSRF); hãy tải lại trang / missing or wrong CSRF token; reload the page');
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
      return sendError(reply, 403, 'forbidden', 'Thiết bị này không được làm việc này / this device may not do that');
    }
    if (a.kind === 'public') {
      return sendError(reply, 401, 'unauthorized', 'Hãy đăng nhập / please sign in');
    }
    if (opts.roles && !opts.roles.includes(a.role) && a.role !== 'admin') {
      return sendError(reply, 403, 'forbidden', 'Tài khoản của bạn không có quyền này / your account may not do that');
    }
  };
}

export const staffOnly = guard({ roles: ['staff', 'manager'] });
export const staffOrKeypad = guard({ roles: ['staff', 'manager'], devices: 'counter' });
export const managerOnly = guard({ roles: ['manager'] });
export const adminOnly = guard({ roles: ['admin'] });
export const deviceOnly = guard({ devices: 'any', roles: [] });
