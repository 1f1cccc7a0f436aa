// Types of scripts/pg.mjs for the TypeScript that starts its own PostgreSQL (tests run outside `npm test`).
export interface StartedPostgres {
  url: string;
  dir: string;
  stop(): void;
}
export function findBinaries(): string;
export function startPostgres(opts?: { log?: (line: string) => void }): StartedPostgres;
