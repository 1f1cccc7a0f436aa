/**
 * Who may talk to the agent at all, checked on every request before any route (the WebSocket's
 * upgrade included). The agent listens on loopback, but a web page can still reach it: through
 * DNS rebinding (a name of the attacker's that resolves to 127.0.0.1 — the browser then sends
 * that name as Host) or as a cross-origin request from any page the kiosk browser shows (the
 * browser sends the page's Origin). So:
 *   - Host must name the agent itself: localhost, 127.0.0.1, [::1], the bind address, or one of
 *     AGENT_ALLOWED_HOSTS; with a port, the agent's own.
 *   - Origin, when present, must be the kiosk UI's (the queue-server the agent serves) or the
 *     agent's own, or one of AGENT_ALLOWED_ORIGINS. Local tools such as curl send no Origin.
 */
export type GuardOptions = {
  bindHost: string;
  /** the listening port (known once listening) */
  port: () => number;
  queueServerUrl: string;
  allowedHosts: string[];
  allowedOrigins: string[];
};

export type Refusal = { code: 'forbidden_host' | 'forbidden_origin'; message: string };

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** `Host` split into a lower-case name (IPv6 in brackets) and its port, or null when malformed. */
function splitHost(value: string): { name: string; port: string | null } | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  return m ? { name: m[1]!.toLowerCase(), port: m[2] ?? null } : null;
}

function originOf(value: string): string | null {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

export function requestGuard(opts: GuardOptions): (headers: { host?: string | undefined; origin?: string | undefined }) => Refusal | null {
  const bind = opts.bindHost.includes(':') ? `[${opts.bindHost}]` : opts.bindHost;
  const hosts = new Set([...LOOPBACK, bind.toLowerCase(), ...opts.allowedHosts.map((h) => splitHost(h)?.name ?? h.toLowerCase())]);
  const server = new URL(opts.queueServerUrl);
  // A queue-server on this machine is the same server under each loopback name.
  const serverOrigins = LOOPBACK.includes(server.hostname)
    ? LOOPBACK.map((h) => `${server.protocol}//${h}${server.port ? `:${server.port}` : ''}`)
    : [server.origin];
  const extraOrigins = opts.allowedOrigins.map(originOf).filter((o): o is string => o !== null);

  return ({ host, origin }) => {
    const h = host === undefined ? null : splitHost(host);
    if (!h || !hosts.has(h.name) || (h.port !== null && Number(h.port) !== opts.port())) {
      return { code: 'forbidden_host', message: 'Địa chỉ Host không được phép / Host not allowed' };
    }
    if (origin === undefined) return null;
    const own = LOOPBACK.map((n) => `http://${n}:${opts.port()}`);
    const o = originOf(origin);
    if (o === null || ![...serverOrigins, ...own, ...extraOrigins].includes(o)) {
      return { code: 'forbidden_origin', message: 'Trang web này không được dùng thiết bị của ki-ốt / This page may not use the kiosk’s devices' };
    }
    return null;
  };
}
