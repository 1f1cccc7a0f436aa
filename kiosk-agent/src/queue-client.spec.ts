import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeQueueServer } from '../test/fake-queue-server.ts';
import { QueueClient } from './queue-client.ts';

const quiet = { info: () => {}, warn: () => {} };
let server: FakeQueueServer;
beforeEach(async () => {
  server = new FakeQueueServer();
  await server.start();
});
afterEach(() => server.close());

describe('QueueClient.deliver', () => {
  it('retries 5xx and 429 until delivered, then stops', async () => {
    server.answer('/x', { status: 503 }, { status: 429 }, { status: 502 }, { status: 204 });
    const c = new QueueClient({ baseUrl: server.url, logger: quiet, baseDelayMs: 5, maxDelayMs: 20 });
    const r = await c.deliver('/x', 'tok', () => ({ a: 1 }));
    expect(r).toMatchObject({ ok: true, status: 204 });
    expect(server.to('/x').map((x) => x.auth)).toEqual(['Bearer tok', 'Bearer tok', 'Bearer tok', 'Bearer tok']);
    await c.close();
  });

  it('takes a 4xx as final: one attempt, the error returned, nothing thrown', async () => {
    server.answer('/x', { status: 404, body: { error: { code: 'not_found', message: 'Không thấy / Not found' } } });
    const c = new QueueClient({ baseUrl: server.url, logger: quiet, baseDelayMs: 5 });
    expect(await c.deliver('/x', 'tok', () => ({}))).toMatchObject({ ok: false, status: 404 });
    expect(server.to('/x')).toHaveLength(1);
    await c.close();
  });

  it('keeps trying an unreachable server with growing delays, and stops when closed', async () => {
    const c = new QueueClient({ baseUrl: 'http://127.0.0.1:9', logger: quiet, baseDelayMs: 5, maxDelayMs: 40, timeoutMs: 500 });
    const p = c.deliver('/x', 'tok', () => ({}));
    await new Promise((r) => setTimeout(r, 150));
    await c.close();
    expect(await p).toMatchObject({ ok: false, status: null });
  });

  it('gives up a report that a newer one replaced', async () => {
    server.answer('/h', { status: 503 });
    let generation = 1;
    const c = new QueueClient({ baseUrl: server.url, logger: quiet, baseDelayMs: 5, maxDelayMs: 10 });
    const p = c.deliver('/h', 'tok', () => ({ g: 1 }), () => generation !== 1);
    await server.waitFor(() => server.to('/h').length >= 2);
    generation = 2;
    expect(await p).toMatchObject({ ok: false, status: 503 });
    const n = server.to('/h').length;
    await new Promise((r) => setTimeout(r, 60));
    expect(server.to('/h')).toHaveLength(n);
    await c.close();
  });
});
