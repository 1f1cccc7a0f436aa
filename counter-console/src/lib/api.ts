// Same-origin JSON calls to the queue-server. Cookie-authenticated writes carry
// the double-submit CSRF header the server checks.
import { messageFor, type Lang } from '@mot-cua/config/strings/index.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly raw: string,
  ) {
    super(raw);
  }
  text(lang: Lang): string {
    return messageFor(this.raw, lang);
  }
}

function csrf(): string {
  const m = document.cookie.match(/(?:^|;\s*)csrf=([^;]*)/);
  return m ? decodeURIComponent(m[1] ?? '') : '';
}

export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T | null> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrf();
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 204) return null;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? 'http_' + res.status, err?.message ?? `HTTP ${res.status}`);
  }
  return data as T;
}
