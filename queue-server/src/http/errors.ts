// Every error leaves in the contract's shape { error: { code, message } },
// Vietnamese first. Nothing a client sends produces a 500.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/index.ts';

const KIND_STATUS = { bad_input: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, unavailable: 503 } as const;

/** Codes for the statuses the framework itself can give. */
const STATUS_CODE: Record<number, [string, string]> = {
  400: ['bad_request', 'Yêu cầu không hợp lệ / bad request'],
  401: ['unauthorized', 'Hãy đăng nhập / please sign in'],
  403: ['forbidden', 'Không được phép / forbidden'],
  404: ['not_found', 'Không tìm thấy / not found'],
  405: ['method_not_allowed', 'Phương thức không được hỗ trợ / method not allowed'],
  406: ['not_acceptable', 'Không đáp ứng được định dạng yêu cầu / not acceptable'],
  408: ['timeout', 'Yêu cầu quá lâu / request timeout'],
  413: ['payload_too_large', 'Dữ liệu gửi lên quá lớn / request body too large'],
  414: ['uri_too_long', 'Địa chỉ quá dài / URI too long'],
  415: ['unsupported_media_type', 'Chỉ nhận dữ liệu JSON / only JSON bodies are accepted'],
  429: ['rate_limited', 'Quá nhiều yêu cầu; hãy thử lại sau ít phút / too many requests; try again shortly'],
  431: ['headers_too_large', 'Phần đầu yêu cầu quá lớn / request headers too large'],
};

/**
 * Waits until the writes so far are on disk (the store's group commit); a
 * failed commit becomes a 503 the client may retry (with its idempotency key).
 */
export async function whenDurable(store: { durable(): Promise<void> }): Promise<void> {
  await store.durable().catch(() => {
    throw new DomainError('unavailable', 'storage_failed', 'Không lưu được dữ liệu, xin thử lại / the data could not be saved, please try again');
  });
}

/** The contract's JSON for a status, for places that write raw bytes (the HTTP parser's refusals). */
export function errorBody(status: number): string {
  const [code, message] = STATUS_CODE[status] ?? STATUS_CODE[400]!;
  return JSON.stringify({ error: { code, message } });
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message } });
}

function validationMessage(err: FastifyError): string {
  const v = err.validation?.[0];
  const where = v ? `${(v.instancePath || '').replace(/^\//, '').replaceAll('/', '.') || (v.params as { missingProperty?: string })?.missingProperty || err.validationContext || ''}` : '';
  const detail = v?.message ?? err.message;
  return `Dữ liệu không hợp lệ${where ? ` ở "${where}"` : ''}: ${detail} / invalid ${err.validationContext ?? 'input'}${where ? ` at "${where}"` : ''}: ${detail}`;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof DomainError) return sendError(reply, KIND_STATUS[err.kind], err.code, err.message);
    if (err.validation) return sendError(reply, 400, 'bad_request', validationMessage(err));
    const status = err.statusCode ?? 500;
    if (status === 413) return sendError(reply, 413, 'payload_too_large', 'Dữ liệu gửi lên quá lớn / request body too large');
    if (status === 415) return sendError(reply, 415, 'unsupported_media_type', 'Chỉ nhận dữ liệu JSON / only JSON bodies are accepted');
    if (status === 429) return sendError(reply, 429, 'rate_limited', 'Quá nhiều yêu cầu; hãy thử lại sau ít phút / too many requests; try again shortly');
    if (status >= 400 && status < 500) {
      const [code, base] = STATUS_CODE[status] ?? STATUS_CODE[400]!;
      return sendError(reply, status, code, `${base.split(' / ')[0]}: ${err.message} / ${base.split(' / ')[1]}: ${err.message}`);
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(reply, 500, 'internal', 'Lỗi máy chủ; hãy thử lại / server error; please try again');
  });
}

export function apiNotFound(reply: FastifyReply, url: string) {
  return sendError(reply, 404, 'not_found', `Không có địa chỉ ${url.split('?')[0]} / no such route`);
}
