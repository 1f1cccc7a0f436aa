// JSON requests from a chosen loopback address (127.0.0.2, 127.0.0.3, …), so
// tests of per-address limits do not share 127.0.0.1 with each other.
import http from 'node:http';

export interface FromRes<T> {
  status: number;
  body: T;
  headers: http.IncomingHttpHeaders;
}

export function requestFrom<T = Record<string, unknown>>(
  base: string,
  localAddress: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<FromRes<T>> {
  const url = new URL(path, base);
  const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        localAddress,
        agent: false,
        headers: { ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            /* not JSON: keep the text */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed as T, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** POST /api/v1/tickets from an address. */
export const issueFrom = <T = Record<string, unknown>>(base: string, address: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  requestFrom<T>(base, address, 'POST', '/api/v1/tickets', body, headers);
