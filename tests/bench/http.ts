// A keep-alive HTTP JSON POST for the load generator (node:http, one agent per
// target so every target gets the same connection handling).
import http from 'node:http';

export interface Poster {
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  close(): void;
}

export function poster(base: string, maxSockets: number): Poster {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  return {
    post(path, body, headers = {}) {
      const data = Buffer.from(JSON.stringify(body));
      return new Promise((resolve, reject) => {
        const req = http.request(
          { host: url.hostname, port: url.port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length, ...headers } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(data);
      });
    },
    close: () => agent.destroy(),
  };
}

/** An op that fails unless the status is one of `ok`. */
export function expectStatus(ok: readonly number[], r: { status: number; body: string }): void {
  if (!ok.includes(r.status)) throw new Error(`HTTP ${r.status}: ${r.body.slice(0, 200)}`);
}
