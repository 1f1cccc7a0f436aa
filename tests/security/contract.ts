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

