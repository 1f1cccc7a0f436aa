// The contract's error shape, checked exactly: { error: { code, message } } and nothing else.
export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** Why an answer breaks the contract, or null when it keeps it. */
export function contractViolation(a: Answer): string | null {
  if (a.status >= 500) return `server error ${a.status}: ${a.text.slice(0, 300)}`;
  if (a.status < 400) return null;
  if (!/^application\/json\b/i.test(a.contentType)) return `${a.status} with content-type "${a.contentType}" (not JSON): ${a.text.slice(0, 200)}`;
  let body: unknown;
  try {
    body = JSON.parse(a.text);
  } catch {
    return `${a.status} body is not JSON: ${a.text.slice(0, 200)}`;
  }
  if (!isErrorShape(body)) return `${a.status} body is not { error: { code, message } }: ${a.text.slice(0, 300)}`;
  return null;
}

export function isErrorShape(body: unknown): body is { error: { code: string; message: string } } {
  if (!isPlainObject(body) || Object.keys(body).join() !== 'error') return false;
  const e = body.error;
  if (!isPlainObject(e)) return false;
  const keys = Object.keys(e).sort().join();
  return keys === 'code,message' && typeof e.code === 'string' && e.code.length > 0 && typeof e.message === 'string' && e.message.length > 0;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Answers Fastify and Node give before the app's error handler runs, still in their own
 * shape { error, message, statusCode[, code] } rather than the contract's. Reported to the
 * lead (issue 7: Fastify's `frameworkErrors` and `clientErrorHandler` options fix them);
 * tolerated here by exact code so the fuzz keeps sending these inputs and still fails on
 * any 5xx, hang or other stray shape. Delete an entry once the server answers it properly.
 */
export const KNOWN_OUTSIDE_CONTRACT: { status: number; code?: string; error: string }[] = [
  { status: 400, code: 'FST_ERR_BAD_URL', error: 'Bad Request' }, // a malformed %-escape in the path
  { status: 414, code: 'FST_ERR_MAX_PARAM_LENGTH', error: 'Bad Request' }, // a path parameter over 100 characters
  { status: 431, error: 'Request Header Fields Too Large' }, // request line + headers over 16 KiB
  { status: 400, error: 'Bad Request' }, // bytes Node's HTTP parser refuses (NUL, bad chunking, …)
];

export function isKnownOutsideContract(a: Answer): boolean {
  let body: unknown;
  try {
    body = JSON.parse(a.text);
  } catch {
    return false;
  }
  if (!isPlainObject(body)) return false;
  return KNOWN_OUTSIDE_CONTRACT.some(
    (k) => k.status === a.status && body.error === k.error && body.statusCode === k.status && (k.code === undefined ? !('code' in body) || body.code === undefined : body.code === k.code),
  );
}
