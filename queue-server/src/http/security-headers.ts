// The hardening headers (helmet's: CSP, no framing, no sniffing, …), worked out
// once at start-up. @fastify/helmet builds helmet's middleware anew for every
// request — parsing the CSP each time, a tenth of a ticket's cost — while here
// nothing varies per request (no nonces), so every answer gets the same list.
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

export interface HeaderPlan {
  set: Record<string, string>;
  remove: string[];
}

/** What helmet's middleware does to a response with these options, recorded once. */
export function planHeaders(options: Readonly<HelmetOptions>): HeaderPlan {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      remove.push(name.toLowerCase());
    },
  };
  let failure: unknown = null;
  helmet(options)({} as never, res as never, (err?: unknown) => {
    failure = err ?? null;
  });
  if (failure) throw failure;
  return { set, remove };
}

/** Adds the headers to every answer, the routes' and the errors' alike (fastify-plugin: the whole server, not one scope). */
export const securityHeaders = fp(
  async (app, options: Readonly<HelmetOptions>) => {
    const plan = planHeaders(options);
    app.addHook('onRequest', (_req, reply, done) => {
      reply.headers(plan.set);
      for (const name of plan.remove) reply.raw.removeHeader(name);
      done();
    });
  },
  { name: 'security-headers' },
);

/**
 * Session cookies over HTTPS get `Secure`, so a browser never sends them back
 * over plain HTTP. Whether a request came over HTTPS is Fastify's
 * `req.protocol`, which honours X-Forwarded-Proto only when TRUST_PROXY trusts
 * the proxy. Runs after @fastify/cookie's own onSend writer (registered later).
 */
export const secureCookies = fp(
  async (app) => {
    app.addHook('onSend', (req, reply, payload, done) => {
      const cookies = req.protocol === 'https' ? reply.getHeader('set-cookie') : undefined;
      if (cookies !== undefined) {
        const list = (Array.isArray(cookies) ? cookies : [String(cookies)]).map((c) => (/;\s*secure\s*(;|$)/i.test(c) ? c : `${c}; Secure`));
        // Fastify appends to a set-cookie already there: take the old list off first.
        reply.removeHeader('set-cookie');
        reply.header('set-cookie', list);
      }
      done(null, payload);
    });
  },
  { name: 'secure-cookies', dependencies: ['@fastify/cookie'] },
);

/** How long browsers keep to HTTPS once told (HSTS=1): a year, the usual preload minimum. */
const HSTS_MAX_AGE = 365 * 24 * 3600;

/**
 * The centre's policy: pages and scripts from this server only, the kiosk's
 * local agent. Plain HTTP on the centre's LAN by default (no HSTS); a centre
 * served over HTTPS only turns on `hsts` (HSTS=1), and browsers then refuse
 * plain HTTP to it for a year.
 */
export function centreHeaders(opts: { hsts: boolean }): Readonly<HelmetOptions> {
  return {
    hsts: opts.hsts ? { maxAge: HSTS_MAX_AGE, includeSubDomains: false, preload: false } : false,
    crossOriginEmbedderPolicy: false,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // The kiosk talks to its local hardware agent on 127.0.0.1.
        connectSrc: ["'self'", 'ws://127.0.0.1:*', 'http://127.0.0.1:*', 'ws://localhost:*'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  };
}

/** The default policy (plain HTTP, no HSTS). */
export const CENTRE_HEADERS: Readonly<HelmetOptions> = centreHeaders({ hsts: false });
