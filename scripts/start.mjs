// `npm start`: install and build what changed since the last time (nothing, on a restart), then
// start the queue-server (demo centre by default, SQLite under DATA_DIR) and a kiosk-agent with
// simulated devices (AGENT_SIMULATE=1) on 8181, or on a free port when another copy has 8181.
// `npm run serve` (this script with --serve): the production start — no install, no build, no
// demo unless DEMO=1, no simulated kiosk agent (the agent runs on the kiosk PC) unless
// SIMULATED_AGENT=1.
// In a centre the server and the kiosk agent are separate machines: a queue-server that stops
// after it had started is started again alone (at once, then after 1 s, doubling to 30 s), the agent keeps running
// and finds it again. One that fails at start-up stops everything, as before: that is a setting
// to fix, not a crash to ride out.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { root, install, buildUis, buildAgent, buildServer, freshServerBundle } from './lib.mjs';

const serve = process.argv.includes('--serve');
if (serve) {
  const missing = ['kiosk-ui', 'display-board', 'counter-console'].filter((ui) => !existsSync(path.join(root, ui, 'dist', 'index.html')));
  if (!existsSync(path.join(root, 'node_modules', '.modules.yaml')) || missing.length) {
    console.error(`Chưa cài đặt hoặc chưa dựng giao diện (${missing.join(', ') || 'node_modules'}); hãy chạy "npm start" một lần / not installed or built yet: run "npm start" once`);
    process.exit(1);
  }
} else {
  install();
  buildUis();
  buildAgent();
  buildServer();
}

const env = { ...process.env, DEMO: process.env.DEMO ?? (serve ? '0' : '1'), DATA_DIR: path.resolve(process.env.DATA_DIR ?? path.join(root, 'data')) };
// node with the tsx loader: one process per service, signals reach it directly.
const node = (file) => [process.execPath, ['--import', 'tsx', file]];
const children = [];

// The bundle runs on bare node (a faster start); one older than the sources is never run.
const serverBundle = freshServerBundle();
if (!serverBundle) console.log('queue-server: chạy từ mã nguồn (chưa dựng bản gói, hoặc mã đã đổi) / running from source (no bundle, or the sources changed since it was built)');
const serverCommand = serverBundle ? [process.execPath, [serverBundle]] : node(path.join(root, 'queue-server/src/main.ts'));
const withAgent = !serve || env.SIMULATED_AGENT === '1';

/** Resolves when `port` can be listened on at 127.0.0.1 (0: any free one), to that port; else null. */
const tryPort = (port) =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(null));
    probe.listen(port, '127.0.0.1', () => {
      const got = probe.address().port;
      probe.close(() => resolve(got));
    });
  });

// Each copy its own kiosk agent: 8181 unless AGENT_PORT says otherwise or another copy has it,
// and the server tells its kiosks where it is (KIOSK_AGENT_URL in GET /api/v1/center).
if (withAgent) {
  const agentPort = env.AGENT_PORT ? Number(env.AGENT_PORT) : ((await tryPort(8181)) ?? (await tryPort(0)));
  if (!env.AGENT_PORT && agentPort !== 8181) console.log(`kiosk-agent: cổng 8181 đang bận, dùng ${agentPort} / port 8181 is taken, using ${agentPort}`);
  env.AGENT_PORT = String(agentPort);
  env.KIOSK_AGENT_URL ??= `ws://127.0.0.1:${agentPort}/ws`;
}
let server = null;
let agentStarted = false;
let stopping = false;
let failures = 0;

function startServer() {
  const s = spawn(...serverCommand, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  server = s;
  children.push(s);
  const startedAt = Date.now();
  let up = false;
  s.stdout.on('data', (d) => {
    process.stdout.write(d);
    const m = /QUEUE_SERVER_URL=(\S+)/.exec(d.toString());
    if (!m || up) return;
    up = true;
    // a restart must come back where the agent and the screens look for it
    env.PORT = new URL(m[1]).port;
    if (withAgent && !agentStarted) {
      agentStarted = true;
      startAgent(m[1]);
    }
  });
  s.on('exit', (code, signal) => {
    children.splice(children.indexOf(s), 1);
    if (stopping || !up) {
      for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
      process.exit(code ?? (stopping ? 0 : 1));
    }
    // a server that ran a good while starts the back-off afresh
    failures = Date.now() - startedAt > 60_000 ? 1 : failures + 1;
    // the first restart is at once (the hall is waiting); a server that keeps dying backs off
    const delay = failures === 1 ? 0 : Math.min(30_000, 1000 * 2 ** (failures - 2));
    console.error(
      `queue-server dừng (${code ?? signal}); khởi động lại sau ${delay / 1000} s, kiosk-agent vẫn chạy / queue-server stopped (${code ?? signal}); restarting it in ${delay / 1000} s, the kiosk agent keeps running`,
    );
    setTimeout(() => stopping || startServer(), delay);
  });
}
startServer();

function startAgent(serverUrl) {
  // The bundle runs on plain node (less memory); the TypeScript source under tsx is the fallback.
  const bundle = path.join(root, 'kiosk-agent/dist/main.js');
  const main = path.join(root, 'kiosk-agent/src/main.ts');
  if (!existsSync(bundle) && !existsSync(main)) return;
  const agent = spawn(...(existsSync(bundle) ? [process.execPath, [bundle]] : node(main)), {
    cwd: root,
    // The demo's agent is the simulated one: AGENT_SIMULATE=1 is what turns its simulators (and /sim/*) on.
    env: { DEVICE_TOKEN: 'demo-kiosk-1', ...env, AGENT_SIMULATE: '1', QUEUE_SERVER_URL: serverUrl },
    stdio: 'inherit',
  });
  children.push(agent);
  agent.on('exit', (code) => {
    if (code) console.error(`kiosk-agent dừng (mã ${code}); máy chủ vẫn chạy / kiosk-agent stopped (code ${code}); the server keeps running`);
  });
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    stopping = true;
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    // between a crash and its restart there is no server to wait for
    if (!server || server.exitCode !== null || server.signalCode !== null) process.exit(0);
  });
}
