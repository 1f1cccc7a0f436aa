// Call-to-board latency: from the moment a counter's call-next request leaves
// to the moment each of N connected socket.io clients holds the ticket.called
// event — the queue-server against a bare socket.io server that emits the same
// event to the same N clients when poked over HTTP.
import path from 'node:path';
import { percentile } from '../load.ts';
import { launch, repoRoot } from '../process.ts';
import { startQueueServer, staffAt, issueBody, KIOSK_AUTH, type QueueServer } from '../queue-server.ts';
import type { Swarm } from '../swarm.ts';

export interface RealtimeSettings {
  sockets: number;
  calls: number;
  /** Pause between calls, ms: calls are what a hall sees, a few a minute per counter. */
  gapMs: number;
}

export interface LatencyFigures {
  clients: number;
  calls: number;
  deliveries: number;
  /** Deliveries that never arrived within the wait. */
  missing: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface RealtimeFigures {
  queueServer: LatencyFigures;
  bareSocketIo: LatencyFigures;
  /** Resident memory of the bare socket.io server holding the clients. */
  bareRssBytes: number;
}

const WAIT_MS = 15_000;

function figures(samples: number[], clients: number, calls: number): LatencyFigures {
  samples.sort((a, b) => a - b);
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    clients,
    calls,
    deliveries: samples.length,
    missing: clients * calls - samples.length,
    p50Ms: r3(percentile(samples, 50)),
    p99Ms: r3(percentile(samples, 99)),
    maxMs: r3(samples[samples.length - 1] ?? NaN),
  };
}

async function measure(swarm: Swarm, s: RealtimeSettings, fire: (k: number) => Promise<string>): Promise<number[]> {
  const samples: number[] = [];
  for (let k = 0; k < s.calls; k++) {
    const sent = process.hrtime.bigint();
    const id = await fire(k);
    const times = await swarm.waitFor(id, s.sockets, WAIT_MS);
    for (const t of times) samples.push(Number(t - sent) / 1e6);
    await new Promise((r) => setTimeout(r, s.gapMs));
  }
  return samples;
}

/** Leaves the queue-server running with the clients still connected, for the memory phase. */
export async function realtimePhase(
  s: RealtimeSettings,
  swarm: Swarm,
  log: (m: string) => void,
): Promise<{ figures: RealtimeFigures; server: QueueServer; rssIdleBytes: number }> {
  const bare = await launch(path.join(repoRoot, 'tests/bench/baselines/bare-socketio.ts'), { key: 'BARE_URL' });
  await swarm.connect(bare.url, s.sockets);
  log(`  bare socket.io: ${s.sockets} clients connected`);
  const bareSamples = await measure(swarm, s, async (k) => {
    const id = `bare-${k}`;
    const r = await fetch(`${bare.url}/emit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id }) });
    if (r.status !== 204) throw new Error(`bare emit: HTTP ${r.status}`);
    return id;
  });
  const bareRssBytes = bare.rss();
  await swarm.disconnect();
  await bare.stop();

  const server = await startQueueServer();
  const rssIdleBytes = server.rss();
  const { api, counterId } = await staffAt(server.url, 1);
  // Enough waiting tickets that every call finds one.
  for (let i = 0; i < s.calls; i++) {
    const r = await api.post('/api/v1/tickets', issueBody(i), KIOSK_AUTH);
    if (r.status !== 201) throw new Error(`issue: HTTP ${r.status}`);
  }
  await swarm.connect(server.url, s.sockets, 'demo-board-1');
  log(`  queue-server: ${s.sockets} clients connected (board token)`);
  const serverSamples = await measure(swarm, s, async () => {
    const r = await api.post<{ ticket: { id: string } }>(`/api/v1/counters/${counterId}/call-next`);
    if (r.status !== 200) throw new Error(`call-next: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.ticket.id;
  });
  return {
    figures: { queueServer: figures(serverSamples, s.sockets, s.calls), bareSocketIo: figures(bareSamples, s.sockets, s.calls), bareRssBytes },
    server,
    rssIdleBytes,
  };
}
