// What the kiosk knows about the citizen in front of it. Personal data from a
// scanned card lives only here and is dropped when the screen returns home.
import type { CccdSummary, ScanEvent } from '@mot-cua/ui-shared/agent-protocol.ts';
import { categoryForAge } from './priority.ts';
import type { PriorityCategory, Ticket } from './types.ts';

export const session = $state<{
  cccd: CccdSummary | null;
  identityQr: string | null;
  priorityCategoryId: string | null;
  priorityAuto: boolean;
  ticket: Ticket | null;
  /** the code of a chip read that failed on the home screen, explained on the fields screen */
  chipError: string | null;
}>({ cccd: null, identityQr: null, priorityCategoryId: null, priorityAuto: false, ticket: null, chipError: null });

export function clearSession(): void {
  session.cccd = null;
  session.identityQr = null;
  session.priorityCategoryId = null;
  session.priorityAuto = false;
  session.ticket = null;
  session.chipError = null;
}

/**
 * Takes a card scan into the session: the name to greet, the raw QR for the
 * server (it re-checks the age itself), and the age priority without asking.
 * Returns the category given, if any.
 */
export function applyCardScan(s: ScanEvent & { cccd: CccdSummary }, categories: PriorityCategory[]): PriorityCategory | null {
  session.cccd = s.cccd;
  // a chip read carries the same fields as the QR, in the QR's format: the server hashes the number alike
  session.identityQr = s.source === 'qr' || s.source === 'chip' ? s.raw : null;
  const auto = categoryForAge(categories, s.cccd.age);
  if (auto) {
    session.priorityCategoryId = auto.id;
    session.priorityAuto = true;
  }
  return auto;
}
