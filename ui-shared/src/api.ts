// JSON calls to the queue-server's API v1 on the page's own origin, for every UI.
// Cookie-authenticated writes carry the double-submit CSRF header the server
// checks; every failure — refused, unreachable, too slow — becomes an ApiError
// whose text is the server's message (or ours) in the reader's language.
import { common, messageFor, type Lang } from '@mot-cua/config/strings/index.ts';
import type { ErrorBody } from './wire.ts';

/** Our own words for failures the server could not put into words. */
const bilingual = (key: 'errorServerUnreachable' | 'errorTimeout') => `${common.vi[key]} / ${common.en[key]}`;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The message as the server wrote it: "Vietnamese / English". */
    readonly raw: string,
  ) {
    super(raw);
  }

  /** The half of the message in the reader's language. */
  text(lang: Lang): string {
    return messageFor(this.raw, lang);
  }

  /** True when the server could not be reached at all (network down, too slow, a proxy's 5xx). */
  get unreachable(): boolean {
    return this.status === 0 || this.status >= 502;
  }

  /** Anything a call threw, as an ApiError: what is not one already counts as "no server". */
  static from(e: unknown): ApiError {
    return e instanceof ApiError ? e : new ApiError(0, 'unreachable', e instanceof Error ? e.message : String(e));
  }
}

export const API_BASE = '/api/v1';
export const API_TIMEOUT_MS = 8000;

export interface ApiInit {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
}

function csrfCookie(): string | null {
  if (typeof document === 'undefined') return null;
  const m = document.cookie.match(/(?:^|;\s*)csrf=([^;]*)/);
  return m ? decodeURIComponent(m[1] ?? '') : null;
}

/**
 * One call to `/api/v1{path}`. A 204 answer resolves to null: name the type
 * `X | null` for a route that may answer "nothing" (call-next when nobody waits).
 */
export async function api<T>(path: string, init: ApiInit = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const csrf = method === 'GET' ? null : csrfCookie();
  if (csrf !== null) headers['x-csrf-token'] = csrf;
  Object.assign(headers, init.headers);

  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), API_TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(API_BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: ctrl.signal,
    });
  } catch {
    throw ctrl.signal.aborted
      ? new ApiError(0, 'timeout', bilingual('errorTimeout'))
      : new ApiError(0, 'unreachable', bilingual('errorServerUnreachable'));
  } finally {
    clearTimeout(timer);
  }
  if (res.status === 204) return null as T;
  const text = await res.text().catch(() => '');
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // a proxy's HTML error page: told by its status below
  }
  if (!res.ok) {
    // A refusal from the server itself has the ErrorBody shape; anything else (a proxy) has none.
    const err = (data as Partial<ErrorBody> | null)?.error;
    throw new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? `HTTP ${res.status}`);
  }
  return data as T;
}
