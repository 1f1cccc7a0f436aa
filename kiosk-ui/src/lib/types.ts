// Shapes of the queue-server answers the kiosk reads (queue-server/API.md); a
// ticket's comes from the server's own route schema.
export type { Ticket, TicketStatus } from '@mot-cua/ui-shared/wire.ts';
export interface Service {
  id: string; code: string; name: string; nameEn?: string | null; prefix: string; icon: string;
  waiting: number; estimatedWaitMinutes: number | null; estimatedWaitLowMinutes?: number | null; estimatedWaitHighMinutes?: number | null; open: boolean; opensAt: string | null;
}
export interface Counter {
  id: string; number: number; name: string; nameEn?: string; serviceIds: string[]; priority: boolean; status: string;
  staff: { fullName: string; title: string; phone?: string | null } | null;
}
export interface PriorityCategory { id: string; name: string; nameEn?: string | null; minAge?: number | null }
export interface SatisfactionLevel { score: number; label: string; labelEn?: string | null }
export interface Center {
  id: string; name: string; nameEn?: string | null; address: string; hotline: string; notice: string; noticeEn?: string;
  targetWaitMinutes: number; services: Service[]; counters: Counter[];
  priorityCategories: PriorityCategory[]; satisfactionLevels: SatisfactionLevel[];
  booking: { earlyMinutes: number; lateMinutes: number };
  /** the kiosk agent's address the server was started with (KIOSK_AGENT_URL), or null */
  kioskAgentUrl?: string | null;
}
export interface QueueItem { serviceId: string; waiting: number; oldestWaitSeconds: number; estimatedWaitMinutes: number | null; estimatedWaitLowMinutes?: number | null; estimatedWaitHighMinutes?: number | null }
export interface Procedure {
  code: string; name: string; nameEn?: string | null; serviceId: string; documents: string[];
  processingTime: string; fee: string; anyResidence: boolean; forms: { name: string; url?: string }[];
}
export type DossierStatus = 'received' | 'processing' | 'supplement_needed' | 'ready' | 'returned';
export interface Dossier {
  code: string; procedureCode: string; procedureName: string; applicantInitials: string;
  status: DossierStatus; statusText: string; receivedAt: string; dueAt: string | null; updatedAt: string;
}
export interface Booking { code: string; serviceId: string; date: string; time: string; fullName: string; status: string }
export interface Slot { time: string; free: number }
