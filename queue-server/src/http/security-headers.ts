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

/** The centre's policy: plain HTTP on its LAN, pages and scripts from this server only, the kiosk's local agent. */
export const CENTRE_HEADERS: Readonly<HelmetOptions> = {
  // Plain HTTP on the centre's LAN: no HSTS, no upgrade of requests.
  hsts: false,
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
