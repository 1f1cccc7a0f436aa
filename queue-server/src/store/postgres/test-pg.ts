// For tests on PostgreSQL: the database of DATABASE_URL (the test command starts
// one, scripts/pg.mjs), or, run alone without it, a throwaway one started here
// through the same module and stopped when the process ends. Never a skip.
import { randomBytes } from 'node:crypto';
import { startPostgres } from '../../../../scripts/pg.mjs';

let own: string | null = null;

export function testDatabaseUrl(): string {
  const env = process.env.DATABASE_URL;
  if (env) return env;
  // The module stops it on exit, Ctrl-C and SIGTERM.
  own ??= startPostgres().url;
  return own;
}

/** A centre id no other test uses: one database holds every test's centre, each its own. */
export const freshCenterId = (label = 'test') => `${label}-${randomBytes(6).toString('hex')}`;
