// `npm run province`: the province server. PORT (default 8090), HOST, DATABASE_URL
// (postgres://…; without it the SQLite file province.db in DATA_DIR), PROVINCE_CENTRES
// (the registry, a JSON file; demo mode without it: the demo seed), DEMO. `npm run province -- user …`:
// the office's accounts (user-cli.ts).
import path from 'node:path';
import { buildProvinceApp } from './app.ts';
import { startFailure, stopOnSignals } from '../process-life.ts';
import { DEMO_REGISTRY, loadRegistry } from './registry.ts';

const env = process.env;
// `npm run province -- user …`: the office's accounts in the registry file (user-cli.ts), not the server.
if (process.argv[2] === 'user') {
  const { provinceUserCli } = await import('./user-cli.ts');
  const code = await provinceUserCli(process.argv.slice(3), env);
  process.stdout.write('', () => process.exit(code));
  await new Promise(() => undefined);
}
const truthy = (v: string | undefined, dflt: boolean) => (v === undefined || v === '' ? dflt : !['0', 'false', 'no', 'off'].includes(v.toLowerCase()));
const demo = truthy(env.DEMO, false);
const port = Number(env.PORT ?? 8090);
const failStart = (msg: string): never => {
  process.stderr.write(`${msg}\n`);
  process.exit(2);
};
if (!Number.isInteger(port) || port < 0 || port > 65535) failStart(`PORT "${env.PORT}" không hợp lệ / is not a port`);
const url = env.DATABASE_URL ?? '';
if (url && !/^postgres(ql)?:\/\//.test(url)) failStart('DATABASE_URL phải bắt đầu bằng postgres:// / DATABASE_URL must start with postgres://');
let registry = DEMO_REGISTRY;
try {
  if (env.PROVINCE_CENTRES) registry = loadRegistry(env.PROVINCE_CENTRES);
  else if (!demo) failStart('Đặt PROVINCE_CENTRES (danh sách trung tâm, JSON) hoặc DEMO=1 / set PROVINCE_CENTRES (the centre registry, JSON) or DEMO=1');
} catch (e) {
  failStart((e as Error).message);
}
const dataDir = path.resolve(env.DATA_DIR ?? './data-province');
const host = env.HOST ?? '0.0.0.0';
try {
  const { app } = await buildProvinceApp({ registry, demo, dataDir, databaseUrl: url || null, logger: env.LOG_LEVEL === 'silent' ? false : { level: env.LOG_LEVEL ?? 'info' } });
  const address = await app.listen({ port, host });
  const base = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${new URL(address).port}`;
  const lines = [
    `${registry.name} — máy chủ tỉnh đang chạy / province server running`,
    `  Bảng tỉnh / board:  ${base}/province`,
    `  API:                ${base}/api/v1/province/centres`,
    `  Lưu trữ / store:    ${url ? 'PostgreSQL' : path.join(dataDir, 'province.db')}`,
    `  Trung tâm / centres: ${registry.centres.length}`,
  ];
  if (demo) lines.push('  Demo: tinh / demo; mã trung tâm / centre token: demo-province-<centre id>');
  process.stdout.write(`${lines.join('\n')}\nPROVINCE_SERVER_URL=${base}\n`);
  stopOnSignals(() => app.close());
} catch (e) {
  process.stderr.write(`${startFailure(e, port)}\n`);
  process.exit(1);
}
