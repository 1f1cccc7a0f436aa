/**
 * The agent end to end with its simulated devices: a real Fastify server on a free port, a real
 * WebSocket client in the kiosk's place, the virtual printer decoding real ESC/POS, and a fake
 * queue-server that records what the agent tells it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAgent, type RunningAgent } from '../src/agent.ts';
import { simulatedConfig } from '../src/config.ts';
import { FakeQueueServer } from './fake-queue-server.ts';
import { KioskClient, type Msg } from './ws-client.ts';

const TICKET = {
  id: 'tk-01',
  number: 'A1023',
  centerName: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh',
  serviceName: 'Hộ tịch – Đăng ký khai sinh',
  priorityName: 'Người khuyết tật',
  peopleAhead: 3,
  estimatedWaitMinutes: 12,
  issuedAt: '2026-11-22T02:05:00Z',
  statusUrl: 'http://127.0.0.1:8080/t/tk-01',
};

let server: FakeQueueServer;
let agent: RunningAgent;
let dataDir: string;
let kiosk: KioskClient;

const post = (path: string, body: unknown) =>
  fetch(agent.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const printerPart = (m: Msg) => (m.parts as { id: string; kind: string; status: string; detail?: string }[]).find((p) => p.kind === 'printer');

beforeEach(async () => {
  server = new FakeQueueServer();
  await server.start();
  dataDir = await mkdtemp(join(tmpdir(), 'agent-'));
  agent = await startAgent({
    port: 0,
    simulate: true,
    config: { ...simulatedConfig('cp1258'), debounceMs: 800 },
    queueServerUrl: server.url,
    deviceToken: 'demo-kiosk-1',
    dataDir,
    logger: false,
    retry: { baseDelayMs: 20, maxDelayMs: 80 },
  });
  kiosk = await KioskClient.connect(agent.url);
});

afterEach(async () => {
  kiosk.close();
  await agent.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('kiosk agent', () => {
  it('listens on 127.0.0.1 only and greets a kiosk with every part', async () => {
    expect(new URL(agent.url).hostname).toBe('127.0.0.1');
    const hello = await kiosk.next((m) => m.type === 'status');
    const kinds = new Set((hello.parts as { kind: string }[]).map((p) => p.kind));
    expect(kinds).toEqual(new Set(['printer', 'scanner', 'keypad', 'display']));
    expect(printerPart(hello)?.status).toBe('ok');
    kiosk.send({ type: 'status' });
    expect((await kiosk.next((m) => m.type === 'status')).parts).toEqual(hello.parts);
  });

  it('prints a ticket whose Vietnamese comes back exactly, and tells the server it was printed', async () => {
    kiosk.send({ type: 'print', requestId: 'r1', ticket: TICKET });
    expect(await kiosk.next((m) => m.type === 'print.result')).toEqual({ type: 'print.result', requestId: 'r1', ok: true });
    const printed = (await (await fetch(agent.url + '/sim/printed')).json()) as { printed: { text: string; png: string; txt: string; qr: string[] }[] };
    expect(printed.printed).toHaveLength(1);
    // Wrapped lines are joined: the 2× priority line is wider than the paper.
    const txt = (await readFile(printed.printed[0]!.txt, 'utf8')).replace(/\n/g, ' ');
    expect(txt).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH BẮC NINH');
    expect(txt).toContain('Hộ tịch – Đăng ký khai sinh');
    expect(txt).toContain('» Ưu tiên: Người khuyết tật «');
    expect(txt).toContain('Giờ lấy số: 22/11/2026 09:05');
    expect(printed.printed[0]!.qr).toEqual([TICKET.statusUrl]);
    expect((await readFile(printed.printed[0]!.png)).subarray(1, 4).toString()).toBe('PNG');
    await server.waitFor(() => server.to('/api/v1/tickets/tk-01/print-status').length === 1);
    expect(server.to('/api/v1/tickets/tk-01/print-status')[0]).toMatchObject({ auth: 'Bearer demo-kiosk-1', body: { printed: true } });
  });

  it('when the printer runs out of paper: the kiosk is told, the server gets printed:false, health shows the error', async () => {
    await post('/sim/printer', { state: 'paper_out' });
    const pushed = await kiosk.next((m) => m.type === 'status' && printerPart(m)?.status === 'error');
    expect(printerPart(pushed)).toMatchObject({ status: 'error', detail: 'paper_out' });
    kiosk.send({ type: 'print', requestId: 'r2', ticket: TICKET });
    const r = await kiosk.next((m) => m.type === 'print.result');
    expect(r).toMatchObject({ requestId: 'r2', ok: false, error: { code: 'paper_out' } });
    expect(String((r.error as { message: string }).message)).toMatch(/^Máy in hết giấy/);
    await server.waitFor(() => server.to('/api/v1/tickets/tk-01/print-status').length === 1);
    expect(server.to('/api/v1/tickets/tk-01/print-status')[0]!.body).toEqual({ printed: false, reason: 'paper_out' });
    await server.waitFor((rs) =>
      rs.some((x) => x.path === '/api/v1/devices/health' && JSON.stringify(x.body).includes('"detail":"paper_out"')),
    );
    const printed = (await (await fetch(agent.url + '/sim/printed')).json()) as { printed: unknown[] };
    expect(printed.printed).toHaveLength(0);
  });

  it('disconnecting the printer mid-run loses no ticket: each one is either printed or reported not printed', async () => {
    const results: Msg[] = [];
    for (let i = 1; i <= 4; i++) {
      if (i === 3) await post('/sim/printer', { state: 'offline' });
      kiosk.send({ type: 'print', requestId: `r${i}`, ticket: { ...TICKET, id: `tk-${i}`, number: `A10${i}0` } });
      results.push(await kiosk.next((m) => m.type === 'print.result' && m.requestId === `r${i}`));
    }
    await post('/sim/printer', { state: 'ok' });
    kiosk.send({ type: 'print', requestId: 'r5', ticket: { ...TICKET, id: 'tk-5', number: 'A1050' } });
    results.push(await kiosk.next((m) => m.type === 'print.result' && m.requestId === 'r5'));

    expect(results.map((r) => r.ok)).toEqual([true, true, false, false, true]);
    expect(results[2]).toMatchObject({ error: { code: 'offline' } });
    await server.waitFor((rs) => rs.filter((x) => x.path.endsWith('/print-status')).length === 5);
    for (let i = 1; i <= 5; i++) {
      const [report] = server.to(`/api/v1/tickets/tk-${i}/print-status`);
      expect(report!.body).toEqual(i === 3 || i === 4 ? { printed: false, reason: 'offline' } : { printed: true });
    }
    const printed = (await (await fetch(agent.url + '/sim/printed')).json()) as { printed: { text: string }[] };
    expect(printed.printed.map((p) => /A10\d0/.exec(p.text)?.[0])).toEqual(['A1010', 'A1020', 'A1050']);
  });

  it('keeps reporting health until an unreachable server comes back', async () => {
    // The start-up report first: on a loaded machine it could otherwise take one of the scripted 503s.
    await server.waitFor(() => server.to('/api/v1/devices/health').length >= 1);
    server.answer('/api/v1/devices/health', { status: 503 }, { status: 503 }, { status: 204 });
    await post('/sim/printer', { state: 'cover_open' });
    const coverOpen = () => server.to('/api/v1/devices/health').filter((x) => JSON.stringify(x.body).includes('cover_open'));
    // Two 503s, then delivered; after that it stops retrying.
    await server.waitFor(() => coverOpen().length === 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(coverOpen()).toHaveLength(3);
    expect(server.to('/api/v1/devices/health').every((h) => h.auth === 'Bearer demo-kiosk-1')).toBe(true);
  });

  it('sends every scan to the kiosk, with a summary of the card and no exception on a bad one', async () => {
    await post('/sim/scan', { text: '079090012345|123456789|Nguyễn Thị Hồng Nhung|15031960|Nữ|Hà Nội|10082021' });
    const ok = await kiosk.next((m) => m.type === 'scan');
    expect(ok).toMatchObject({ source: 'qr', error: null, cccd: { fullName: 'Nguyễn Thị Hồng Nhung', gender: 'Nữ', idLast4: '2345', dateOfBirth: '1960-03-15' } });
    expect(ok.raw).toBe('079090012345|123456789|Nguyễn Thị Hồng Nhung|15031960|Nữ|Hà Nội|10082021');
    await post('/sim/scan', { text: '079090012345|123456789|Nguyễn A|15131960|Nữ|Hà Nội|10082021' });
    expect(await kiosk.next((m) => m.type === 'scan')).toMatchObject({ source: 'qr', cccd: null, error: { code: 'date_of_birth' } });
  });

  it('refuses a WebSocket from a foreign web page and answers a bad message with an error', async () => {
    // Refused before the upgrade (it used to be accepted, then closed).
    await expect(KioskClient.connect(agent.url, 'https://evil.example')).rejects.toThrow(/Unexpected server response: 403/);
    kiosk.send({ type: 'print', requestId: 'x' });
    expect(await kiosk.next((m) => m.type === 'error')).toMatchObject({ error: { code: 'bad_message' } });
  });
});

describe('keypads through the agent', () => {
  it('calls the next citizen for the keypad’s counter and shows the number on its LED display', async () => {
    server.answer('/api/v1/counters/quay-2/call-next', { status: 200, body: { ticket: { id: 't', number: 'B2001' } } });
    expect((await post('/sim/keypad', { counterId: 'quay-2', key: 'next' })).status).toBe(202);
    await server.waitFor(() => server.to('/api/v1/counters/quay-2/call-next').length === 1);
    expect(server.to('/api/v1/counters/quay-2/call-next')[0]!.auth).toBe('Bearer demo-keypad-2');
    const until = Date.now() + 3000;
    let shown: Record<string, string> = {};
    while (Date.now() < until && shown['2'] !== 'B2001') {
      shown = ((await (await fetch(agent.url + '/sim/displays')).json()) as { displays: Record<string, string> }).displays;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(shown['2']).toBe('B2001');
  });

  it('counts a flood of the same key once', async () => {
    await Promise.all(Array.from({ length: 10 }, () => post('/sim/keypad', { counterId: 'quay-3', key: 'recall' })));
    await server.waitFor(() => server.to('/api/v1/counters/quay-3/current/recall').length === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(server.to('/api/v1/counters/quay-3/current/recall')).toHaveLength(1);
  });

  it('transfers to the service typed on the digits, and rates from the rating keypad', async () => {
    server.answer('/api/v1/center', { status: 200, body: { services: [{ id: 'svc-dat-dai' }, { id: 'svc-ho-tich' }] } });
    await post('/sim/keypad', { counterId: 'quay-1', key: 'digit-2' });
    await post('/sim/keypad', { counterId: 'quay-1', key: 'transfer' });
    await server.waitFor(() => server.to('/api/v1/counters/quay-1/current/transfer').length === 1);
    expect(server.to('/api/v1/counters/quay-1/current/transfer')[0]).toMatchObject({ auth: 'Bearer demo-keypad-1', body: { serviceId: 'svc-ho-tich' } });
    await post('/sim/keypad', { counterId: 'quay-4', key: 'rate-4' });
    await server.waitFor(() => server.to('/api/v1/counters/quay-4/rating').length === 1);
    expect(server.to('/api/v1/counters/quay-4/rating')[0]).toMatchObject({ auth: 'Bearer demo-keypad-4', body: { score: 4 } });
  });
});
