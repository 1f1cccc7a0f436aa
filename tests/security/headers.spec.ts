// Issue 7, point 5: every UI the server hands out comes with a CSP and the usual
// hardening headers, so a board or a kiosk page cannot be framed or made to run foreign code.
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../queue-server/test/harness.ts';

const server = await startTestServer();
afterAll(() => server.close());

/** The CSP as directive → sources. */
function parseCsp(header: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

const UI_PAGES = ['/kiosk', '/board', '/counter', '/manager', '/t/abc123', '/board/counter/3', '/kiosk/index.html', '/', '/kiosk/', '/board/', '/counter/'];

describe('security headers', () => {
  for (const page of UI_PAGES) {
    it(`${page}: CSP, no framing, no sniffing`, async () => {
      const res = await fetch(server.url + page);
      // A UI not built yet answers 503 with a help page; it still gets the headers.
      expect([200, 503]).toContain(res.status);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = parseCsp(res.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      const scripts = csp.get('script-src') ?? csp.get('default-src')!;
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(scripts.every((src) => src === "'self'")).toBe(true);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toMatch(/^(DENY|SAMEORIGIN)$/);
      expect(res.headers.get('referrer-policy')).toBeTruthy();
      expect(res.headers.get('x-powered-by')).toBeNull();
    });
  }

  it('the API answers carry nosniff too, and errors are JSON, never HTML', async () => {
    for (const path of ['/api/v1/health', '/api/v1/tickets/nope', '/api/v1/stats']) {
      const res = await fetch(server.url + path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });
});
