// The server answers every /board/* and /manager/* path with this one app, so the
// screen is chosen from the path.
export type Route =
  | { kind: 'hall' }
  | { kind: 'counter'; number: number }
  | { kind: 'manager'; page: 'live' | 'reports' }
  | { kind: 'unknown' };

export function routeOf(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] === 'manager') return { kind: 'manager', page: parts[1] === 'reports' ? 'reports' : 'live' };
  if (parts[0] === 'board') {
    if (parts.length === 1) return { kind: 'hall' };
    if (parts[1] === 'counter' && parts[2] && /^\d{1,3}$/.test(parts[2])) return { kind: 'counter', number: Number(parts[2]) };
  }
  return { kind: 'unknown' };
}
