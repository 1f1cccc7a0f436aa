// `npm run procedures -- import <file.csv|file.xlsx> [--dry-run] [--json] [--field "Tên lĩnh vực=service-id"]…`: the
// province's procedure catalogue into the centre's live configuration (issue 13.4).
// Works on the server's data folder (DATA_DIR, and DATABASE_URL as the server);
// a dry run only reads and may run beside the server; the import itself takes
// the folder's lock, so it refuses while a server runs there (use the admin
// console or POST /api/v1/admin/procedures/import then).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { COLUMN_LABELS, applyCatalogue, importCatalogue, parseConfig, type CatalogueColumn, type CatalogueImport, type CenterConfig } from '@mot-cua/config';
import { settingsFromEnv } from './server.ts';
import { openStore } from './store/open.ts';
import type { StorePort } from './store/index.ts';
import { acquireDataLock, DataDirLocked } from './store/data-lock.ts';
import { Bus } from './services/bus.ts';
import { CenterConfigService, CONFIG_META_KEY } from './services/center-config.service.ts';
import { catalogueReport } from './http/admin-procedures.routes.ts';
import { DomainError } from './domain/index.ts';

const USAGE = `Dùng / usage:
  npm run procedures -- import <tệp.csv|tệp.xlsx> [--dry-run] [--json] [--field "Lĩnh vực trong tệp=id-linh-vuc"]…
  (--field: lĩnh vực của tệp ứng với lĩnh vực nào của trung tâm / which centre field a file's field is;
   --dry-run: chỉ liệt kê thủ tục sẽ thêm, sửa, bỏ / only list what would be added, changed, removed;
   DATA_DIR chọn thư mục dữ liệu / selects the data folder; máy chủ phải dừng khi nhập thật / the server must be stopped for the import itself)`;

const ACTOR = 'cli';

type Report = ReturnType<typeof catalogueReport>;

function print(r: Report, out: (s: string) => void): void {
  const columns = (cs: string[]) => cs.map((c) => COLUMN_LABELS[c as CatalogueColumn] ?? c).join(', ');
  out(
    `Tệp ${r.format.toUpperCase()}, ${r.total} thủ tục: thêm ${r.added.length}, sửa ${r.changed.length}, bỏ ${r.removed.length}, giữ nguyên ${r.unchanged}` +
      ` / ${r.format.toUpperCase()} file, ${r.total} procedures: ${r.added.length} added, ${r.changed.length} changed, ${r.removed.length} removed, ${r.unchanged} unchanged`,
  );
  for (const a of r.added) out(`  + ${a.code} ${a.name} (dòng ${a.row})`);
  for (const c of r.changed) out(`  ~ ${c.code} ${c.name} (dòng ${c.row}): ${columns(c.columns)}`);
  for (const d of r.removed) out(`  - ${d.code} ${d.name}`);
  if (r.ignoredColumns.length > 0) out(`Cột không dùng / columns not used: ${r.ignoredColumns.join(', ')}`);
  if (r.unknownFields.length > 0)
    out(
      `Lĩnh vực không có ở trung tâm (thêm lĩnh vực, hoặc --field "Tên=id") / fields the centre lacks: ${r.unknownFields.map((f) => `${f.name} (${f.rows.length} dòng)`).join('; ')}`,
    );
  if (r.errors.length > 0) {
    out(`Lỗi / errors (${r.errors.length}):`);
    for (const e of r.errors) out(`  ${e.text}`);
  }
  if (r.warnings.length > 0) {
    out(`Lưu ý / notes (${r.warnings.length}):`);
    for (const w of r.warnings) out(`  ${w.text}`);
  }
}

type Io = { out: (s: string) => void; err: (s: string) => void };

