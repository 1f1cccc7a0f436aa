// The real server in-process on a free port with a fresh SQLite file.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemoConfig, type CenterConfig } from '@mot-cua/config';
import { buildApp, type App } from '../src/app.ts';
import { ApiClient } from '../../tests/support/api.ts';

export interface TestServer extends App {
  url: string;
  dataDir: string;
  client(headers?: Record<string, string>): ApiClient;
  close(): Promise<void>;
}

export async function startTestServer(opts: { config?: CenterConfig; now?: () => number; enforceHours?: boolean; dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'motcua-api-'));
  const built = await buildApp({ config: opts.config ?? loadDemoConfig(), dataDir, demo: true, logger: false, now: opts.now, enforceHours: opts.enforceHours ?? false });
  const address = await built.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    ...built,
    url: address,
    dataDir,
    client: (headers) => new ApiClient(address, headers),
    close: () => built.app.close(),
  };
}
