// What the kiosk knows about the citizen in front of it. Personal data from a
// scanned card lives only here and is dropped when the screen returns home.
import type { CccdSummary, ScanEvent } from '@mot-cua/ui-shared/agent-protocol.ts';
import { settlePendingAge, takeCardAge } from './priority.ts';
import { declarationFromScan, type Answers, type Declaration } from './preparation.ts';
import type { PriorityCategory, Ticket } from './types.ts';

export const session = $state<{
  cccd: CccdSummary | null;
  identityQr: string | null;
  priorityCategoryId: string | null;
  priorityAuto: boolean;
  /** the card's age while the centre's priority groups have not loaded yet (see settleCardAge) */
  pendingAge: number | null;
  ticket: Ticket | null;
  /** the code of a chip read that failed on the home screen, explained on the fields screen */
  chipError: string | null;
  /** the access key was typed on this kiosk (not scanned): a wrong key is explained as a typing mistake */
  chipKeyTyped: boolean;
  /** The documents the citizen has of a procedure's list (issue 16.2), answered on its page. */
  prep: { procedureCode: string; names: string[]; answers: Answers } | null;
  /** The declaration prefilled from the scanned card: personal, dropped with the rest. */
  declaration: Declaration | null;
}>({ cccd: null, identityQr: null, priorityCategoryId: null, priorityAuto: false, pendingAge: null, ticket: null, chipError: null, chipKeyTyped: false, prep: null, declaration: null });

export function clearSession(): void {
  session.cccd = null;
  session.identityQr = null;
  session.priorityCategoryId = null;
  session.priorityAuto = false;
  session.pendingAge = null;
  session.ticket = null;
  session.chipError = null;
  session.chipKeyTyped = false;
  session.prep = null;
  session.declaration = null;
}

/**
 * Takes a card scan into the session: the name to greet, the raw QR for the
 * server (it re-checks the age itself), and the age priority without asking.
 * `categories` is null while the centre has not loaded: the age is then kept
 * and its group given by `settleCardAge` once it has. Returns the category given, if any.
 */
export function applyCardScan(s: ScanEvent & { cccd: CccdSummary }, categories: readonly PriorityCategory[] | null): PriorityCategory | null {
  session.cccd = s.cccd;
  session.declaration = declarationFromScan(s);
  // a chip read carries the same fields as the QR, in the QR's format: the server hashes the number alike
  session.identityQr = s.source === 'qr' || s.source === 'chip' ? s.raw : null;
  return takeCardAge(session, s.cccd.age, categories);
}

/** The centre's groups have arrived: a card scanned before them gets its age's group now. */
export function settleCardAge(categories: readonly PriorityCategory[]): PriorityCategory | null {
  return settlePendingAge(session, categories);
}

/** The citizen chose a group (or none) by hand: the card's age no longer decides. */
export function choosePriority(id: string | null): void {
  session.priorityCategoryId = id;
  session.priorityAuto = false;
  session.pendingAge = null;
}
