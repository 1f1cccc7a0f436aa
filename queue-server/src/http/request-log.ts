// How a request appears in the log: Fastify's usual fields, with the value of any
// query parameter that carries a secret replaced. The kiosk's install URL brings its
// device token (`/kiosk/?token=…`), a slip's QR its rating key (`/t/<id>?k=…`).
import type { FastifyRequest } from 'fastify';

/** Query parameters whose values never reach the log. */
const SECRET_PARAM = /^(?:k|key|token|access_token|sid|csrf|secret|password)$/i;

/** The URL with every secret parameter's value replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        /* an undecodable name is matched as it is */
      }
      return SECRET_PARAM.test(decoded.trim()) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}

/** Fastify's default request serializer, with the URL redacted. */
export function requestLog(req: FastifyRequest) {
  const version = req.headers?.['accept-version'];
  return {
    method: req.method,
    url: redactUrl(req.url),
    version: typeof version === 'string' ? version : undefined,
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
