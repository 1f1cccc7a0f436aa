// Dossier status from the province's one-stop information system (issue 16.4), over
// HTTP, behind the DossierSource the demo's local table also implements. A slow or
// failing provincial system must never slow the kiosk: every request has a timeout,
// answers are cached for a short while, and after a run of failures a circuit
// breaker answers "unavailable" at once until a quiet period has passed, then lets
// one request through to try again.
//
// The contract it expects (documented in queue-server/API.md):
//   GET {baseUrl}/dossiers/{code}   Authorization: Bearer {token}   Accept: application/json
//   200 { code, procedureCode, applicantName, status, receivedAt, dueAt, updatedAt, note? }
//       status one of received | processing | supplement_needed | ready | returned;
//       times as ISO 8601 strings or epoch milliseconds
//   404 the system knows no such dossier
// Anything else — another status, a body that is not that shape, no answer in time —
// is a failure: the citizen is told the provincial system cannot be reached now.
import { fail } from '../domain/messages.ts';
import type { Dossier, DossierSource, DossierStatus } from '../store/index.ts';

const STATUSES: readonly DossierStatus[] = ['received', 'processing', 'supplement_needed', 'ready', 'returned'];

export interface HttpDossierSourceOptions {
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` (never logged). */
  token?: string | null;
  /** Per request (default 3 s): the kiosk waits no longer. */
  timeoutMs?: number;
  /** How long a found dossier is kept (default 60 s); an unknown code is kept a fifth of that. */
  cacheMs?: number;
  /** Failures in a row that open the circuit (default 3). */
  failuresToOpen?: number;
  /** How long the circuit stays open before one request may try again (default 30 s). */
  openMs?: number;
  /** Entries the cache keeps at most (default 500). */
  maxCached?: number;
  now?: () => number;
  fetch?: typeof fetch;
}

/** Why a look-up failed, for the health of the link (never shown with a code or a name). */
export type SourceFailure = 'timeout' | 'http_status' | 'garbage' | 'network' | 'circuit_open';

export class HttpDossierSource implements DossierSource {
  private readonly cache = new Map<string, { dossier: Dossier | null; until: number }>();
  private failures = 0;
  private openUntil = 0;
  /** The last failure, for a health view: what, and when. */
  lastFailure: { kind: SourceFailure; at: number } | null = null;
  private readonly o: Required<Omit<HttpDossierSourceOptions, 'token'>> & { token: string | null };

  constructor(opts: HttpDossierSourceOptions) {
    const base = new URL(opts.baseUrl);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error(`DOSSIER_SOURCE_URL "${opts.baseUrl}" không phải địa chỉ http(s) / is not an http(s) address`);
    this.o = {
      baseUrl: base.href.replace(/\/+$/, ''),
      token: opts.token ?? null,
      timeoutMs: opts.timeoutMs ?? 3000,
      cacheMs: opts.cacheMs ?? 60_000,
      failuresToOpen: opts.failuresToOpen ?? 3,
      openMs: opts.openMs ?? 30_000,
      maxCached: opts.maxCached ?? 500,
      now: opts.now ?? Date.now,
      fetch: opts.fetch ?? fetch,
    };
  }

  /** Whether the breaker is letting requests through now. */
  get open(): boolean {
    return this.o.now() < this.openUntil;
  }

  async find(code: string): Promise<Dossier | null> {
    const now = this.o.now();
    const hit = this.cache.get(code);
    if (hit && hit.until > now) return hit.dossier;
    if (now < this.openUntil) throw this.failed('circuit_open');
    let res: Response;
    try {
      res = await this.o.fetch(`${this.o.baseUrl}/dossiers/${encodeURIComponent(code)}`, {
        headers: { accept: 'application/json', ...(this.o.token ? { authorization: `Bearer ${this.o.token}` } : {}) },
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
    } catch (e) {
      throw this.failed(e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError') ? 'timeout' : 'network');
    }
    let dossier: Dossier | null;
    if (res.status === 404) {
      await res.body?.cancel();
      dossier = null;
    } else if (res.status !== 200) {
      await res.body?.cancel();
      throw this.failed('http_status');
    } else {
      let body: unknown;
      try {
        body = await res.json();
      } catch (e) {
        throw this.failed(e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError') ? 'timeout' : 'garbage');
      }
      dossier = parseDossier(body, code);
      if (!dossier) throw this.failed('garbage');
    }
    this.failures = 0;
    this.remember(code, dossier, now);
    return dossier;
  }

  private remember(code: string, dossier: Dossier | null, now: number): void {
    if (this.cache.size >= this.o.maxCached) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(code, { dossier, until: now + (dossier ? this.o.cacheMs : this.o.cacheMs / 5) });
  }

  /** Counts a failure (opening the circuit after a run of them) and gives the error the citizen sees. */
  private failed(kind: SourceFailure): Error {
    const now = this.o.now();
    this.lastFailure = { kind, at: now };
    if (kind !== 'circuit_open' && ++this.failures >= this.o.failuresToOpen) {
      this.openUntil = now + this.o.openMs;
      this.failures = 0;
    }
    return fail('dossier_source_unavailable');
  }
}

const time = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v;
  if (typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isFinite(t) ? t : null;
  }
  return null;
};
const str = (v: unknown, max: number): string | null => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : null);

/** The provincial system's answer as a Dossier, or null when it is not the agreed shape (or names another dossier). */
export function parseDossier(body: unknown, code: string): Dossier | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const b = body as Record<string, unknown>;
  const status = STATUSES.find((s) => s === b.status);
  const receivedAt = time(b.receivedAt);
  const dueAt = time(b.dueAt);
  const updatedAt = time(b.updatedAt) ?? receivedAt;
  const procedureCode = str(b.procedureCode, 32);
  const applicantName = str(b.applicantName, 200);
  if (str(b.code, 32)?.toUpperCase() !== code || !status || receivedAt === null || dueAt === null || updatedAt === null || !procedureCode || !applicantName) return null;
  const note = b.note === undefined || b.note === null ? null : str(b.note, 500);
  return { code, procedureCode, applicantName, status, receivedAt, dueAt, updatedAt, note };
}
