// The real server in-process on a free port with a fresh SQLite file, or, with
// TEST_STORE=postgres, a fresh centre in the PostgreSQL of DATABASE_URL (the
// test command starts one; run alone, the test starts its own: scripts/pg.mjs).
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemoConfig, type CenterConfig } from '@mot-cua/config';
import { buildApp, type App, type AppOptions } from '../src/app.ts';
import type { IssueLimits } from '../src/services/issue-limit.ts';
import type { StoreChoice } from '../src/store/open.ts';
import { testDatabaseUrl } from '../src/store/postgres/test-pg.ts';
import { ApiClient } from '../../tests/support/api.ts';

export interface TestServer extends App {
  url: string;
  dataDir: string;
  client(headers?: Record<string, string>): ApiClient;
  close(): Promise<void>;
}

/**
 * Test servers take any number of tickets without credentials from 127.0.0.1
 * (the tests of other features issue dozens): the per-address limits have their
 * own test (tests/security/issue-limits.spec.ts), at the production defaults.
 */
const NO_ISSUE_LIMITS: IssueLimits = { perWindow: 0, windowMs: 600_000, perDay: 0 };

/** TEST_STORE: `sqlite` (default) or `postgres`; on PostgreSQL the data folder names the centre, so a restart on it finds its data. */
export function testStore(dataDir: string): StoreChoice {
  const kind = process.env.TEST_STORE ?? 'sqlite';
  if (kind === 'sqlite') return { kind: 'sqlite' };
  if (kind !== 'postgres') throw new Error(`TEST_STORE=${kind}: sqlite or postgres`);
  return { kind: 'postgres', url: testDatabaseUrl(), centerId: `test-${createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16)}` };
}

export async function startTestServer(
  opts: { config?: CenterConfig; now?: () => number; enforceHours?: boolean; dataDir?: string; issueLimits?: IssueLimits; trustProxy?: AppOptions['trustProxy']; hsts?: boolean; sessionCheckMs?: number; store?: StoreChoice; dossierSource?: AppOptions['dossierSource']; notify?: AppOptions['notify'] } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'motcua-api-'));
  const built = await buildApp({ config: opts.config ?? loadDemoConfig(), dataDir, demo: true, logger: false, now: opts.now, enforceHours: opts.enforceHours ?? false,
    issueLimits: opts.issueLimits ?? NO_ISSUE_LIMITS,
    trustProxy: opts.trustProxy,
    hsts: opts.hsts,
    sessionCheckMs: opts.sessionCheckMs,
    store: opts.store ?? testStore(dataDir),
    dossierSource: opts.dossierSource,
    notify: opts.notify,
  });
  const address = await built.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    ...built,
    url: address,
    dataDir,
    client: (headers) => new ApiClient(address, headers),
    close: () => built.app.close(),
  };
}

/** A visit as its citizen holds it: the ticket and the status URL its slip's QR carries. */
export type HeldTicket = { id: string; statusUrl: string };

/** The slip's proof that its holder may rate the visit: the `?k=` of the QR's status URL. */
export const slipKey = (t: HeldTicket): string => new URL(t.statusUrl).searchParams.get('k')!;

/** A test server on a clock the test moves, with a counter official and the kiosk that issue and serve visits. */
export interface ServedVisits {
  server: TestServer;
  /** quay2, signed in at quay-2 (Hộ tịch). */
  clerk: ApiClient;
  /** The demo kiosk, by its device token. */
  kiosk: ApiClient;
  /** The server's clock (ms). */
  now(): number;
  /** Sets the clock to `hhmm` of `day` (default: the fixture's day), Vietnam time. */
  at(hhmm: string, day?: string): number;
  /** Moves the clock on by `ms`. */
  advance(ms: number): void;
  /** A ho-tich visit issued at the kiosk at `issued`, called at `called` (its wait) and finished at quay-2, outcome other. */
  served(issued: string, called: string): Promise<HeldTicket>;
  close(): Promise<void>;
}

/** The set-up of the rating tests: the server at 07:00 of `day`, a served ticket and its slip proof a call away. */
export async function startServedVisits(day: string): Promise<ServedVisits> {
  let clock = 0;
  const at = (hhmm: string, on = day) => (clock = Date.parse(`${on}T${hhmm}:00+07:00`));
  at('07:00');
  const server = await startTestServer({ now: () => clock });
  const clerk = server.client();
  await clerk.login('quay2', 'quay-2');
  const kiosk = server.client({ authorization: 'Bearer demo-kiosk-1' });
  return {
    server,
    clerk,
    kiosk,
    now: () => clock,
    at,
    advance: (ms) => (clock += ms),
    async served(issued, called) {
      at(issued);
      const t = (await kiosk.post<HeldTicket>('/api/v1/tickets', { serviceId: 'ho-tich', channel: 'kiosk' })).body;
      at(called);
      await clerk.post(`/api/v1/tickets/${t.id}/call`);
      await clerk.post(`/api/v1/tickets/${t.id}/finish`, { outcome: 'other' });
      return t;
    },
    close: () => server.close(),
  };
}
