// For tests on PostgreSQL: the database of TEST_DATABASE_URL (the test command
// starts one, scripts/pg.mjs), or, run alone without it, a throwaway one started
// here through the same module and stopped when the process ends. Never a skip.
// Not DATABASE_URL: servers the tests start as processes inherit the
// environment, and must stay on their own SQLite data folders.
import { randomBytes } from 'node:crypto';
import { startPostgres } from '../../../../scripts/pg.mjs';

let own: string | null = null;

export function testDatabaseUrl(): string {
  const env = process.env.TEST_DATABASE_URL;
  if (env) return env;
  // The module stops it on exit, Ctrl-C and SIGTERM.
  own ??= startPostgres().url;
  return own;
}

/** A centre id no other test uses: one database holds every test's centre, each its own. */
export const freshCenterId = (label = 'test') => `${label}-${randomBytes(6).toString('hex')}`;
