// `tsx src/main.ts`: the queue-server process. A bad configuration stops it
// with one readable message, never a stack trace.
import { settingsFromEnv, startServer } from './server.ts';
import { DataDirLocked } from './store/data-lock.ts';
import { startFailure, stopOnSignals } from './process-life.ts';

const outcome = settingsFromEnv(process.env, { demo: false });
if (!outcome.ok) {
  process.stderr.write(`${outcome.message}\n`);
  process.exit(2);
}
const s = outcome.settings;
try {
  const { app, url } = await startServer(s);
  const lines = [
    `${s.config.center.name} — queue-server đang chạy / running`,
    // A kiosk takes numbers with its device token (issue 14.2): the demo's is seeded, a real one comes from the admin.
    `  Kiosk:            ${url}/kiosk/${s.demo ? '?token=demo-kiosk-1' : ''}`,
    `  Bảng gọi số:      ${url}/board/`,
    `  Màn hình quầy:    ${url}/board/counter/1`,
    `  Cán bộ (quầy):    ${url}/counter/`,
    `  Quản lý:          ${url}/manager`,
    `  API:              ${url}/api/v1/health   (OpenAPI: ${url}/api/docs)`,
    `  Dữ liệu / data:   ${s.dataDir}`,
    // Never the URL itself: it may hold the database's password.
    ...(s.store?.kind === 'postgres' ? [`  Lưu trữ / store:  PostgreSQL, trung tâm / centre ${s.store.centerId}`] : []),
  ];
  if (s.demo) lines.push('  Demo: quay1…quay6, quanly, admin — mật khẩu / password "demo"');
  process.stdout.write(`${lines.join('\n')}\nQUEUE_SERVER_URL=${url}\n`);
  stopOnSignals(() => app.close());
} catch (e) {
  // Another server holds the data folder: its message names the process (pid, since when).
  process.stderr.write(`${e instanceof DataDirLocked ? e.message : startFailure(e, s.port)}\n`);
  process.exit(1);
}
