// GET /center and GET /queue answer exactly what their route schemas list (the UIs'
// wire types are derived from those schemas): every property the schema names is there
// (the handler builds it; a field it forgot would be missing here), and nothing else leaves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centerSchema, centerServiceSchema, counterViewSchema, queueItemSchema } from '../src/http/center-schemas.ts';
import { startTestServer, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  const staff = s.client();
  await staff.login('quay2', 'quay-2');
});
afterAll(() => s.close());

const keys = (o: object) => Object.keys(o).sort();

describe('the centre and queue views', () => {
  it('GET /center carries every property of its schema, and only those, down to each field and counter', async () => {
    const r = await s.client().get<Record<string, unknown> & { services: object[]; counters: object[] }>('/api/v1/center');
    expect(r.status).toBe(200);
    expect(keys(r.body)).toEqual([...centerSchema.required].sort());
    for (const f of r.body.services) expect(keys(f)).toEqual([...centerServiceSchema.required].sort());
    for (const c of r.body.counters) expect(keys(c)).toEqual([...counterViewSchema.required].sort());
  });

  it('GET /queue carries every property of a field’s figures', async () => {
    const r = await s.client().get<{ time: string; services: object[] }>('/api/v1/queue');
    expect(r.body.services.length).toBeGreaterThan(0);
    for (const q of r.body.services) expect(keys(q)).toEqual([...queueItemSchema.required].sort());
  });
});
