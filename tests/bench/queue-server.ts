// The real queue-server as a child process — its bundle, as a centre runs it: demo centre,
// fresh SQLite in a temporary folder, loopback only, request logging off (warn) as in the tests.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, repoRoot, type Child } from './process.ts';
import { ApiClient } from '../support/api.ts';

export interface QueueServer extends Child {
  dataDir: string;
}

export async function startQueueServer(): Promise<QueueServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
  // The bundle, as `npm start` and `npm run serve` run it (scripts/run.mjs and the test command build it).
  const bundle = path.join(repoRoot, 'queue-server/dist/server/main.js');
  if (!existsSync(bundle)) throw new Error('no queue-server bundle: run `node queue-server/build/build.mjs` (npm run bench builds it)');
  const child = await launch(bundle, {
    key: 'QUEUE_SERVER_URL',
    env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'warn' },
  });
  return {
    ...child,
    dataDir,
    stop: async () => {
      await child.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A demo official logged in at a counter (quay1 at quay-1, …). */
export async function staffAt(url: string, n: number): Promise<{ api: ApiClient; counterId: string }> {
  const api = new ApiClient(url);
  await api.login(`quay${n}`, `quay-${n}`);
  return { api, counterId: `quay-${n}` };
}

export const DEMO_SERVICES = ['ho-tich', 'chung-thuc', 'dat-dai', 'xay-dung', 'lao-dong-xa-hoi', 'ho-kinh-doanh'] as const;
/** The demo kiosk's device token: the `kiosk` channel needs it, and a number without it is a `mobile` one, limited per address. */
export const KIOSK_AUTH: Readonly<Record<string, string>> = { authorization: 'Bearer demo-kiosk-1' };

export const issueBody = (i: number) => ({ serviceId: DEMO_SERVICES[i % DEMO_SERVICES.length]!, channel: 'kiosk', kioskId: 'kiosk-1' });
