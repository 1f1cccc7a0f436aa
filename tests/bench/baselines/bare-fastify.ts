// Baseline: a bare Fastify route that validates the same ticket body as the
// queue-server's POST /api/v1/tickets and echoes it — HTTP + JSON + schema
// validation and nothing else. Prints BARE_URL=<url> when listening.
import { requireFromServer } from './server-deps.ts';

interface Reply {
  code(n: number): Reply;
}
interface Bare {
  post(path: string, opts: { schema: { body: unknown } }, handler: (req: { body: unknown }, reply: Reply) => Promise<unknown>): void;
  listen(o: { port: number; host: string }): Promise<string>;
  close(): Promise<void>;
}
const Fastify = requireFromServer('fastify') as (o: object) => Bare;

// The same schema as queue-server/src/http/tickets.routes.ts (issueBody).
const issueBody = {
  type: 'object',
  additionalProperties: false,
  required: ['serviceId'],
  properties: {
    serviceId: { type: 'string', minLength: 1, maxLength: 64 },
    priorityCategoryId: { type: ['string', 'null'], minLength: 1, maxLength: 64 },
    channel: { type: 'string', enum: ['kiosk', 'mobile', 'counter', 'appointment'] },
    identityQr: { type: 'string', maxLength: 1000 },
    kioskId: { type: 'string', minLength: 1, maxLength: 64 },
    procedureCode: { type: 'string', minLength: 1, maxLength: 32 },
    lang: { type: 'string', enum: ['vi', 'en'] },
  },
};

const app = Fastify({ logger: false, bodyLimit: 16 * 1024, ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } } });
app.post('/api/v1/tickets', { schema: { body: issueBody } }, async (req, reply) => {
  reply.code(201);
  return req.body;
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`BARE_URL=${url}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
