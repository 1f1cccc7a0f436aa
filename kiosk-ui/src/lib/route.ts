// Routes of the one app: the kiosk lives under /kiosk/, the phone page at /t/:id.
export type Route =
  | { name: 'home' }
  | { name: 'take'; serviceId?: string; procedureCode?: string }
  | { name: 'ticket'; id: string }
  | { name: 'procedures'; serviceId?: string; q?: string }
  | { name: 'procedure'; code: string }
  | { name: 'dossier'; code?: string }
  | { name: 'checkin' }
  | { name: 'arrive' }
  | { name: 'book'; serviceId?: string; first?: boolean }
  | { name: 'rating'; number?: string }
  | { name: 'chip-key' }
  | { name: 'phone'; id: string };

export const BASE = '/kiosk';

export function parseRoute(pathname: string, search = ''): Route {
  const q = new URLSearchParams(search);
  const phone = /^\/t\/([^/]+)\/?$/.exec(pathname);
  if (phone?.[1]) return { name: 'phone', id: decodeURIComponent(phone[1]) };
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  const opt = (k: string) => q.get(k) ?? undefined;
  switch (parts[0]) {
    case 'take': return { name: 'take', serviceId: opt('service'), procedureCode: opt('procedure') };
    case 'ticket': return parts[1] ? { name: 'ticket', id: parts[1] } : { name: 'home' };
    case 'procedures': return { name: 'procedures', serviceId: opt('service'), q: opt('q') };
    // the code goes in the query: national codes have dots ("1.001193"), and a dotted
    // last path segment under /kiosk/ is taken for a static file by the server
    case 'procedure': return q.get('code') ? { name: 'procedure', code: q.get('code') ?? '' } : { name: 'procedures' };
    case 'dossier': return { name: 'dossier', code: opt('code') };
    case 'checkin': return { name: 'checkin' };
    // a number from the phone checks in on arrival (issue 17.1)
    case 'arrive': return { name: 'arrive' };
    // ?service=…&first=1: the field chosen and its first free time picked (the kiosk's closing-time offer)
    case 'book': return { name: 'book', serviceId: opt('service'), first: q.get('first') === '1' };
    case 'chip-key': return { name: 'chip-key' };
    case 'rating': return { name: 'rating', number: opt('number') };
    default: return { name: 'home' };
  }
}
