// Assembles the queue-server: store, services, HTTP API (one plugin per area),
// OpenAPI, metrics, realtime and the UIs.
import { chmodSync, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Server } from 'socket.io';
import type { CenterConfig } from '@mot-cua/config';
import { parseCccdQr } from '@mot-cua/hardware/cccd/index.ts';
import type { Store } from './store/index.ts';
import { openStore, type StoreChoice } from './store/open.ts';
import { Bus } from './services/bus.ts';
import { createQueue, type Queue } from './services/queue.ts';
import { CenterConfigService } from './services/center-config.service.ts';
import type { IdentityParse } from './services/issue.service.ts';
import type { IssueLimits } from './services/issue-limit.ts';
import { AuthService } from './services/auth.service.ts';
import { AccountService } from './services/account.service.ts';
import { StatsService } from './services/stats.service.ts';
import { PlannerService } from './services/planner.service.ts';
import { BookingService } from './services/booking.service.ts';
import { DossierService, seedDemoDossiers } from './services/dossier.service.ts';
import { HttpDossierSource, type HttpDossierSourceOptions } from './services/http-dossier-source.ts';
import { PrivacyService } from './services/privacy.service.ts';
import { DeviceService } from './services/device.service.ts';
import { ProvinceShipper, provinceDeviceStatus, type ShipperOptions } from './services/province-shipper.ts';
import { NotifyService } from './services/notify/notify.service.ts';
import { BookingReminders } from './services/notify/booking-reminders.ts';
import { DossierWatch } from './services/notify/dossier-watch.ts';
import { notifyChannels, notifySettingsFrom, type NotifySettings } from './services/notify/settings.ts';
import type { AppContext } from './http/context.ts';
import { errorHandling, durableAnswers, frameworkErrors, clientErrorHandler } from './http/errors.ts';
import { actorResolution } from './http/guards.ts';
import { requestLog } from './http/request-log.ts';
import { Metrics, metricsPlugin } from './http/metrics.ts';
import { securityHeaders, centreHeaders, secureCookies } from './http/security-headers.ts';
import { apiDocs, apiV1, sharedSchemas } from './http/api.ts';
import { uiRoutes } from './http/ui.ts';
import { realtime } from './realtime/socket.ts';
import { openSharedRedis } from './realtime/redis.ts';

export const VERSION = '0.1.0';


export interface AppOptions {
  config: CenterConfig;
  dataDir: string;
  demo: boolean;
  now?: () => number;
  /** Refuse tickets outside opening hours (default: on, except in demo mode). */
  enforceHours?: boolean;
  /** `stream`: where the log lines go (default stdout; tests read them). */
  logger?: boolean | { level: string; stream?: NodeJS.WritableStream };
  /** Where the UIs' dist folders live (default: the repository). */
  uiRoot?: string;
  synchronous?: 'FULL' | 'NORMAL';
  /** PostgreSQL (DATABASE_URL, CENTER_ID) or, by default, the SQLite file in the data folder. */
  store?: StoreChoice;
  /** How often (real ms) the day's close looks at the clock (default 30 s; tests that move the clock use less). */
  dayCloseTickMs?: number;
  /** Tickets one address may take without credentials (default DEFAULT_ISSUE_LIMITS: 5 per 10 minutes, 20 a day). */
  issueLimits?: IssueLimits;
  /** Behind a reverse proxy: Fastify's trustProxy (true, a hop count, or the proxies' addresses), so client addresses and https come from X-Forwarded-*. */
  trustProxy?: boolean | number | string;
  /** Send Strict-Transport-Security (for a centre served over HTTPS only). */
  hsts?: boolean;
  /** How often staff sockets' sessions are checked again (default 30 s). */
  sessionCheckMs?: number;
  /** Where the kiosks find their kiosk agent (KIOSK_AGENT_URL), told to them in GET /center; null: the default. */
  kioskAgentUrl?: string | null;
  /** Dossier status from the province's one-stop system over HTTP (DOSSIER_SOURCE_URL…); absent: the local table (the demo's). */
  dossierSource?: HttpDossierSourceOptions | null;
  /** PROVINCE_URL and PROVINCE_TOKEN: the event log ships to the province (services/province-shipper.ts). */
  province?: Pick<ShipperOptions, 'url' | 'token' | 'idleMs' | 'minBackoffMs' | 'maxBackoffMs' | 'batchSize'> | null;
  /** REDIS_URL: socket.io events and rate limits shared with the centre's other servers (realtime/redis.ts); absent: in memory. */
  redisUrl?: string | null;
  /** Where notices to citizens go (SMS, Zalo, Web Push); absent: Web Push only, with keys kept in the data folder. */
  notify?: NotifySettings;
}

