import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { common } from '@mot-cua/config/strings/index.ts';
import { api, API_TIMEOUT_MS, ApiError } from './api.ts';

/** A small HTTP server standing in for the queue-server: answers by path, remembers what it was sent. */
let server: Server;
let origin = '';
let last: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string } = { headers: {}, body: '' };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      last = { method: req.method, url: req.url, headers: req.headers, body };
      if (req.url === '/api/v1/ok') res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"t1"}');
      else if (req.url === '/api/v1/empty') res.writeHead(204).end();
      else if (req.url === '/api/v1/refused') res.writeHead(409, { 'content-type': 'application/json' }).end('{"error":{"code":"illegal_transition","message":"Không thể gọi lại / Cannot recall"}}');
      else if (req.url === '/api/v1/proxy') res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>');
      else if (req.url === '/api/v1/slow') setTimeout(() => res.writeHead(200).end('{}'), API_TIMEOUT_MS + 1000);
      else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const realFetch = globalThis.fetch;
/** The page's origin: relative paths go to the test server, as they go to the page's own server in a browser. */
function onPage(cookie: string): void {
  vi.stubGlobal('fetch', (path: string, init?: RequestInit) => realFetch(origin + path, init));
  vi.stubGlobal('document', { cookie });
}
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('api', () => {
  it('reads JSON from /api/v1 and sends no CSRF header on a read', async () => {
    onPage('csrf=abc');
    expect(await api<{ id: string }>('/ok')).toEqual({ id: 't1' });
    expect(last.method).toBe('GET');
    expect(last.headers['x-csrf-token']).toBeUndefined();
  });

  it('echoes the CSRF cookie on a write, with the JSON body and extra headers', async () => {
    onPage('sid=x; csrf=t%2Bk');
    await api('/ok', { method: 'POST', body: { serviceId: 'ho-tich' }, headers: { 'Idempotency-Key': 'k1' } });
    expect(last).toMatchObject({ method: 'POST', body: '{"serviceId":"ho-tich"}' });
    expect(last.headers).toMatchObject({ 'x-csrf-token': 't+k', 'content-type': 'application/json', 'idempotency-key': 'k1' });
  });

  it('sends no CSRF header without the cookie (a kiosk with a device token)', async () => {
    onPage('');
    await api('/ok', { method: 'POST' });
    expect(last.headers['x-csrf-token']).toBeUndefined();
  });

  it('answers null for 204', async () => {
    onPage('');
    expect(await api<{ ticket: unknown } | null>('/empty', { method: 'POST' })).toBeNull();
  });

  it("throws the server's refusal with its code, in either language", async () => {
    onPage('');
    const e = await api('/refused', { method: 'POST' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    const err = e as ApiError;
    expect([err.status, err.code, err.unreachable]).toEqual([409, 'illegal_transition', false]);
    expect([err.text('vi'), err.text('en')]).toEqual(['Không thể gọi lại', 'Cannot recall']);
  });

  it("tells a proxy's error page as the server being unreachable", async () => {
    onPage('');
    const err = (await api('/proxy').catch((x: unknown) => x)) as ApiError;
    expect([err.status, err.code, err.unreachable]).toEqual([502, 'http_502', true]);
  });

  it('tells no server at all in Vietnamese first', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const err = (await api('/ok').catch((x: unknown) => x)) as ApiError;
    expect([err.status, err.code, err.unreachable]).toEqual([0, 'unreachable', true]);
    expect(err.text('vi')).toBe(common.vi.errorServerUnreachable);
    expect(err.text('en')).toBe(common.en.errorServerUnreachable);
  });

  it('gives up on a server that does not answer in time', async () => {
    onPage('');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pending = api('/slow').catch((x: unknown) => x);
    await vi.advanceTimersByTimeAsync(API_TIMEOUT_MS + 1);
    const err = (await pending) as ApiError;
    expect([err.code, err.unreachable, err.text('vi')]).toEqual(['timeout', true, common.vi.errorTimeout]);
  });

  it('wraps anything else thrown as an ApiError, and keeps an ApiError as it is', () => {
    const refused = new ApiError(404, 'not_found', 'Không có / Not found');
    expect(ApiError.from(refused)).toBe(refused);
    const other = ApiError.from(new Error('boom'));
    expect([other.status, other.code, other.raw]).toEqual([0, 'unreachable', 'boom']);
  });
});
