// Opens a PostgreSQL pool the way the store needs it: BIGINT and COUNT(*) as
// JavaScript numbers (instants in ms fit in 2^53), and the schema migrated.
import pg from 'pg';
import { PG_MIGRATIONS } from './schema.ts';

const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export function openPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, types, max: 4 });
  // An idle client whose connection dies must not crash the server: the next query gets a fresh one.
  pool.on('error', () => undefined);
  return pool;
}

/** Brings the schema up to date, once even when several servers start together (an advisory lock). */
export async function migrate(pool: pg.Pool): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('SELECT pg_advisory_lock(hashtext($1))', ['mot-cua schema']);
    await c.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const r = await c.query<{ version: number }>('SELECT version FROM schema_version');
    let v = r.rows[0]?.version ?? 0;
    if (r.rows.length === 0) await c.query('INSERT INTO schema_version (version) VALUES (0)');
    for (; v < PG_MIGRATIONS.length; v++) {
      await c.query('BEGIN');
      try {
        await c.query(PG_MIGRATIONS[v]!);
        await c.query('UPDATE schema_version SET version = $1', [v + 1]);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      }
    }
  } finally {
    await c.query('SELECT pg_advisory_unlock(hashtext($1))', ['mot-cua schema']).catch(() => undefined);
    c.release();
  }
}
