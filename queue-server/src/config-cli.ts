// `npm run config -- export > centre.yaml`: the live centre configuration (the one
// the admin console edits, stored in the data folder) written as YAML in the
// file's own shape; the config package loads it back to the same configuration.
// Reads the server's data folder (DATA_DIR, default ./data, as the server and
// `npm run user`, or DATABASE_URL's PostgreSQL); a data folder that never ran exports its YAML seed.
import { configToYaml, parseConfig, type CenterConfig } from '@mot-cua/config';
import { settingsFromEnv } from './server.ts';
import { openStore } from './store/open.ts';
import { CONFIG_META_KEY } from './services/center-config.service.ts';

const USAGE = `Dùng / usage:
  npm run config -- export > centre.yaml
  (cấu hình đang chạy của thư mục dữ liệu DATA_DIR, dạng YAML / the live configuration of the DATA_DIR data folder, as YAML)`;

/** The stored live configuration, or null when the data folder has none (it never started). */
function storedConfig(stored: string | null): { ok: true; config: CenterConfig | null } | { ok: false; error: string } {
  if (stored === null) return { ok: true, config: null };
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return { ok: false, error: 'cấu hình đã lưu bị hỏng (JSON) / the stored configuration is not JSON' };
  }
  const parsed = parseConfig(raw);
  return parsed.ok ? { ok: true, config: parsed.config } : { ok: false, error: `cấu hình đã lưu không hợp lệ / the stored configuration is invalid: ${parsed.errors[0]}` };
}

async function main(argv: string[]): Promise<number> {
  const [cmd] = argv;
  if (cmd !== 'export') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const outcome = settingsFromEnv(process.env, { demo: false });
  if (!outcome.ok) {
    process.stderr.write(`${outcome.message}\n`);
    return 2;
  }
  const { dataDir, config: seed } = outcome.settings;
  // The data folder's store, as `npm run user` opens it (PostgreSQL with DATABASE_URL and CENTER_ID).
  const { port } = await openStore(outcome.settings.store ?? { kind: 'sqlite' }, dataDir, { configCenterId: seed.center.id, groupCommit: false });
  try {
    const stored = storedConfig(await port.reads.meta(CONFIG_META_KEY));
    if (!stored.ok) {
      process.stderr.write(`${stored.error}\n`);
      return 1;
    }
    const config = stored.config ?? seed;
    const from = stored.config ? `thư mục dữ liệu / data folder ${dataDir}` : `tệp YAML (thư mục dữ liệu chưa chạy lần nào) / the YAML seed (the data folder never started)`;
    process.stdout.write(configToYaml(config, `Cấu hình trung tâm ${config.center.name}, xuất từ ${from}\nCentre configuration, exported ${new Date().toISOString()}`));
    return 0;
  } finally {
    await port.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
