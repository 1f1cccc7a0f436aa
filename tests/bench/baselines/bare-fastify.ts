// Baseline: a bare Fastify route that validates the same ticket body as the
// queue-server's POST /api/v1/tickets and echoes it — HTTP + JSON + schema
// validation and nothing else. Prints BARE_URL=<url> when listening.
import { requireFromServer } from './server-deps.ts';
// The very schema the queue-server's POST /api/v1/tickets validates.
import { issueBody } from '../../../queue-server/src/http/schemas.ts';

interface Reply {
  code(n: number): Reply;
}
interface Bare {
  post(path: string, opts: { schema: { body: unknown } }, handler: (req: { body: unknown }, reply: Reply) => Promise<unknown>): void;
  listen(o: { port: number; host: string }): Promise<string>;
  close(): Promise<void>;
}
const Fastify = requireFromServer('fastify') as (o: object) => Bare;

const app = Fastify({ logger: false, bodyLimit: 16 * 1024, ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } } });
app.post('/api/v1/tickets', { schema: { body: issueBody } }, async (req, reply) => {
  reply.code(201);
  return req.body;
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`BARE_URL=${url}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
