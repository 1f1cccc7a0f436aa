// The provincial dossier system over HTTP, against a local stub server that answers,
// fails, times out and returns garbage: the kiosk never waits longer than the timeout,
// a run of failures opens the circuit (answered at once, no request sent), and a quiet
// period later one request tries again.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpDossierSource, parseDossier } from './http-dossier-source.ts';

type Mode = 'answer' | 'error' | 'slow' | 'garbage' | 'html' | 'other' | 'missing';
let mode: Mode = 'answer';
let hits: { url: string; auth: string | undefined }[] = [];
let server: http.Server;
let base = '';
const pending: http.ServerResponse[] = [];

const CODE = '261120-HT01-0007';
const body = { code: CODE, procedureCode: '1.001193', applicantName: 'Nguyễn Văn Bình', status: 'ready', receivedAt: '2026-11-20T08:15:00+07:00', dueAt: 1795000000000, updatedAt: '2026-11-27T10:00:00+07:00', note: null };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push({ url: req.url ?? '', auth: req.headers.authorization });
    if (mode === 'slow') return void pending.push(res); // never answers in time
    if (mode === 'error') return void res.writeHead(500).end('boom');
    if (mode === 'missing') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': mode === 'html' ? 'text/html' : 'application/json' });
    if (mode === 'garbage') return void res.end('{"code": "261120-HT01-0007", "status": ');
    if (mode === 'html') return void res.end('<html>Bảo trì hệ thống</html>');
    if (mode === 'other') return void res.end(JSON.stringify({ ...body, status: 'lost' }));
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  for (const r of pending) r.destroy();
  await new Promise<void>((r) => server.close(() => r()));
});
beforeEach(() => {
  mode = 'answer';
  hits = [];
});

const source = (o: Partial<ConstructorParameters<typeof HttpDossierSource>[0]> = {}) => new HttpDossierSource({ baseUrl: base, token: 'secret-token', timeoutMs: 300, ...o });
const unavailable = expect.objectContaining({ code: 'dossier_source_unavailable' });

describe('HttpDossierSource', () => {
  it('reads a dossier with its token, every diacritic and both time forms, and caches it', async () => {
    let clock = 1_000_000;
    const s = source({ now: () => clock });
    const d = await s.find(CODE);
    expect(d).toEqual({ code: CODE, procedureCode: '1.001193', applicantName: 'Nguyễn Văn Bình', status: 'ready', receivedAt: Date.parse('2026-11-20T08:15:00+07:00'), dueAt: 1795000000000, updatedAt: Date.parse('2026-11-27T10:00:00+07:00'), note: null });
    expect(hits).toEqual([{ url: `/api/dossiers/${CODE}`, auth: 'Bearer secret-token' }]);
    await s.find(CODE);
    expect(hits).toHaveLength(1);
    clock += 61_000;
    await s.find(CODE);
    expect(hits).toHaveLength(2);
  });

  it('an unknown code is null (and kept a short while), not a failure', async () => {
    mode = 'missing';
    const s = source();
    expect(await s.find('261120-HT01-0009')).toBeNull();
    expect(await s.find('261120-HT01-0009')).toBeNull();
    expect(hits).toHaveLength(1);
    expect(s.lastFailure).toBeNull();
  });

  it('a server error, a timeout, a broken body, an HTML page and an unknown status are each "unavailable", never a crash', async () => {
    for (const m of ['error', 'slow', 'garbage', 'html', 'other'] as const) {
      mode = m;
      const s = source();
      const t0 = performance.now();
      await expect(s.find(CODE)).rejects.toThrow(unavailable);
      // the kiosk waits for the timeout at most (300 ms here), not for the provincial system
      expect(performance.now() - t0).toBeLessThan(3000);
      expect(s.lastFailure?.kind).toBe({ error: 'http_status', slow: 'timeout', garbage: 'garbage', html: 'garbage', other: 'garbage' }[m]);
    }
  });

  it('after three failures in a row the circuit opens: answered at once with no request, then one try after the quiet period', async () => {
    let clock = 5_000_000;
    const s = source({ now: () => clock, failuresToOpen: 3, openMs: 30_000 });
    mode = 'error';
    for (let i = 0; i < 3; i++) await expect(s.find(CODE)).rejects.toThrow(unavailable);
    expect(hits).toHaveLength(3);
    expect(s.open).toBe(true);
    mode = 'answer';
    await expect(s.find(CODE)).rejects.toThrow(unavailable);
    expect(hits).toHaveLength(3);
    expect(s.lastFailure?.kind).toBe('circuit_open');
    clock += 30_001;
    expect(await s.find(CODE)).toMatchObject({ status: 'ready' });
    expect(hits).toHaveLength(4);
    expect(s.open).toBe(false);
  });

  it('a success in between resets the count', async () => {
    const s = source({ failuresToOpen: 3, cacheMs: 0 });
    mode = 'error';
    await expect(s.find(CODE)).rejects.toThrow(unavailable);
    await expect(s.find(CODE)).rejects.toThrow(unavailable);
    mode = 'answer';
    await s.find(CODE);
    mode = 'error';
    await expect(s.find(CODE)).rejects.toThrow(unavailable);
    expect(s.open).toBe(false);
  });

  it('refuses an address that is not http(s), and a dossier that names another code', () => {
    expect(() => new HttpDossierSource({ baseUrl: 'ftp://tinh.example/' })).toThrow(/không phải địa chỉ http/);
    expect(parseDossier({ ...body, code: '261120-HT01-0008' }, CODE)).toBeNull();
    expect(parseDossier([body], CODE)).toBeNull();
    expect(parseDossier({ ...body, receivedAt: 'hôm qua' }, CODE)).toBeNull();
  });
});
