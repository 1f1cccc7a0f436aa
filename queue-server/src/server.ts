// Starts a queue-server from settings (used by main.ts and by the tests).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, loadDemoConfig, formatConfigErrors, resolveConfigFile, type CenterConfig } from '@mot-cua/config';
import { buildApp, type App } from './app.ts';
import { text } from './domain/messages.ts';
import { acquireDataLock } from './store/data-lock.ts';
import { redisUrlFrom } from './realtime/redis.ts';
import { storeChoiceFromEnv, type StoreChoice } from './store/open.ts';
import { DEFAULT_ISSUE_LIMITS, type IssueLimits } from './services/issue-limit.ts';
import { HttpDossierSource, type HttpDossierSourceOptions } from './services/http-dossier-source.ts';
import { notifySettingsFrom, type NotifySettings } from './services/notify/settings.ts';

export interface ServerSettings {
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  config: CenterConfig;
  enforceHours?: boolean;
  logger?: boolean | { level: string };
  trustProxy?: boolean | number | string;
  hsts?: boolean;
  issueLimits?: IssueLimits;
  /** DATABASE_URL (postgres://…) and CENTER_ID: the PostgreSQL store; default the SQLite file in the data folder. */
  store?: StoreChoice;
  /** KIOSK_AGENT_URL: where the kiosks find their agent, told to them in GET /center (null: the default). */
  kioskAgentUrl?: string | null;
  /** DOSSIER_SOURCE_URL and friends: dossier status from the province's system over HTTP (null: the local table). */
  dossierSource?: HttpDossierSourceOptions | null;
  /** PROVINCE_URL and PROVINCE_TOKEN: ship the event log to the province server (null: no link). */
  province?: { url: string; token: string; maxBackoffMs?: number } | null;
  /** REDIS_URL: share socket.io events and rate limits with the centre's other servers (null: in memory). */
  redisUrl?: string | null;
  /** SMS_GATEWAY_*, ZALO_ZNS_*, VAPID_*, NOTIFY_*: where notices to citizens go. */
  notify?: NotifySettings;
}

export type ConfigOutcome = { ok: true; settings: ServerSettings } | { ok: false; message: string };

const truthy = (v: string | undefined, dflt: boolean) => (v === undefined || v === '' ? dflt : !['0', 'false', 'no', 'off'].includes(v.toLowerCase()));

/** TRUST_PROXY: unset/0 off; 1/true trust every proxy; a number the hops; else the proxies' addresses or CIDRs, comma-separated. */
function trustProxyFrom(v: string | undefined): boolean | number | string {
  if (v === undefined || v === '' || ['0', 'false', 'no', 'off'].includes(v.toLowerCase())) return false;
  if (['1', 'true', 'yes', 'on'].includes(v.toLowerCase())) return true;
  return /^\d+$/.test(v) ? Number(v) : v;
}

/** MOBILE_TICKETS_PER_10_MIN and MOBILE_TICKETS_PER_DAY (0: no limit); a value that is not a count keeps the default. */
function issueLimitsFrom(env: Record<string, string | undefined>): IssueLimits {
  const count = (v: string | undefined, dflt: number) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : dflt);
  return {
    perWindow: count(env.MOBILE_TICKETS_PER_10_MIN, DEFAULT_ISSUE_LIMITS.perWindow),
    windowMs: DEFAULT_ISSUE_LIMITS.windowMs,
    perDay: count(env.MOBILE_TICKETS_PER_DAY, DEFAULT_ISSUE_LIMITS.perDay),
  };
}

/**
 * KIOSK_AGENT_URL: where this centre's kiosks find their local kiosk agent, when it is not the
 * default (ws://127.0.0.1:8181/ws) — `npm start` sets it to the agent it started, so a second copy
 * side by side prints through its own agent. A kiosk's install URL (`?agent=`) wins over it.
 */
export function kioskAgentUrlFrom(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  let url: URL | null = null;
  try {
    url = new URL(value.trim());
  } catch {
    url = null;
  }
  if (!url || !['ws:', 'wss:', 'http:', 'https:'].includes(url.protocol)) {
    throw new Error(`KIOSK_AGENT_URL "${value}" không phải địa chỉ ws:// hay http:// / is not a ws:// or http:// address`);
  }
  return url.href;
}

/**
 * DOSSIER_SOURCE_URL (the province's one-stop system, http or https), DOSSIER_SOURCE_TOKEN (its bearer
 * token), DOSSIER_SOURCE_TIMEOUT_MS (default 3000), DOSSIER_SOURCE_CACHE_SECONDS (default 60).
 */
export function dossierSourceFrom(env: Record<string, string | undefined>): HttpDossierSourceOptions | null {
  const url = env.DOSSIER_SOURCE_URL?.trim();
  if (!url) return null;
  const count = (v: string | undefined, dflt: number, name: string) => {
    if (v === undefined || v === '') return dflt;
    if (!/^\d+$/.test(v)) throw new Error(`${name} "${v}" không phải số nguyên dương / is not a whole number`);
    return Number(v);
  };
  const opts = { baseUrl: url, token: env.DOSSIER_SOURCE_TOKEN || null, timeoutMs: count(env.DOSSIER_SOURCE_TIMEOUT_MS, 3000, 'DOSSIER_SOURCE_TIMEOUT_MS'), cacheMs: count(env.DOSSIER_SOURCE_CACHE_SECONDS, 60, 'DOSSIER_SOURCE_CACHE_SECONDS') * 1000 };
  new HttpDossierSource(opts); // refuses an address that is not http(s) before the server starts
  return opts;
}

