// Issue 14, point 8: behind a reverse proxy (TRUST_PROXY) the limits count the
// real client and the session cookie is Secure over HTTPS; HSTS on request
// (HSTS=1); a device token reports print results only for the tickets its own
// kiosk issued.
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../queue-server/test/harness.ts';
import { settingsFromEnv } from '../../queue-server/src/server.ts';
import { DEFAULT_ISSUE_LIMITS } from '../../queue-server/src/services/issue-limit.ts';
import { MAX_OPEN_ALERTS_PER_DEVICE } from '../../queue-server/src/services/device.service.ts';
import { issueFrom, requestFrom } from './from-address.ts';

const behindProxy = await startTestServer({ trustProxy: true, hsts: true, issueLimits: DEFAULT_ISSUE_LIMITS });
const direct = await startTestServer({ issueLimits: DEFAULT_ISSUE_LIMITS });
afterAll(async () => {
  await behindProxy.close();
  await direct.close();
});

const KIOSK = { authorization: 'Bearer demo-kiosk-1' };
const login = (base: string, from: string, headers: Record<string, string> = {}) => requestFrom(base, from, 'POST', '/api/v1/auth/login', { username: 'quanly', password: 'demo' }, headers);
const setCookies = (h: Record<string, string | string[] | undefined>) => [h['set-cookie'] ?? []].flat();

describe('behind a reverse proxy', () => {
  it('TRUST_PROXY: each client behind the proxy has its own limit; without it X-Forwarded-For is not believed', async () => {
    const via = (client: string) => ({ 'x-forwarded-for': client });
    for (let i = 0; i < DEFAULT_ISSUE_LIMITS.perWindow; i++) expect((await issueFrom(behindProxy.url, '127.0.0.7', { serviceId: 'ho-tich' }, via('203.0.113.7'))).status).toBe(201);
    expect((await issueFrom(behindProxy.url, '127.0.0.7', { serviceId: 'ho-tich' }, via('203.0.113.7'))).status).toBe(429);
    expect((await issueFrom(behindProxy.url, '127.0.0.7', { serviceId: 'ho-tich' }, via('203.0.113.8'))).status).toBe(201);

    // A direct server counts the address that connected, whatever the header says.
    for (let i = 0; i < DEFAULT_ISSUE_LIMITS.perWindow; i++) expect((await issueFrom(direct.url, '127.0.0.8', { serviceId: 'ho-tich' }, via(`198.51.100.${i}`))).status).toBe(201);
    expect((await issueFrom(direct.url, '127.0.0.8', { serviceId: 'ho-tich' }, via('198.51.100.99'))).status).toBe(429);
  });

  it('the session cookies are Secure when the request came over https, and only then', async () => {
    const https = await login(behindProxy.url, '127.0.0.9', { 'x-forwarded-proto': 'https' });
    expect(https.status).toBe(200);
    const cookies = setCookies(https.headers);
    expect(cookies.map((c) => c.split('=')[0]).sort()).toEqual(['csrf', 'sid']);
    for (const c of cookies) expect(c, c.split('=')[0]).toMatch(/;\s*Secure(;|$)/i);
    const sid = cookies.find((c) => c.startsWith('sid='))!;
    expect(sid).toMatch(/HttpOnly/i);

    const plain = await login(behindProxy.url, '127.0.0.9');
    for (const c of setCookies(plain.headers)) expect(c).not.toMatch(/Secure/i);
    // Not behind a trusted proxy: a client cannot say it came over https.
    const claimed = await login(direct.url, '127.0.0.9', { 'x-forwarded-proto': 'https' });
    expect(claimed.status).toBe(200);
    for (const c of setCookies(claimed.headers)) expect(c).not.toMatch(/Secure/i);
  });

  it('HSTS=1 sends Strict-Transport-Security; by default (plain HTTP on the LAN) nothing', async () => {
    const on = await fetch(`${behindProxy.url}/api/v1/health`);
    expect(on.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const off = await fetch(`${direct.url}/api/v1/health`);
    expect(off.headers.get('strict-transport-security')).toBeNull();
  });

  it('the settings come from TRUST_PROXY, HSTS and the MOBILE_TICKETS_* variables', () => {
    const read = (env: Record<string, string>) => {
      const r = settingsFromEnv({ DEMO: '1', ...env }, { demo: true });
      if (!r.ok) throw new Error(r.message);
      return r.settings;
    };
    expect(read({})).toMatchObject({ trustProxy: false, hsts: false, issueLimits: DEFAULT_ISSUE_LIMITS });
    expect(read({ TRUST_PROXY: '1', HSTS: '1' })).toMatchObject({ trustProxy: true, hsts: true });
    expect(read({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(read({ TRUST_PROXY: '10.0.0.1,10.0.0.2' }).trustProxy).toBe('10.0.0.1,10.0.0.2');
    expect(read({ MOBILE_TICKETS_PER_10_MIN: '3', MOBILE_TICKETS_PER_DAY: '0' }).issueLimits).toEqual({ ...DEFAULT_ISSUE_LIMITS, perWindow: 3, perDay: 0 });
  });
});

describe('devices speak only for themselves', () => {
  it('a print result only from the kiosk that issued the ticket: any other device, and any ticket not from it, 403', async () => {
    const issued = (await direct.client(KIOSK).post<{ id: string }>('/api/v1/tickets', { serviceId: 'chung-thuc' })).body;
    const phone = (await issueFrom<{ id: string }>(direct.url, '127.0.0.10', { serviceId: 'chung-thuc' })).body;
    const alertsBefore = (await direct.ctx.devices.overview()).alerts.length;
    for (const token of ['demo-board-1', 'demo-keypad-2', 'demo-display-2']) {
      const r = await direct.client({ authorization: `Bearer ${token}` }).post<{ error: { code: string; message: string } }>(`/api/v1/tickets/${issued.id}/print-status`, { printed: false, reason: 'giả mạo' });
      expect(r.status, token).toBe(403);
      expect(r.body.error.message).toMatch(/^Phiếu này không được cấp từ thiết bị của bạn/);
    }
    expect((await direct.client(KIOSK).post(`/api/v1/tickets/${phone.id}/print-status`, { printed: false })).status).toBe(403);
    expect((await direct.ctx.devices.overview()).alerts).toHaveLength(alertsBefore);
    expect((await direct.ctx.queue.tickets.get(issued.id)).printed).toBeNull();
    expect((await direct.client(KIOSK).post(`/api/v1/tickets/${issued.id}/print-status`, { printed: true })).status).toBe(204);
    expect((await direct.ctx.queue.tickets.get(issued.id)).printed).toBe(true);
  });

  it('a health report changes only the reporting device; one device raises at most its cap of open alerts', async () => {
    const board = direct.client({ authorization: 'Bearer demo-board-1' });
    const kioskBefore = (await direct.ctx.devices.overview()).devices.find((d) => d.id === 'kiosk-1');
    // Flapping between two bad states raises a new alert each time: the cap holds it.
    for (let i = 0; i < 30; i++) {
      const status = i % 2 === 0 ? 'error' : 'warning';
      expect((await board.post('/api/v1/devices/health', { parts: [{ id: `screen-${i}`, kind: 'display', status }] })).status).toBe(204);
    }
    const { devices, alerts } = await direct.ctx.devices.overview();
    expect(devices.find((d) => d.id === 'kiosk-1')).toEqual(kioskBefore);
    expect(alerts.filter((a) => a.deviceId === 'board-1').length).toBe(MAX_OPEN_ALERTS_PER_DEVICE);
  });
});
