/**
 * Issue 14.6: the built agent (dist/main.js, a real process) has simulated devices and their
 * /sim/* controls only with AGENT_SIMULATE=1, and refuses, on every route and the WebSocket,
 * a Host that is not its own (DNS rebinding) and an Origin that is not the kiosk UI's or its own.
 * Requests go through node:http so Host and Origin are exactly what a browser or curl would send.
 */
import { request } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VirtualPrinter } from '@mot-cua/hardware';
import { ensureBundle, startBuiltAgent, type BuiltAgent } from './built-agent.ts';
import { FakeQueueServer } from './fake-queue-server.ts';

type Answer = { status: number; body: string };

function call(agentUrl: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  const u = new URL(agentUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: u.hostname, port: u.port, method, path, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** The WebSocket handshake's outcome: 'open', or the HTTP status it was refused with. */
function handshake(agentUrl: string, headers: Record<string, string>): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${agentUrl.replace(/^http/, 'ws')}/ws`, { headers });
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

let server: FakeQueueServer;
let dataDir: string;

beforeAll(async () => {
  ensureBundle();
  server = new FakeQueueServer();
  await server.start();
  dataDir = await mkdtemp(join(tmpdir(), 'agent-guard-'));
}, 120_000);

afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('simulators only with AGENT_SIMULATE=1', () => {
  let agent: BuiltAgent | null = null;
  let printer: VirtualPrinter | null = null;
  afterEach(async () => {
    await agent?.stop();
    await printer?.close();
    agent = null;
    printer = null;
  });

  const env = (extra: Record<string, string>) => ({ QUEUE_SERVER_URL: server.url, DEVICE_TOKEN: 'demo-kiosk-1', DATA_DIR: dataDir, ...extra });

  it('a config file that leaves out the scanners has none, and no /sim/* route exists', async () => {
    printer = new VirtualPrinter({ dataDir, paperWidth: 80 });
    const { port } = await printer.listenTcp(0);
    const file = join(dataDir, 'no-scanners.yaml');
    await writeFile(file, `printer: { kind: tcp, address: "127.0.0.1:${port}" }\n`);
    agent = await startBuiltAgent(env({ AGENT_CONFIG: file }));
    const health = JSON.parse((await call(agent.url, 'GET', '/health', {})).body) as { parts: { kind: string }[] };
    expect(health.parts.map((p) => p.kind)).toEqual(['printer']);
    for (const [method, path, body] of [
      ['POST', '/sim/scan', { text: '079090012345|123456789|Nguyễn Văn A|15031960|Nam|Hà Nội|10082021' }],
      ['POST', '/sim/keypad', { counterId: 'quay-1', key: 'next' }],
      ['POST', '/sim/printer', { state: 'ok' }],
      ['GET', '/sim/printed', undefined],
      ['GET', '/sim/displays', undefined],
    ] as const) {
      expect((await call(agent.url, method, path, {}, body)).status, `${method} ${path}`).toBe(404);
    }
  });

  it('a keypad without a driver stops the agent with a message naming its path', async () => {
    const file = join(dataDir, 'keypad-no-driver.yaml');
    await writeFile(file, ['printer: { kind: tcp, address: "127.0.0.1:9" }', 'keypads:', '  - { id: keypad-1, kind: calling, counterId: quay-1, token: t }', ''].join('\n'));
    const start = startBuiltAgent(env({ AGENT_CONFIG: file }));
    await expect(start).rejects.toThrow(/exited with 1/);
    await expect(start).rejects.toThrow(/keypads\[0\]\.driver: bắt buộc \/ required: the keypad's driver \(hid\)/);
  });

  it('without AGENT_CONFIG and without AGENT_SIMULATE=1 it does not start, and says what to set', async () => {
    const start = startBuiltAgent(env({ AGENT_CONFIG: '', AGENT_SIMULATE: '' }));
    await expect(start).rejects.toThrow(/AGENT_CONFIG=<YAML file>, or AGENT_SIMULATE=1/);
  });
});

describe('Host and Origin on every route', () => {
  let agent: BuiltAgent;
  let own: string;
  beforeAll(async () => {
    agent = await startBuiltAgent({
      AGENT_SIMULATE: '1',
      QUEUE_SERVER_URL: server.url,
      DEVICE_TOKEN: 'demo-kiosk-1',
      DATA_DIR: dataDir,
      AGENT_ALLOWED_HOSTS: 'kiosk-7.local',
    });
    own = new URL(agent.url).host;
  }, 30_000);
  afterAll(() => agent.stop());
  const port = () => new URL(agent.url).port;

  it('answers its own names, with or without their port, and AGENT_ALLOWED_HOSTS', async () => {
    for (const host of [own, `localhost:${port()}`, `[::1]:${port()}`, '127.0.0.1', 'LOCALHOST', `kiosk-7.local:${port()}`]) {
      expect((await call(agent.url, 'GET', '/health', { host })).status, host).toBe(200);
    }
  });

  it('refuses 403 a foreign Host (DNS rebinding) on the health, the sim controls and unknown paths', async () => {
    const before = server.requests.length;
    for (const host of ['rebind.evil.example', `rebind.evil.example:${port()}`, '127.0.0.1.evil.example', `127.0.0.1:${Number(port()) + 1}`]) {
      for (const [method, path, body] of [
        ['GET', '/health', undefined],
        ['POST', '/sim/keypad', { counterId: 'quay-1', key: 'next' }],
        ['POST', '/sim/scan', { text: '079090012345|123456789|Nguyễn Văn A|15031960|Nam|Hà Nội|10082021' }],
        ['GET', '/sim/printed', undefined],
        ['GET', '/nowhere', undefined],
      ] as const) {
        const r = await call(agent.url, method, path, { host }, body);
        expect(r.status, `${method} ${path} Host ${host}`).toBe(403);
        expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'forbidden_host' } });
      }
    }
    // No key press reached the queue-server.
    await new Promise((r) => setTimeout(r, 300));
    expect(server.requests.slice(before).filter((r) => r.path.includes('/counters/'))).toEqual([]);
  });

  it('refuses 403 a foreign Origin, takes the kiosk UI’s and its own, and takes no Origin from a local tool', async () => {
    const press = (headers: Record<string, string>) => call(agent.url, 'POST', '/sim/keypad', { host: own, ...headers }, { counterId: 'quay-5', key: 'recall' });
    for (const origin of ['https://evil.example', 'http://localhost:3000', 'http://127.0.0.1:1', 'null', `http://kiosk-7.local:${port()}`]) {
      const r = await press({ origin });
      expect(r.status, origin).toBe(403);
      expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'forbidden_origin' } });
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(server.to('/api/v1/counters/quay-5/current/recall')).toEqual([]);
    // The queue-server's page (the kiosk UI), under another loopback name too, the agent's own, and curl.
    const serverPort = new URL(server.url).port;
    expect((await call(agent.url, 'GET', '/health', { host: own, origin: server.url })).status).toBe(200);
    expect((await call(agent.url, 'GET', '/health', { host: own, origin: `http://localhost:${serverPort}` })).status).toBe(200);
    expect((await call(agent.url, 'GET', '/health', { host: own, origin: agent.url })).status).toBe(200);
    expect((await press({})).status).toBe(202);
    await server.waitFor(() => server.to('/api/v1/counters/quay-5/current/recall').length === 1);
  });

  it('checks the WebSocket handshake the same way', async () => {
    expect(await handshake(agent.url, { host: own, origin: server.url })).toBe('open');
    expect(await handshake(agent.url, { host: own })).toBe('open');
    expect(await handshake(agent.url, { host: `rebind.evil.example:${port()}`, origin: server.url })).toBe(403);
    expect(await handshake(agent.url, { host: own, origin: 'https://evil.example' })).toBe(403);
    // Another web app on this machine is not the kiosk UI.
    expect(await handshake(agent.url, { host: own, origin: 'http://localhost:5173' })).toBe(403);
  });
});