/**
 * PROVINCE_URL (http or https) with PROVINCE_TOKEN: the province link (issue 15.3); neither: none; one alone is an error.
 * PROVINCE_RETRY_MAX_MS: the longest wait between retries while the link is down (default 30000).
 */
export function provinceFrom(env: Record<string, string | undefined>): { url: string; token: string; maxBackoffMs?: number } | null {
  const url = env.PROVINCE_URL?.trim() ?? '';
  const token = env.PROVINCE_TOKEN?.trim() ?? '';
  if (!url && !token) return null;
  if (!url || !token) throw new Error('PROVINCE_URL và PROVINCE_TOKEN phải đặt cùng nhau / set PROVINCE_URL and PROVINCE_TOKEN together');
  let u: URL | null = null;
  try {
    u = new URL(url);
  } catch {
    u = null;
  }
  if (!u || !['http:', 'https:'].includes(u.protocol)) throw new Error(`PROVINCE_URL "${url}" không phải địa chỉ http(s):// / is not an http(s):// address`);
  const max = env.PROVINCE_RETRY_MAX_MS?.trim();
  if (max && !/^\d+$/.test(max)) throw new Error(`PROVINCE_RETRY_MAX_MS "${max}" không phải số nguyên dương / is not a whole number`);
  return { url: u.href, token, ...(max ? { maxBackoffMs: Math.max(100, Number(max)) } : {}) };
}

/** Reads PORT, HOST, DATA_DIR, DEMO, CENTER_CONFIG (+ config overrides) from the environment. */
export function settingsFromEnv(env: Record<string, string | undefined>, defaults: { demo: boolean }): ConfigOutcome {
  const demo = truthy(env.DEMO, defaults.demo);
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, message: text('invalid_port', { port: String(env.PORT) }) };
  const result = env.CENTER_CONFIG || !demo ? loadConfig({ env }) : loadConfig({ env, file: undefined });
  if (!result.ok) return { ok: false, message: formatConfigErrors(resolveConfigFile({ env }), result.errors) };
  const store = storeChoiceFromEnv(env, result.config.center.id);
  if ('error' in store) return { ok: false, message: store.error };
  let kioskAgentUrl: string | null;
  let dossierSource: HttpDossierSourceOptions | null;
  let province: ServerSettings['province'];
  let notify: NotifySettings;
  let redisUrl: string | null;
  try {
    redisUrl = redisUrlFrom(env.REDIS_URL);
    kioskAgentUrl = kioskAgentUrlFrom(env.KIOSK_AGENT_URL);
    dossierSource = dossierSourceFrom(env);
    province = provinceFrom(env);
    notify = notifySettingsFrom(env);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  return {
    ok: true,
    settings: {
      port,
      host: env.HOST ?? '0.0.0.0',
      dataDir: path.resolve(env.DATA_DIR ?? './data'),
      demo,
      config: result.config,
      enforceHours: env.ENFORCE_HOURS === undefined ? undefined : truthy(env.ENFORCE_HOURS, true),
      logger: env.LOG_LEVEL === 'silent' ? false : { level: env.LOG_LEVEL ?? 'info' },
      trustProxy: trustProxyFrom(env.TRUST_PROXY),
      hsts: truthy(env.HSTS, false),
      issueLimits: issueLimitsFrom(env),
      store,
      kioskAgentUrl,
      dossierSource,
      province,
      notify,
      redisUrl,
    },
  };
}

/** Starts a server on its data folder, which it holds alone (store/data-lock.ts): another server on it throws DataDirLocked. */
export async function startServer(s: ServerSettings): Promise<App & { url: string }> {
  mkdirSync(s.dataDir, { recursive: true });
  const tookOver: string[] = [];
  const lock = acquireDataLock(s.dataDir, { log: (line) => tookOver.push(line) });
  try {
    return await listenOn(s, tookOver, lock.release);
  } catch (e) {
    lock.release();
    throw e;
  }
}

async function listenOn(s: ServerSettings, notes: string[], release: () => void): Promise<App & { url: string }> {
  const built = await buildApp({ config: s.config, dataDir: s.dataDir, demo: s.demo, enforceHours: s.enforceHours, logger: s.logger, trustProxy: s.trustProxy, hsts: s.hsts, issueLimits: s.issueLimits, store: s.store, kioskAgentUrl: s.kioskAgentUrl, dossierSource: s.dossierSource, province: s.province, notify: s.notify, redisUrl: s.redisUrl });
  for (const line of notes) built.app.log.warn(line);
  built.app.addHook('onClose', async () => release());
  let address: string;
  try {
    address = await built.app.listen({ port: s.port, host: s.host });
  } catch (e) {
    await built.app.close();
    throw e;
  }
  const port = new URL(address).port;
  return { ...built, url: `http://${s.host === '0.0.0.0' || s.host === '::' ? '127.0.0.1' : s.host}:${port}` };
}

export { loadDemoConfig };
