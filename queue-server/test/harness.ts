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
  opts: { config?: CenterConfig; now?: () => number; enforceHours?: boolean; dataDir?: string; issueLimits?: IssueLimits; trustProxy?: AppOptions['trustProxy']; hsts?: boolean; sessionCheckMs?: number; store?: StoreChoice; dossierSource?: AppOptions['dossierSource'] } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'motcua-api-'));
  const built = await buildApp({ config: opts.config ?? loadDemoConfig(), dataDir, demo: true, logger: false, now: opts.now, enforceHours: opts.enforceHours ?? false,
    issueLimits: opts.issueLimits ?? NO_ISSUE_LIMITS,
    trustProxy: opts.trustProxy,
    hsts: opts.hsts,
    sessionCheckMs: opts.sessionCheckMs,
    store: opts.store ?? testStore(dataDir),
    dossierSource: opts.dossierSource,
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
