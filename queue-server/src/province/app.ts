// Assembles the province server (issue 15.3): its store, registry, board and sign-in, the
// API under /api/v1, socket.io pushing each centre's changed row to the signed-in office
// (`province.centre`), and the /province page (display-board's build, as a centre serves it).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { Server } from 'socket.io';
import { apiNotFound, clientErrorHandler, errorHandling, frameworkErrors } from '../http/errors.ts';
import { centreHeaders, secureCookies, securityHeaders } from '../http/security-headers.ts';
import { openProvinceStore } from '../store/province/postgres.ts';
import type { ProvinceStore } from '../store/province/port.ts';
import { ProvinceAuth, SESSION_COOKIE } from './auth.ts';
import { ProvinceBoard, type CentreRow } from './board.ts';
import type { Registry } from './registry.ts';
import { provinceRoutes } from './routes.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ProvinceOptions {
  registry: Registry;
  demo: boolean;
  dataDir: string;
  /** DATABASE_URL (postgres://…); absent: the SQLite file province.db in dataDir. */
  databaseUrl?: string | null;
  now?: () => number;
  logger?: boolean | { level: string };
  /** Where display-board/dist lives (default: the repository). */
  uiRoot?: string;
}

export interface ProvinceApp {
  app: FastifyInstance;
  io: Server;
  store: ProvinceStore;
  board: ProvinceBoard;
}

export async function buildProvinceApp(opts: ProvinceOptions): Promise<ProvinceApp> {
  mkdirSync(opts.dataDir, { recursive: true });
  const now = opts.now ?? Date.now;
  const store = await openProvinceStore({ url: opts.databaseUrl, dataDir: opts.dataDir });
  const auth = new ProvinceAuth(opts.registry, opts.demo, now);
  let io: Server | null = null;
  const board = new ProvinceBoard(store, opts.registry, now, (row: CentreRow) => io?.to('province').emit('province.centre', row));
  await board.start();

  const app = Fastify({
    bodyLimit: 16 * 1024,
    forceCloseConnections: true,
    logger: opts.logger === false ? false : { level: typeof opts.logger === 'object' ? opts.logger.level : 'info', redact: { paths: ['req.headers.cookie', 'req.headers.authorization'], censor: '[redacted]' } },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    frameworkErrors,
    clientErrorHandler,
  });
  await app.register(errorHandling);
  await app.register(fastifyCookie);
  await app.register(securityHeaders, centreHeaders({ hsts: false }));
  await app.register(secureCookies);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(provinceRoutes, { p: { store, registry: opts.registry, board, auth, demo: opts.demo, now }, prefix: '/api/v1' });

  const dist = path.join(opts.uiRoot ?? repoRoot, 'display-board/dist');
  if (existsSync(dist)) await app.register(fastifyStatic, { root: dist, prefix: '/board/', decorateReply: false, index: false, maxAge: '1h' });
  const page = (reply: import('fastify').FastifyReply) => {
    const file = path.join(dist, 'index.html');
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    if (!existsSync(file)) return reply.code(503).send('<!doctype html><html lang="vi"><title>Tỉnh</title><p>Giao diện chưa được build (display-board) / the UI has not been built.</p></html>');
    return reply.send(readFileSync(file));
  };
  app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/province'));
  app.get('/province', { schema: { hide: true } }, async (_req, reply) => page(reply));
  app.get('/province/*', { schema: { hide: true } }, async (_req, reply) => page(reply));
  app.setNotFoundHandler((req, reply) => apiNotFound(reply, req.url));

  io = new Server(app.server, { path: '/socket.io', serveClient: false, maxHttpBufferSize: 16 * 1024, cors: { origin: false }, pingInterval: 10_000, pingTimeout: 8_000 });
  io.use((socket, next) => {
    const s = auth.session(app.parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE]);
    if (!s) return next(new Error('province_sign_in'));
    next();
  });
  io.on('connection', (socket) => {
    void socket.join('province');
    void board.rows().then((centres) => socket.emit('province.centres', { centres }));
  });
  const ioRef = io;
  app.addHook('onClose', async () => {
    await new Promise<void>((r) => ioRef.close(() => r()));
    await store.close();
  });
  return { app, io, store, board };
}