export interface App {
  app: FastifyInstance;
  ctx: AppContext;
  io: Server;
  /** The SQLite store under the port, for tests that reach into the file (on PostgreSQL, any use throws). */
  sqlite: Store;
}

/** Fewer bytes than this and the keyed hashes and rating keys could be worked out by trying keys. */
export const MIN_SECRET_BYTES = 32;

/**
 * The key for ID-number hashes and ratings' keys, created once per data folder and kept
 * there (mode 0600). A key that is short, empty or not hex stops the server: a silently
 * weak key would make every keyed hash guessable.
 */
export function loadSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    const key = /^(?:[0-9a-fA-F]{2})*$/.test(text) ? Buffer.from(text, 'hex') : Buffer.alloc(0);
    if (key.length < MIN_SECRET_BYTES) {
      throw new Error(
        `Khoá bí mật ${file} không hợp lệ: cần ít nhất ${MIN_SECRET_BYTES} byte ở dạng hex (${MIN_SECRET_BYTES * 2} chữ số), tệp có ${key.length} byte. ` +
          'Hãy khôi phục tệp từ bản sao lưu, hoặc xoá nó để tạo khoá mới (mã băm và mã đánh giá cũ sẽ không còn khớp) / ' +
          `secret key ${file} is invalid: it needs at least ${MIN_SECRET_BYTES} bytes as hex, it has ${key.length}; restore it from a backup, or delete it to make a new one`,
      );
    }
    chmodSync(file, 0o600);
    return key;
  }
  const key = randomBytes(MIN_SECRET_BYTES);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}

const parseIdentity: IdentityParse = (raw, today) => {
  const r = parseCccdQr(raw, today);
  return r.ok ? { ok: true, value: { idNumber: r.value.idNumber, fullName: r.value.fullName, age: r.value.age } } : { ok: false, error: r.error };
};

