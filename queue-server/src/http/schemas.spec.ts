// The route schemas are the one source of a request's shape: Fastify validates
// by them, and the json-schema-to-ts type provider gives handlers their types.
import Fastify from 'fastify';
import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { CHANNELS } from '../domain/index.ts';
import { counterParam, issueBody, ratingBody, transferBody } from './schemas.ts';

describe('route schemas', () => {
  it('type the handler from the schema and refuse what it does not allow', async () => {
    // Validation as the server sets it up (app.ts): nothing stripped, nothing coerced.
    const app = Fastify({ ajv: { customOptions: { removeAdditional: false, coerceTypes: false } } }).withTypeProvider<JsonSchemaToTsProvider>();
    const seen: unknown[] = [];
    app.post('/tickets', { schema: { body: issueBody } }, async (req) => {
      expectTypeOf(req.body.serviceId).toEqualTypeOf<string>();
      expectTypeOf(req.body.channel).toEqualTypeOf<(typeof CHANNELS)[number] | undefined>();
      expectTypeOf(req.body.priorityCategoryId).toEqualTypeOf<string | null | undefined>();
      expectTypeOf(req.body.lang).toEqualTypeOf<'vi' | 'en' | undefined>();
      seen.push(req.body);
      return { ok: true };
    });
    app.post('/counters/:counterId/rating', { schema: { params: counterParam, body: ratingBody } }, async (req) => {
      expectTypeOf(req.params.counterId).toEqualTypeOf<string>();
      expectTypeOf(req.body.score).toEqualTypeOf<number>();
      return { ok: true };
    });
    app.post('/transfer', { schema: { body: transferBody } }, async (req) => {
      expectTypeOf(req.body).toEqualTypeOf<{ serviceId: string }>();
      return { ok: true };
    });

    const good = await app.inject({ method: 'POST', url: '/tickets', payload: { serviceId: 'ho-tich', channel: 'kiosk', lang: 'vi' } });
    expect(good.statusCode).toBe(200);
    expect(seen).toEqual([{ serviceId: 'ho-tich', channel: 'kiosk', lang: 'vi' }]);
    for (const payload of [{ serviceId: 'ho-tich', extra: 1 }, { channel: 'kiosk' }, { serviceId: 'ho-tich', channel: 'fax' }]) {
      expect((await app.inject({ method: 'POST', url: '/tickets', payload })).statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await app.inject({ method: 'POST', url: '/counters/quay-1/rating', payload: { score: 5 } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/counters/quay-1/rating', payload: { score: 4 } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/transfer', payload: { serviceId: '' } })).statusCode).toBe(400);
    await app.close();
  });
});
