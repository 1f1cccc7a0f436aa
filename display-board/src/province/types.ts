// What the province server answers (queue-server/API.md, "The province server").
export interface Targets {
  waitMinutes: number;
  serviceMinutes: number;
  satisfactionPct: number;
}

export interface Me {
  user: { username: string; role: string; displayName: string };
  province: string;
  targets: Targets;
}

/** One centre's row on the board: the province server's own type (type-only), so page and route cannot drift. */
export type { CentreRow, DeviceDetail } from '@mot-cua/ui-shared/wire.ts';
import type { CentreRow } from '@mot-cua/ui-shared/wire.ts';

/** Centres by district, in the order the server gave them (district, then name). */
export function byDistrict(rows: readonly CentreRow[]): { district: string; centres: CentreRow[] }[] {
  const groups: { district: string; centres: CentreRow[] }[] = [];
  for (const r of rows) {
    const g = groups.find((x) => x.district === r.district);
    if (g) g.centres.push(r);
    else groups.push({ district: r.district, centres: [r] });
  }
  return groups;
}

/** A row replaced by its newer self (a push), others kept. */
export const withRow = (rows: readonly CentreRow[], row: CentreRow): CentreRow[] => (rows.some((r) => r.centreId === row.centreId) ? rows.map((r) => (r.centreId === row.centreId ? row : r)) : [...rows]);

/** Whole minutes of a duration in seconds (null stays null). */
export const minutesOf = (s: number | null): number | null => (s === null ? null : Math.floor(s / 60));
