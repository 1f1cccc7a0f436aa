// The server answers every /board/*, /manager/* and /admin/* path (the province server /province/*) with this one app, so the
// screen is chosen from the path.
/** The admin console's pages (issue 13.2): /admin is the centre's, /admin/<page> the others. */
export const ADMIN_PAGES = ['centre', 'hours', 'fields', 'counters', 'priority', 'procedures', 'staff', 'devices'] as const;
export type AdminPage = (typeof ADMIN_PAGES)[number];

/** The manager board's pages: /manager is today's live board. */
export const MANAGER_PAGES = ['live', 'reports', 'planner'] as const;
export type ManagerPage = (typeof MANAGER_PAGES)[number];

export type Route =
  | { kind: 'hall' }
  /** The entrance screen's check-in code for numbers taken from the phone (issue 17.1). */
  | { kind: 'entrance' }
  | { kind: 'counter'; number: number }
  | { kind: 'manager'; page: ManagerPage }
  | { kind: 'admin'; page: AdminPage }
  | { kind: 'province'; page: 'live' | 'reports' }
  | { kind: 'province'; page: 'centre'; centreId: string }
  | { kind: 'unknown' };

export function routeOf(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] === 'admin') {
    const page = ADMIN_PAGES.find((p) => p === (parts[1] ?? 'centre'));
    return page && parts.length <= 2 ? { kind: 'admin', page } : { kind: 'unknown' };
  }
  // The province server's office page (issue 15.3): the board, a centre's drill-down, the reports.
  if (parts[0] === 'province') {
    if (parts.length === 1) return { kind: 'province', page: 'live' };
    if (parts[1] === 'reports' && parts.length === 2) return { kind: 'province', page: 'reports' };
    if (parts[1] === 'centre' && parts[2] && parts.length === 3 && /^[a-z0-9][a-z0-9-]{0,99}$/.test(parts[2])) return { kind: 'province', page: 'centre', centreId: parts[2] };
    return { kind: 'unknown' };
  }
  if (parts[0] === 'manager') return { kind: 'manager', page: MANAGER_PAGES.find((p) => p !== 'live' && p === parts[1]) ?? 'live' };
  if (parts[0] === 'board') {
    if (parts.length === 1) return { kind: 'hall' };
    if (parts[1] === 'entrance' && parts.length === 2) return { kind: 'entrance' };
    if (parts[1] === 'counter' && parts[2] && /^\d{1,3}$/.test(parts[2])) return { kind: 'counter', number: Number(parts[2]) };
  }
  return { kind: 'unknown' };
}
