// The real kiosk agent in-process with simulated devices, for browser tests that print and scan.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAgent, type RunningAgent } from '../../kiosk-agent/src/agent.ts';

/** Kiosk 1's agent on a free port, reporting to the server, retrying fast so a test never waits long. */
export function startKioskAgent(queueServerUrl: string): Promise<RunningAgent> {
  return startAgent({
    port: 0,
    // the AGENT_SIMULATE=1 of `npm start`'s demo agent: simulated devices and their /sim/* controls
    simulate: true,
    queueServerUrl,
    deviceToken: 'demo-kiosk-1',
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'kiosk-agent-')),
    logger: false,
    retry: { baseDelayMs: 100, maxDelayMs: 1000 },
  });
}
