/**
 * The kiosk agent: one process per kiosk PC. Drives the printer, scanners, keypads and LED
 * displays (real or simulated), serves the kiosk UI on ws://127.0.0.1:<port>/ws and reports
 * device health to the queue-server. Bound to 127.0.0.1 only: nothing on the network can print;
 * every request's Host and Origin are checked (request-guard.ts), so no web page can either.
 * Simulated devices and their /sim/* controls exist only with AGENT_SIMULATE=1 (`simulate`).
 */
import Fastify, { type FastifyServerOptions } from 'fastify';
import { simulatedConfig, simulatedParts, loadAgentConfig, type AgentConfig } from './config.ts';
import { ChipService, loadCsca } from './chip.ts';
import { CounterFeed } from './counter-feed.ts';
import { createDevices } from './devices.ts';
import { HealthReporter } from './health.ts';
import { KeypadBridge, type KeypadAction } from './keypad-bridge.ts';
import { Parts } from './parts.ts';
import { PrintService } from './print-service.ts';
import { QueueClient } from './queue-client.ts';
import { requestGuard } from './request-guard.ts';
import { simRoutes } from './sim-routes.ts';
import { wsPlugin } from './ws.ts';

const BIND_HOST = '127.0.0.1';

export type AgentOptions = {
  /** default: AGENT_PORT, else the config file's `port`, else 8181; 0 picks a free port */
  port?: number;
  /** Simulated devices and the /sim/* controls (default: AGENT_SIMULATE=1). Off, a simulator in the config is refused. */
  simulate?: boolean;
  /** default: every device simulated when simulating, else the AGENT_CONFIG file */
  config?: AgentConfig;
  /** default: QUEUE_SERVER_URL or http://127.0.0.1:8080 */
  queueServerUrl?: string;
  /** default: DEVICE_TOKEN or demo-kiosk-1 */
  deviceToken?: string;
  /** default: DATA_DIR or ./data; the virtual printer writes to <dataDir>/printed */
  dataDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** extra origins allowed besides the queue-server's and the agent's own (AGENT_ALLOWED_ORIGINS) */
  allowedOrigins?: string[];
  /** extra names allowed in Host besides localhost, 127.0.0.1 and [::1] (AGENT_ALLOWED_HOSTS) */
  allowedHosts?: string[];
  retry?: { baseDelayMs?: number; maxDelayMs?: number };
};

export type RunningAgent = { url: string; close(): Promise<void> };

async function resolveConfig(opts: AgentOptions, simulate: boolean): Promise<AgentConfig> {
  const config =
    opts.config ??
    (simulate
      ? simulatedConfig(process.env.AGENT_TEXT_MODE === 'raster' ? 'raster' : 'cp1258')
      : process.env.AGENT_CONFIG
        ? await loadAgentConfig(process.env.AGENT_CONFIG)
        : null);
  if (!config) {
    throw new Error(
      'chưa có cấu hình thiết bị: đặt AGENT_CONFIG=<tệp YAML>, hoặc AGENT_SIMULATE=1 để chạy thử với thiết bị mô phỏng / no device config: set AGENT_CONFIG=<YAML file>, or AGENT_SIMULATE=1 for simulated devices',
    );
  }
  const simulated = simulatedParts(config);
  if (!simulate && simulated.length) {
    throw new Error(`thiết bị mô phỏng chỉ dùng với AGENT_SIMULATE=1 / simulators only with AGENT_SIMULATE=1: ${simulated.join(', ')}`);
  }
  return config;
}

