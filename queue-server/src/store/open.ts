// Which store a server opens: PostgreSQL when DATABASE_URL is a postgres:// URL
// (for the centre CENTER_ID, default the configuration's centre id), else the
// SQLite file in the data folder, as before.
import path from 'node:path';
import type { StorePort } from './port.ts';
import { Store } from './sqlite/sqlite-store.ts';
import { SqlitePort } from './sqlite/sqlite-port.ts';
import { PostgresPort } from './postgres/pg-port.ts';

/** The centre's id: on PostgreSQL the rows this server reads and writes; on SQLite what a new (or newly migrated) file stamps on its rows. */
export type StoreChoice = { kind: 'sqlite'; centerId?: string } | { kind: 'postgres'; url: string; centerId: string };

/** DATABASE_URL and CENTER_ID as a store choice; a DATABASE_URL that is not PostgreSQL's is an error (null: SQLite). */
export function storeChoiceFromEnv(env: Record<string, string | undefined>, configCenterId: string): StoreChoice | { error: string } {
  const url = env.DATABASE_URL ?? '';
  if (url === '') return { kind: 'sqlite', centerId: env.CENTER_ID || configCenterId };
  if (!/^postgres(ql)?:\/\//.test(url)) return { error: 'DATABASE_URL phải bắt đầu bằng postgres:// / DATABASE_URL must start with postgres://' };
  return { kind: 'postgres', url, centerId: env.CENTER_ID || configCenterId };
}

/** In place of the SQLite store on PostgreSQL: any use says so instead of failing somewhere obscure. */
const noSqlite = new Proxy({} as Store, {
  get(_t, key) {
    throw new Error(`the store is PostgreSQL: there is no SQLite file (asked for .${String(key)})`);
  },
});

/** Opens the chosen store; a SQLite file without a centre id given is stamped with `configCenterId`. The server's runs with group commit. */
export async function openStore(
  choice: StoreChoice,
  dataDir: string,
  opts: { configCenterId: string; synchronous?: 'FULL' | 'NORMAL'; groupCommit?: boolean },
): Promise<{ port: StorePort; sqlite: Store }> {
  if (choice.kind === 'postgres') return { port: await PostgresPort.open(choice), sqlite: noSqlite };
  // Group commit: a burst of tickets shares one fsync, and no answer or announcement leaves before its write is on disk.
  const store = Store.open({ file: path.join(dataDir, 'queue.db'), synchronous: opts.synchronous, groupCommit: opts.groupCommit ?? true, centerId: choice.centerId ?? opts.configCenterId });
  return { port: new SqlitePort(store), sqlite: store };
}
