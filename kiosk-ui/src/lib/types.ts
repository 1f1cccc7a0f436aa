// Shapes of the queue-server answers the kiosk reads (queue-server/API.md); a
// ticket's comes from the server's own route schema.
export type { Ticket, TicketStatus } from '@mot-cua/ui-shared/wire.ts';
// The centre, its fields and counters, and the queue: derived from the server's route schemas too.
export type { Center, CenterService as Service, CounterView as Counter, PriorityCategory, SatisfactionLevel, QueueItem } from '@mot-cua/ui-shared/wire.ts';
export interface Procedure {
  code: string; name: string; nameEn?: string | null; serviceId: string; documents: string[];
  /** The same documents with what to do when one is missing (issue 16.2); absent from an older server. */
  documentGuides?: { name: string; howToGet?: string; formName?: string; formUrl?: string }[];
  processingTime: string; fee: string; anyResidence: boolean; forms: { name: string; url?: string }[];
}
export type DossierStatus = 'received' | 'processing' | 'supplement_needed' | 'ready' | 'returned';
export interface Dossier {
  code: string; procedureCode: string; procedureName: string; applicantInitials: string;
  status: DossierStatus; statusText: string; receivedAt: string; dueAt: string | null; updatedAt: string;
}
export interface Booking { code: string; serviceId: string; date: string; time: string; fullName: string; status: string; remind?: boolean }
export interface Slot { time: string; free: number }