export async function buildApp(opts: AppOptions): Promise<App> {
  mkdirSync(opts.dataDir, { recursive: true });
  // Before anything is opened: a bad key stops the server with nothing left running.
  const secret = loadSecret(opts.dataDir);
  const now = opts.now ?? Date.now;
  const { port, sqlite: store } = await openStore(opts.store ?? { kind: 'sqlite' }, opts.dataDir, { configCenterId: opts.config.center.id, synchronous: opts.synchronous });
  const bus = new Bus((announce) => port.afterCommit(announce));
  // The live configuration: the stored one, else the YAML file's (stored then); every service reads it at each use.
  let queueRef: Queue | null = null;
  const { service: centerConfig, notes: configNotes } = await CenterConfigService.open(opts.config, {
    store: port,
    bus,
    now,
    openTickets: () => queueRef?.tickets.values() ?? [],
  });
  const dossiers = new DossierService(centerConfig, opts.dossierSource ? new HttpDossierSource({ ...opts.dossierSource, now }) : { find: port.reads.dossier });
  const queue = await createQueue(centerConfig, port, bus, {
    now,
    secret,
    enforceHours: opts.enforceHours ?? !opts.demo,
    parseIdentity,
    limits: opts.issueLimits,
    dossiers,
  });
  queueRef = queue;
  // A day the server did not close (it was down at the close) is closed before anything else.
  await queue.dayClose.closeDue();
  queue.dayClose.start(opts.dayCloseTickMs);
  const auth = new AuthService(centerConfig, port, now);
  const authNotes = await auth.start(opts.demo);
  const accounts = new AccountService(centerConfig, port, auth, now);
  const stats = new StatsService(centerConfig, port.reads);
  const planner = new PlannerService(centerConfig, port.reads, () => queue.centre.policy, now);
  const metrics = new Metrics(queue, bus);
  const channels = notifyChannels(opts.notify ?? notifySettingsFrom({}), opts.dataDir);
  // Its lines go to the server's log once there is one (nothing is sent before the server listens).
  let notifyLog: (line: string) => void = () => {};
  const reminders = new BookingReminders(port, channels.sms ?? channels.zalo ?? null, () => centerConfig.current(), now, (line) => notifyLog(line));
  const bookings = new BookingService(centerConfig, port, queue, () => reminders.available);
  if (opts.demo) await seedDemoDossiers(port, centerConfig.current(), now());
  const privacy = new PrivacyService(centerConfig, port, now);
  privacy.start();
  const devices = new DeviceService(port, bus, now, { silenceMs: centerConfig.current().devices.silenceAlertSeconds * 1000 });
  await devices.start();
  const notify = new NotifyService(queue, channels, (line) => notifyLog(line));
  notify.start(bus);
  reminders.start();
  const dossierWatch = new DossierWatch(port, dossiers, channels, () => centerConfig.current(), now, (line) => notifyLog(line));
  dossierWatch.start();
  const ctx: AppContext = { store: port, queue, centerConfig, auth, accounts, stats, planner, bookings, dossiers, privacy, devices, bus, metrics, notify, reminders, dossierWatch, demo: opts.demo, version: VERSION, kioskAgentUrl: opts.kioskAgentUrl ?? null };

  const app = Fastify({
    bodyLimit: 16 * 1024,
    // Browsers keep idle keep-alive connections open; a stop must not wait for them.
    forceCloseConnections: true,
    logger:
      opts.logger === false
        ? false
        : {
            level: typeof opts.logger === 'object' ? opts.logger.level : 'info',
            ...(typeof opts.logger === 'object' && opts.logger.stream ? { stream: opts.logger.stream } : {}),
            // Personal data and secrets never reach the log: nor a device token or rating key in a query string.
            redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'], censor: '[redacted]' },
            serializers: { req: requestLog },
          },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    frameworkErrors,
    clientErrorHandler,
    // A hop count as proxy-addr's function: Fastify's types take no number.
    trustProxy: typeof opts.trustProxy === 'number' ? ((hops: number) => (_addr: string, i: number) => i < hops)(opts.trustProxy) : (opts.trustProxy ?? false),
  });
  notifyLog = (line) => app.log.info(line);
  for (const note of configNotes) app.log.warn(note);
  for (const note of authNotes) app.log.warn(note);
  // What every answer gets, installed on the whole server (each a fastify-plugin), in this order.
  await app.register(errorHandling);
  await app.register(durableAnswers, { store: port });
  await app.register(sharedSchemas);
  await app.register(fastifyCookie);
  await app.register(securityHeaders, centreHeaders({ hsts: opts.hsts ?? false }));
  await app.register(secureCookies);
  const centreId = opts.store?.centerId ?? opts.config.center.id;
  const redis = opts.redisUrl ? await openSharedRedis(opts.redisUrl, centreId) : null;
  // Shared: one allowance per client over every server of the centre; Redis unreachable lets requests through rather than refusing the hall.
  await app.register(fastifyRateLimit, redis ? { global: false, redis: redis.pub, nameSpace: `${redis.prefix}:rate:`, skipOnError: true } : { global: false });
  await app.register(apiDocs, { version: VERSION });
  await app.register(actorResolution, { auth });
  await app.register(metricsPlugin, { metrics });

  await app.register(apiV1, { ctx, prefix: '/api/v1' });
  await app.register(uiRoutes, { centerName: () => centerConfig.current().center.name, root: opts.uiRoot });

  let listenBase = '';
  app.addHook('onListen', async () => {
    const addr = app.server.address();
    if (addr && typeof addr === 'object') listenBase = `http://${addr.address.includes(':') ? '127.0.0.1' : addr.address === '0.0.0.0' ? '127.0.0.1' : addr.address}:${addr.port}`;
  });
  await app.register(realtime, { ctx, publicBase: () => centerConfig.current().center.publicUrl ?? listenBase, sessionCheckMs: opts.sessionCheckMs, centreId, redis });
  const io = app.io;
  const shipper = opts.province ? new ProvinceShipper(port, secret, { ...opts.province, deviceStatus: provinceDeviceStatus(devices, now), log: (line) => app.log.warn(line) }) : null;
  shipper?.start();
  app.addHook('onClose', async () => {
    await shipper?.stop();
    queue.dayClose.stop();
    privacy.stop();
    devices.stop();
    await notify.stop();
    await reminders.stop();
    await dossierWatch.stop();
    await port.close();
    await redis?.close();
  });
  return { app, ctx, io, sqlite: store };
}
