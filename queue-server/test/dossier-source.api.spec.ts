// The kiosk's dossier look-up through the province's system (issue 16.4): the server
// started with a dossier source answers from a local stub of that system — the
// applicant's initials only, the status in Vietnamese — and when the system is down
// or slow it answers 503 in the API's error shape, Vietnamese first, within the timeout.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

let up = true;
let stub: http.Server;
let s: TestServer;
const seen: string[] = [];

beforeAll(async () => {
  stub = http.createServer((req, res) => {
    seen.push(`${req.url} ${req.headers.authorization ?? ''}`);
    if (!up) return void res.writeHead(503).end();
    if (req.url === '/mc/dossiers/261120-HT01-0007') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ code: '261120-HT01-0007', procedureCode: '1.001193', applicantName: 'Nguyễn Thị Ánh', status: 'supplement_needed', receivedAt: '2026-11-20T08:00:00+07:00', dueAt: '2026-11-25T17:00:00+07:00', updatedAt: '2026-11-21T09:00:00+07:00', note: 'Thiếu giấy xác nhận cư trú' }));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/mc`;
  s = await startTestServer({ dossierSource: { baseUrl: base, token: 'tinh-token', timeoutMs: 500, cacheMs: 0 } });
});
afterAll(async () => {
  await s.close();
  await new Promise<void>((r) => stub.close(() => r()));
});

describe('dossier status from the province', () => {
  it('answers from the provincial system with initials only, and says plainly when it is not found', async () => {
    const r = await s.client().get<Record<string, unknown>>('/api/v1/dossiers/261120-ht01-0007');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code: '261120-HT01-0007', procedureName: 'Đăng ký khai sinh', applicantInitials: 'N. T. Á.', status: 'supplement_needed', note: 'Thiếu giấy xác nhận cư trú' });
    expect(JSON.stringify(r.body)).not.toContain('Nguyễn');
    expect(seen.at(-1)).toBe('/mc/dossiers/261120-HT01-0007 Bearer tinh-token');
    const missing = await s.client().get<{ error: { code: string } }>('/api/v1/dossiers/261120-HT01-0099');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'not_found']);
  });

  it('a provincial system that fails answers 503, Vietnamese first, and never a 500', async () => {
    up = false;
    const r = await s.client().get<{ error: { code: string; message: string } }>('/api/v1/dossiers/261120-HT01-0007');
    expect(r.status).toBe(503);
    expect(r.body.error).toEqual({ code: 'dossier_source_unavailable', message: expect.stringMatching(/^Chưa kết nối được hệ thống thông tin một cửa của tỉnh.* \/ the province's one-stop information system/) });
    up = true;
  });
});

describe('the settings from the environment', () => {
  const read = async (env: Record<string, string>) => (await import('../src/server.ts')).settingsFromEnv({ DEMO: '1', ...env }, { demo: true });
  it('DOSSIER_SOURCE_* and KIOSK_AGENT_URL are read once at start, and a bad one stops the server with the reason', async () => {
    const ok = await read({ DOSSIER_SOURCE_URL: 'https://motcua.tinh.example/api', DOSSIER_SOURCE_TOKEN: 't', DOSSIER_SOURCE_TIMEOUT_MS: '2000', KIOSK_AGENT_URL: 'ws://10.0.0.5:8181/ws' });
    expect(ok.ok && ok.settings).toMatchObject({ dossierSource: { baseUrl: 'https://motcua.tinh.example/api', token: 't', timeoutMs: 2000, cacheMs: 60_000 }, kioskAgentUrl: 'ws://10.0.0.5:8181/ws' });
    expect((await read({})).ok && (await read({})).ok).toBe(true);
    const none = await read({});
    expect(none.ok && [none.settings.dossierSource, none.settings.kioskAgentUrl]).toEqual([null, null]);
    const bad: Record<string, string>[] = [{ DOSSIER_SOURCE_URL: 'ftp://x' }, { DOSSIER_SOURCE_URL: 'https://x', DOSSIER_SOURCE_TIMEOUT_MS: 'soon' }, { KIOSK_AGENT_URL: 'not a url' }];
    for (const env of bad) {
      const r = await read(env);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toMatch(/không phải/);
    }
  });
});
