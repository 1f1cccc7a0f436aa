// What the kiosk knows about the citizen in front of it. Personal data from a
// scanned card lives only here and is dropped when the screen returns home.
import type { Cccd } from './agent-protocol.ts';
import type { Ticket } from './types.ts';

export const session = $state<{
  cccd: Cccd | null;
  identityQr: string | null;
  priorityCategoryId: string | null;
  priorityAuto: boolean;
  ticket: Ticket | null;
}>({ cccd: null, identityQr: null, priorityCategoryId: null, priorityAuto: false, ticket: null });

export function clearSession(): void {
  session.cccd = null;
  session.identityQr = null;
  session.priorityCategoryId = null;
  session.priorityAuto = false;
  session.ticket = null;
}
