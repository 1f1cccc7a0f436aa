// Assembles the queue-server: store, services, HTTP API (one plugin per area),
// OpenAPI, metrics, realtime and the UIs.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Server } from 'socket.io';
import type { CenterConfig } from '@mot-cua/config';
import { parseCccdQr } from '@mot-cua/hardware/cccd/index.ts';
import { Store } from './store/index.ts';
import { Bus } from './services/bus.ts';
import { createQueue } from './services/queue.ts';
import type { IdentityParse } from './services/issue.service.ts';
import { AuthService } from './services/auth.service.ts';
import { StatsService } from './services/stats.service.ts';
import { BookingService } from './services/booking.service.ts';
import { DossierService, seedDemoDossiers } from './services/dossier.service.ts';
import { PrivacyService } from './services/privacy.service.ts';
import { DeviceService } from './services/device.service.ts';
import type { AppContext } from './http/context.ts';
import { installErrorHandling, sendError, errorBody, whenDurable } from './http/errors.ts';
import { HTTP_ERRORS, say } from './domain/messages.ts';
import { installActorResolution } from './http/guards.ts';
import { Metrics } from './http/metrics.ts';
import { errorSchema, ticketSchema, staffTicketSchema } from './http/schemas.ts';
import { centerRoutes } from './http/center.routes.ts';
import { ticketRoutes } from './http/tickets.routes.ts';
import { counterRoutes } from './http/counters.routes.ts';
import { authRoutes } from './http/auth.routes.ts';
import { manageRoutes } from './http/manage.routes.ts';
import { bookingRoutes } from './http/bookings.routes.ts';
import { reportRoutes } from './http/reports.routes.ts';
import { uiRoutes } from './http/ui.ts';
import { securityHeaders } from './http/security-headers.ts';
import { attachRealtime } from './realtime/socket.ts';

export const VERSION = '0.1.0';

export interface AppOptions {
  config: CenterConfig;
  dataDir: string;
  demo: boolean;
  now?: () => number;
  /** Refuse tickets outside opening hours (default: on, except in demo mode). */
  enforceHours?: boolean;
  logger?: boolean | { level: string };
  /** Where the UIs' dist folders live (default: the repository). */
  uiRoot?: string;
  synchronous?: 'FULL' | 'NORMAL';
}

export interface App {
  app: FastifyInstance;
  ctx: AppContext;
  io: Server;
}

/** The key for ID-number hashes, created once per data folder and kept there. */
function loadSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}

const parseIdentity: IdentityParse = (raw, today) => {
  const r = parseCccdQr(raw, today);
  return r.ok ? { ok: true, value: { idNumber: r.value.idNumber, fullName: r.value.fullName, age: r.value.age } } : { ok: false, error: r.error };
};

export async function buildApp(opts: AppOptions): Promise<App> {
  mkdirSync(opts.dataDir, { recursive: true });
  const now = opts.now ?? Date.now;
  // Group commit: a burst of tickets shares one fsync, and no answer or announcement leaves before its write is on disk.
  const store = Store.open({ file: path.join(opts.dataDir, 'queue.db'), synchronous: opts.synchronous, groupCommit: true });
  const bus = new Bus((announce) => store.afterCommit(announce));
  const queue = createQueue(opts.config, store, bus, {
    now,
    secret: loadSecret(opts.dataDir),
    enforceHours: opts.enforceHours ?? !opts.demo,
    parseIdentity,
  });
  const auth = new AuthService(opts.config, store, now);
  auth.registerDevices();
  if (opts.demo) await auth.seedDemo();
  const stats = new StatsService(opts.config, store);
  const metrics = new Metrics(queue, bus);
  const bookings = new BookingService(opts.config, store, queue);
  const dossiers = new DossierService(opts.config, store.dossiers);
  if (opts.demo) seedDemoDossiers(store.dossiers, opts.config, now());
  const privacy = new PrivacyService(opts.config, store, now);
  privacy.start();
  const devices = new DeviceService(store.devices, bus, now);
  const ctx: AppContext = { store, queue, auth, stats, bookings, dossiers, privacy, devices, bus, metrics, demo: opts.demo, version: VERSION };

  const app = Fastify({
    bodyLimit: 16 * 1024,
    // Browsers keep idle keep-alive connections open; a stop must not wait for them.
    forceCloseConnections: true,
    logger:
      opts.logger === false
        ? false
        : {
            level: typeof opts.logger === 'object' ? opts.logger.level : 'info',
            // Personal data and secrets never reach the log.
            redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'], censor: '[redacted]' },
          },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    // Requests the router refuses before any route (bad %-escapes, overlong parameters) get the contract's shape too.
    frameworkErrors: (err, _req, reply) => {
      const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      void sendError(reply, status, status === 414 ? 'uri_too_long' : 'bad_request', say(HTTP_ERRORS['bad_request:malformed_url'], { code: err.code }));
    },
    // Bytes Node's HTTP parser refuses never reach Fastify's handlers: answer them in the contract's shape.
    clientErrorHandler: (err: NodeJS.ErrnoException & { bytesParsed?: number }, socket) => {
      if (err.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
      const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
      const body = errorBody(status);
      socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    },
  });
  installErrorHandling(app);
  // No answer leaves before the writes it may have seen are on disk (the store's group commit).
  app.addHook('onSend', async () => whenDurable(store));
  app.addSchema(errorSchema);
  app.addSchema(ticketSchema);
  app.addSchema(staffTicketSchema);
  await app.register(fastifyCookie);
  securityHeaders(app, {
    // Plain HTTP on the centre's LAN: no HSTS, no upgrade of requests.
    hsts: false,
    crossOriginEmbedderPolicy: false,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // The kiosk talks to its local hardware agent on 127.0.0.1.
        connectSrc: ["'self'", 'ws://127.0.0.1:*', 'http://127.0.0.1:*', 'ws://localhost:*'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Một cửa queue-server API', version: VERSION, description: 'Tickets, counters, realtime and reports for a one-stop centre. See queue-server/API.md.' },
      tags: ['public', 'tickets', 'counter', 'auth', 'manager', 'admin', 'devices'].map((name) => ({ name })),
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  installActorResolution(app, ctx);
  metrics.install(app);

  await app.register(
    async (api) => {
      await api.register(centerRoutes, { ctx });
      await api.register(ticketRoutes, { ctx });
      await api.register(counterRoutes, { ctx });
      await api.register(authRoutes, { ctx });
      await api.register(manageRoutes, { ctx });
      await api.register(bookingRoutes, { ctx });
      await api.register(reportRoutes, { ctx });
    },
    { prefix: '/api/v1' },
  );
  await app.register(uiRoutes, { centerName: opts.config.center.name, root: opts.uiRoot });

  let publicBase = opts.config.center.publicUrl ?? '';
  app.addHook('onListen', async () => {
    const addr = app.server.address();
    if (!publicBase && addr && typeof addr === 'object') publicBase = `http://${addr.address.includes(':') ? '127.0.0.1' : addr.address === '0.0.0.0' ? '127.0.0.1' : addr.address}:${addr.port}`;
  });
  const io = attachRealtime(app, ctx, { publicBase: () => publicBase });
  app.addHook('onClose', async () => {
    privacy.stop();
    store.close();
  });
  return { app, ctx, io };
}
