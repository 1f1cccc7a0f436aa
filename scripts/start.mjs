// `npm start`: install and build what changed since the last time (nothing, on a restart), then
// start the queue-server (demo centre by default, SQLite under DATA_DIR) and a kiosk-agent with
// simulated devices.
// `npm run serve` (this script with --serve): the production start — no install, no build, no
// demo unless DEMO=1, no simulated kiosk agent (the agent runs on the kiosk PC).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { root, install, buildUis, buildAgent } from './lib.mjs';

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
}

const env = { ...process.env, DEMO: process.env.DEMO ?? (serve ? '0' : '1'), DATA_DIR: path.resolve(process.env.DATA_DIR ?? path.join(root, 'data')) };
// node with the tsx loader: one process per service, signals reach it directly.
const node = (file) => [process.execPath, ['--import', 'tsx', file]];
const children = [];

const server = spawn(...node(path.join(root, 'queue-server/src/main.ts')), { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
children.push(server);
let started = false;
server.stdout.on('data', (d) => {
  process.stdout.write(d);
  const m = /QUEUE_SERVER_URL=(\S+)/.exec(d.toString());
  if (m && !started) {
    started = true;
    if (!serve) startAgent(m[1]);
  }
});
server.on('exit', (code) => {
  for (const c of children) if (c !== server && c.exitCode === null) c.kill('SIGTERM');
  process.exit(code ?? 1);
});

function startAgent(serverUrl) {
  // The bundle runs on plain node (less memory); the TypeScript source under tsx is the fallback.
  const bundle = path.join(root, 'kiosk-agent/dist/main.js');
  const main = path.join(root, 'kiosk-agent/src/main.ts');
  if (!existsSync(bundle) && !existsSync(main)) return;
  const agent = spawn(...(existsSync(bundle) ? [process.execPath, [bundle]] : node(main)), {
    cwd: root,
    env: { AGENT_SIMULATE: '1', DEVICE_TOKEN: 'demo-kiosk-1', ...env, QUEUE_SERVER_URL: serverUrl },
    stdio: 'inherit',
  });
  children.push(agent);
  agent.on('exit', (code) => {
    if (code) console.error(`kiosk-agent dừng (mã ${code}); máy chủ vẫn chạy / kiosk-agent stopped (code ${code}); the server keeps running`);
  });
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  });
}