export async function startAgent(opts: AgentOptions = {}): Promise<RunningAgent> {
  const simulate = opts.simulate ?? process.env.AGENT_SIMULATE === '1';
  const config = await resolveConfig(opts, simulate);
  const port = opts.port ?? Number(process.env.AGENT_PORT ?? config.port ?? 8181);
  const queueServerUrl = opts.queueServerUrl ?? process.env.QUEUE_SERVER_URL ?? 'http://127.0.0.1:8080';
  const deviceToken = opts.deviceToken ?? process.env.DEVICE_TOKEN ?? 'demo-kiosk-1';
  const dataDir = opts.dataDir ?? process.env.DATA_DIR ?? './data';

  const app = Fastify({ logger: opts.logger ?? { level: process.env.LOG_LEVEL ?? 'info' } });
  const log = { info: (m: string) => app.log.info(m), warn: (m: string) => app.log.warn(m) };

  const devices = await createDevices(config, dataDir, log);
  const client = new QueueClient({ baseUrl: queueServerUrl, logger: log, ...opts.retry });
  const parts = new Parts();
  const chips = devices.chipReaders.map((r, i) => {
    const cscaPath = config.chipReaders?.[i]?.cscaPath;
    return new ChipService(r, { logger: log, csca: cscaPath ? loadCsca(cscaPath) : [] });
  });
  // An MRZ scanned at this kiosk is the access key for the card laid on the chip reader next.
  for (const s of devices.scanners) s.on('scan', (e) => e.source === 'mrz' && e.cccd && chips.forEach((c) => c.useMrz(e.raw)));
  for (const d of [...devices.scanners, ...devices.keypads, ...devices.displays, ...chips]) {
    parts.set(d.status());
    d.on('status', (p) => parts.set(p));
  }
  const printService = new PrintService(devices.printer, parts, client, deviceToken, log);
  await printService.refresh();
  printService.startPolling(config.printerPollMs);
  await Promise.all(devices.displays.map((d) => (d as { ping?: () => Promise<boolean> }).ping?.()));

  const displayByCounter = new Map(devices.displays.map((d, i) => [config.displays[i]!.counterId, d]));
  const feed = new CounterFeed(queueServerUrl, deviceToken, displayByCounter, log);
  feed.start();

  let services: { at: number; ids: string[] } | null = null;
  type CenterView = { ratingReasons?: { id: string }[]; satisfactionLevels?: { score: number; satisfied: boolean }[] };
  let centerView: { at: number; body: CenterView } | null = null;
  const center = async (): Promise<CenterView> => {
    if (centerView && Date.now() - centerView.at < 5 * 60_000) return centerView.body;
    const res = await fetch(new URL('/api/v1/center', queueServerUrl), { signal: AbortSignal.timeout(5000) });
    centerView = { at: Date.now(), body: (await res.json()) as CenterView };
    return centerView.body;
  };
  const tokens = new Map(config.keypads.map((k) => [k.id, k.token]));
  const bridge = new KeypadBridge({
    client,
    logger: log,
    tokenFor: (id) => tokens.get(id),
    debounceMs: config.debounceMs,
    services: async () => {
      if (services && Date.now() - services.at < 5 * 60_000) return services.ids;
      const res = await fetch(new URL('/api/v1/center', queueServerUrl), { signal: AbortSignal.timeout(5000) });
      const body = (await res.json()) as { services?: { id: string }[] };
      services = { at: Date.now(), ids: (body.services ?? []).map((s) => s.id) };
      return services.ids;
    },
    // a rating keypad with reason keys: its keys stand for the configured reasons, else the centre's in order
    reasonsOf: async (id) => {
      if (!devices.reasonKeyed.has(id)) return null;
      return config.keypads.find((k) => k.id === id)?.reasons ?? ((await center()).ratingReasons ?? []).map((r) => r.id);
    },
    satisfiedScores: async () => ((await center()).satisfactionLevels ?? []).filter((l) => l.satisfied).map((l) => l.score),
    onResult: (action: KeypadAction, status, body) => {
      if (status === null || status >= 300) return;
      if (action.path.endsWith('/call-next')) {
        const number = (body as { ticket?: { number?: string } } | null)?.ticket?.number;
        feed.local(action.counterId, status === 200 && number ? number : '');
      } else if (/\/current\/(finish|no-show|transfer)$/.test(action.path)) feed.local(action.counterId, '');
    },
  });
  for (const k of devices.keypads) k.on('key', (p) => void bridge.press(p));

  const health = new HealthReporter(parts, client, deviceToken, config.healthIntervalMs);
  health.start();

  let actualPort = port;
  const refuse = requestGuard({
    bindHost: BIND_HOST,
    port: () => actualPort,
    queueServerUrl,
    allowedHosts: opts.allowedHosts ?? [],
    allowedOrigins: opts.allowedOrigins ?? [],
  });
  // On the root instance: every route, the WebSocket upgrade and the 404s alike.
  app.addHook('onRequest', async (req, reply) => {
    const refusal = refuse({ host: req.headers.host, origin: req.headers.origin });
    if (refusal) {
      app.log.warn(`refused ${req.method} ${req.url.split('?')[0]}: ${refusal.code} (Host ${req.headers.host ?? '-'}, Origin ${req.headers.origin ?? '-'})`);
      return reply.code(403).send({ error: refusal });
    }
  });
  // A refused WebSocket upgrade holds its socket outside the HTTP server: close it, or a stop waits for it.
  app.addHook('onResponse', async (req) => {
    if (req.headers.upgrade && req.raw.socket.writable) req.raw.socket.end();
  });
  await app.register(wsPlugin, { parts, printService, scanners: [...devices.scanners, ...chips], chips });
  if (simulate) await app.register(simRoutes, { devices, printService, chips });
  app.get('/health', async () => ({ status: 'ok', parts: parts.list() }));

  try {
    await app.listen({ host: BIND_HOST, port });
  } catch (e) {
    feed.close();
    health.stop();
    await printService.close();
    await client.close();
    await devices.close();
    throw e;
  }
  const addr = app.server.address();
  actualPort = typeof addr === 'object' && addr ? addr.port : port;

  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: async () => {
      feed.close();
      health.stop();
      await printService.close();
      await app.close();
      await client.close();
      await devices.close();
    },
  };
}