/** Prints a dry run, or an import that cannot go ahead; the exit code: 0 fine, 1 the file has problems. */
function report(result: CatalogueImport, o: { dryRun: boolean; json: boolean; io: Io }): number {
  if (!result.ok) {
    o.io.err(result.error);
    return 1;
  }
  const r = catalogueReport(result, o.dryRun, false);
  if (o.json) o.io.out(JSON.stringify(r, null, 2));
  else print(r, o.io.out);
  if (o.dryRun) {
    if (!o.json) o.io.out('Chạy thử: chưa thay đổi gì / dry run: nothing changed');
    return result.errors.length > 0 ? 1 : 0;
  }
  o.io.err(`Tệp có ${result.errors.length} lỗi, chưa nhập gì / the file has problems; nothing was imported`);
  return 1;
}

/** The configuration the server would use: the stored one, else the YAML file (read only: a dry run writes nothing). */
async function storedConfig(port: StorePort, seed: CenterConfig): Promise<CenterConfig> {
  const raw = await port.reads.meta(CONFIG_META_KEY);
  if (raw === null) return seed;
  try {
    const parsed = parseConfig(JSON.parse(raw));
    return parsed.ok ? parsed.config : seed;
  } catch {
    return seed;
  }
}

export async function main(argv: string[], io: Io = { out: (s: string) => process.stdout.write(`${s}\n`), err: (s: string) => process.stderr.write(`${s}\n`) }): Promise<number> {
  const [cmd, file, ...rest] = argv;
  let dryRun = false;
  let json = false;
  const fieldMap: Record<string, string> = {};
  let usage = cmd !== 'import' || !file;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--dry-run') dryRun = true;
    else if (a === '--json') json = true;
    else if (a === '--field' && /^[^=]+=[a-z0-9][a-z0-9_-]*$/.test(rest[i + 1] ?? '')) {
      const [name, id] = rest[++i]!.split('=') as [string, string];
      fieldMap[name.trim()] = id;
    } else usage = true;
  }
  if (usage || !file) {
    io.err(USAGE);
    return 2;
  }
  const outcome = settingsFromEnv(process.env, { demo: false });
  if (!outcome.ok) {
    io.err(outcome.message);
    return 2;
  }
  const { dataDir, config: seed, store: choice } = outcome.settings;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path.resolve(file));
  } catch (e) {
    io.err(`Không đọc được tệp ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)} / cannot read the file`);
    return 2;
  }
  let lock: { release(): void } | null = null;
  if (!dryRun) {
    try {
      lock = acquireDataLock(dataDir, { role: 'procedures-import' });
    } catch (e) {
      if (!(e instanceof DataDirLocked)) throw e;
      io.err(`${e.message}\nKhi máy chủ đang chạy, hãy nhập tại /admin hoặc POST /api/v1/admin/procedures/import; --dry-run vẫn dùng được / while the server runs, import from /admin or the API; --dry-run still works`);
      return 3;
    }
  }
  const storeChoice = choice ?? { kind: 'sqlite' as const };
  // A dry run on a folder with no database yet reads the YAML file and creates nothing.
  if (dryRun && storeChoice.kind === 'sqlite' && !existsSync(path.join(dataDir, 'queue.db'))) return report(importCatalogue(bytes, seed, { fieldMap }), { dryRun, json, io });
  const { port } = await openStore(storeChoice, dataDir, { configCenterId: seed.center.id, groupCommit: false });
  try {
    const result = importCatalogue(bytes, await storedConfig(port, seed), { fieldMap });
    if (dryRun || !result.ok || result.errors.length > 0) return report(result, { dryRun, json, io });
    if (json) io.out(JSON.stringify(catalogueReport(result, false, true), null, 2));
    else print(catalogueReport(result, false, true), io.out);
    const { service } = await CenterConfigService.open(seed, { store: port, bus: new Bus(), now: Date.now, openTickets: () => [] });
    await service.replace(applyCatalogue(service.current(), result.plan), ACTOR);
    await port.durable();
    if (!json) io.out(`Đã nhập vào / imported into ${dataDir}; máy chủ dùng danh mục mới khi khởi động / the server uses it when it starts`);
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  } finally {
    await port.close();
    lock?.release();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
