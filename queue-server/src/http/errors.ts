// Every error leaves in the contract's shape { error: { code, message } },
// Vietnamese first. Nothing a client sends produces a 500.
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../domain/index.ts';
import { ERRORS, HTTP_ERRORS, fail, say, type Bilingual } from '../domain/messages.ts';

const KIND_STATUS = { bad_input: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, too_many: 429, unavailable: 503 } as const;

/** Codes and texts for the statuses the framework itself can give. */
const STATUS_CODE: Record<number, [code: string, text: Bilingual]> = {
  400: ['bad_request', HTTP_ERRORS.bad_request],
  401: ['unauthorized', ERRORS.unauthorized],
  403: ['forbidden', HTTP_ERRORS.forbidden],
  404: ['not_found', HTTP_ERRORS.not_found],
  405: ['method_not_allowed', HTTP_ERRORS.method_not_allowed],
  406: ['not_acceptable', HTTP_ERRORS.not_acceptable],
  408: ['timeout', HTTP_ERRORS.timeout],
  413: ['payload_too_large', HTTP_ERRORS.payload_too_large],
  414: ['uri_too_long', HTTP_ERRORS.uri_too_long],
  415: ['unsupported_media_type', HTTP_ERRORS.unsupported_media_type],
  429: ['rate_limited', HTTP_ERRORS.rate_limited],
  431: ['headers_too_large', HTTP_ERRORS.headers_too_large],
};
const statusError = (status: number) => STATUS_CODE[status] ?? STATUS_CODE[400]!;

/**
 * Waits until the writes so far are on disk (the store's group commit); a
 * failed commit becomes a 503 the client may retry (with its idempotency key).
 */
export async function whenDurable(store: { durable(): Promise<void> }): Promise<void> {
  await store.durable().catch(() => {
    throw fail('storage_failed');
  });
}

/** The contract's JSON for a status, for places that write raw bytes (the HTTP parser's refusals). */
export function errorBody(status: number): string {
  const [code, text] = statusError(status);
  return JSON.stringify({ error: { code, message: say(text) } });
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message } });
}

/** A refusal the domain, a service or a guard raised, with the status its kind calls for. */
export function sendRefusal(reply: FastifyReply, err: DomainError) {
  return sendError(reply, KIND_STATUS[err.kind], err.code, err.message);
}

function validationMessage(err: FastifyError): string {
  const v = err.validation?.[0];
  const where = v ? `${(v.instancePath || '').replace(/^\//, '').replaceAll('/', '.') || (v.params as { missingProperty?: string })?.missingProperty || err.validationContext || ''}` : '';
  const detail = v?.message ?? err.message;
  const context = err.validationContext ?? 'input';
  return where ? say(HTTP_ERRORS['bad_request:invalid_at'], { where, detail, context }) : say(HTTP_ERRORS['bad_request:invalid'], { detail, context });
}

/** The one error handler, for every route of the server (fastify-plugin: it must not stay in a scope of its own). */
export const errorHandling = fp(
  async (app) => {
    app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      if (err instanceof DomainError) return sendRefusal(reply, err);
      if (err.validation) return sendError(reply, 400, 'bad_request', validationMessage(err));
      const status = err.statusCode ?? 500;
      // The framework's own words for these add nothing a person could act on.
      if (status === 413 || status === 415 || status === 429) {
        const [code, text] = statusError(status);
        return sendError(reply, status, code, say(text));
      }
      if (status >= 400 && status < 500) {
        const [code, base] = statusError(status);
        return sendError(reply, status, code, `${base.vi}: ${err.message} / ${base.en}: ${err.message}`);
      }
      req.log.error({ err }, 'unhandled error');
      return sendError(reply, 500, 'internal', say(HTTP_ERRORS.internal));
    });
  },
  { name: 'error-handling' },
);

export function apiNotFound(reply: FastifyReply, url: string) {
  return sendError(reply, 404, 'not_found', say(HTTP_ERRORS['not_found:route'], { path: url.split('?')[0]! }));
}

/** No answer leaves before the writes it may have seen are on disk (the store's group commit). */
export const durableAnswers = fp(
  async (app, { store }: { store: { durable(): Promise<void> } }) => {
    app.addHook('onSend', async () => whenDurable(store));
  },
  { name: 'durable-answers' },
);

/** Requests the router refuses before any route (bad %-escapes, overlong parameters) get the contract's shape too. */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (err, _req, reply) => {
  const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  void sendError(reply, status, status === 414 ? 'uri_too_long' : 'bad_request', say(HTTP_ERRORS['bad_request:malformed_url'], { code: err.code }));
};

/** Bytes Node's HTTP parser refuses never reach Fastify's handlers: answer them in the contract's shape. */
export const clientErrorHandler: NonNullable<FastifyServerOptions['clientErrorHandler']> = (err: NodeJS.ErrnoException & { bytesParsed?: number }, socket) => {
  if (err.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const body = errorBody(status);
  socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
};
