// Taking a number. One attempt = one Idempotency-Key: the key is made when the
// citizen taps a field and reused by every retry of that same choice, so a
// double tap, a timeout or a retry after a network blip never makes two tickets.
import type { Lang } from '@mot-cua/config/strings/index.ts';
import { api } from '@mot-cua/ui-shared/api.ts';
import type { IssueBody } from '@mot-cua/ui-shared/wire.ts';
import type { Ticket } from './types.ts';

export interface IssueChoice {
  serviceId: string;
  priorityCategoryId: string | null;
  identityQr: string | null;
}

export interface Attempt extends IssueChoice {
  key: string;
}

/** A random key for one attempt to take a number; works on plain-http kiosks too (no randomUUID there). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Keep the attempt (and its key) when the choice is unchanged, else start a new one. */
export function attemptFor(prev: Attempt | null, choice: IssueChoice): Attempt {
  if (
    prev &&
    prev.serviceId === choice.serviceId &&
    prev.priorityCategoryId === choice.priorityCategoryId &&
    prev.identityQr === choice.identityQr
  ) {
    return prev;
  }
  return { ...choice, key: newIdempotencyKey() };
}

export function issueTicket(
  a: Attempt,
  extra: { kioskId: string | null; lang: Lang; procedureCode?: string; dossierCode?: string; auth?: Record<string, string>; preparation?: IssueBody['preparation']; declaration?: IssueBody['declaration'] },
): Promise<Ticket> {
  return api<Ticket>('/tickets', {
    method: 'POST',
    headers: { 'Idempotency-Key': a.key, ...extra.auth },
    body: {
      serviceId: a.serviceId,
      channel: 'kiosk',
      lang: extra.lang,
      ...(a.priorityCategoryId ? { priorityCategoryId: a.priorityCategoryId } : {}),
      ...(a.identityQr ? { identityQr: a.identityQr } : {}),
      ...(extra.kioskId ? { kioskId: extra.kioskId } : {}),
      ...(extra.procedureCode ? { procedureCode: extra.procedureCode } : {}),
      ...(extra.dossierCode ? { dossierCode: extra.dossierCode } : {}),
      ...(extra.procedureCode && extra.preparation ? { preparation: extra.preparation } : {}),
      ...(extra.procedureCode && extra.declaration ? { declaration: extra.declaration } : {}),
    } satisfies IssueBody,
  });
}
