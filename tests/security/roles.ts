// Who may call each route, derived from the OpenAPI tags. A route the table cannot
// place is reported, so a new route fails the access test until someone decides.
import { routeName, type Route } from './routes.ts';

export type Rule =
  /** anyone, no credentials */
  | 'open'
  /** any signed-in user (their own session) */
  | 'session'
  /** staff, managers, admins (and, where the route allows, the counter's keypad) */
  | 'staff'
  | 'manager'
  | 'admin'
  /** device tokens only */
  | 'device'
  /** the counter's own keypad only, no account (a rating: staff must not rate themselves) */
  | 'keypad';

/** The public routes of the contract (API.md "anyone"), named one by one. */
export const OPEN_ROUTES = new Set([
  'GET /api/v1/health',
  'GET /api/v1/center',
  'GET /api/v1/procedures',
  'GET /api/v1/procedures/{code}',
  'GET /api/v1/queue',
  'POST /api/v1/tickets',
  'GET /api/v1/tickets/{id}',
  'GET /api/v1/tickets/by-number/{number}',
  /** the checklist of documents (issue 16.2): no personal data; the declaration is `…/preparation`, staff only */
  'GET /api/v1/tickets/{id}/checklist',
  'POST /api/v1/tickets/{id}/rating',
  /** a number from the phone checks in on arrival (issue 17.1): the kiosk's device token or the QR's key is the proof */
  'POST /api/v1/tickets/{id}/check-in',
  /** notifications (issue 17.2): the slip's key is the proof, as for a rating; a kiosk needs none */
  'GET /api/v1/notify/options',
  'POST /api/v1/tickets/{id}/notify',
  'GET /api/v1/dossiers/{code}',
  /** "hồ sơ đã có kết quả" by text (issue 17.2): the receipt's code, as for the status itself */
  'POST /api/v1/dossiers/{code}/notify',
  'GET /api/v1/bookings/days',
  'GET /api/v1/bookings/slots',
  'POST /api/v1/bookings',
  'GET /api/v1/bookings/{code}',
  'POST /api/v1/bookings/{code}/check-in',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
]);

/** Routes only a counter's keypad may call (issue 14, point 3). */
export const KEYPAD_ROUTES = new Set(['POST /api/v1/counters/{counterId}/rating']);

export const SESSION_ROUTES = new Set(['GET /api/v1/auth/me', 'POST /api/v1/auth/password']);

/** Tags whose every route needs a role: a new route under them is classified by the tag. */
const TAG_RULES: Record<string, Rule> = { counter: 'staff', manager: 'manager', admin: 'admin', devices: 'device' };
/** Tags whose routes are open only when listed above: anything new under them needs a decision. */
const LISTED_TAGS = new Set(['public', 'tickets', 'auth']);

export function classify(r: Route): Rule | { unclassified: string } {
  const name = routeName(r);
  if (r.tags.length !== 1) return { unclassified: `${name}: tags ${JSON.stringify(r.tags)} (want exactly one)` };
  const tag = r.tags[0]!;
  if (KEYPAD_ROUTES.has(name)) return tag === 'counter' ? 'keypad' : { unclassified: `${name}: a keypad route tagged "${tag}"` };
  if (tag in TAG_RULES) {
    if (OPEN_ROUTES.has(name)) return { unclassified: `${name}: listed as open but tagged "${tag}"` };
    return TAG_RULES[tag]!;
  }
  if (LISTED_TAGS.has(tag)) {
    if (OPEN_ROUTES.has(name)) return 'open';
    if (SESSION_ROUTES.has(name)) return 'session';
    return { unclassified: `${name}: tagged "${tag}" but not in OPEN_ROUTES or SESSION_ROUTES` };
  }
  return { unclassified: `${name}: unknown tag "${tag}"` };
}
