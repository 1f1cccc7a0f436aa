// The records the store keeps, as the rest of the server and every store
// implementation see them (no driver here): tickets, users and sessions,
// devices and alerts, counter states, the audit log, bookings and dossiers.
import type { DomainEvent, Ticket } from '../domain/index.ts';

export interface TicketRecord extends Ticket {
  seq: number;
  kioskId: string | null;
  procedureCode: string | null;
  citizenName: string | null;
  citizenAge: number | null;
  /** Keyed hash of the ID number; the number itself is never stored. */
  idHash: string | null;
  idLast4: string | null;
  /** null: not reported; true/false: the kiosk agent's print result. */
  printed: boolean | null;
  transferredTo: string | null;
  rating: number | null;
  lang: string | null;
  /** A result pickup's dossier (issue 16.3): the ready dossier whose result this ticket comes for; null otherwise. */
  dossierCode: string | null;
  /**
   * A number from the phone (issue 17.1): when its holder checked in at the centre; null until then,
   * and the policy does not call it meanwhile. Other channels are in the hall from the start (null is no wait for them).
   */
  checkedInAt: number | null;
  /**
   * A ticket a kiosk issued while the server was unreachable (issue 17.4): when its replay reached the
   * server; null for every ticket issued online. Its arrival (`arrivedAt`) is the kiosk's issue time.
   */
  syncedAt: number | null;
}

/** The fields a record adds to the domain's ticket. */
type Extras = Omit<TicketRecord, keyof Ticket>;

/** `over`'s value where it has one (null included), else `base`'s, else null. */
const or = <V>(over: V | undefined, base: V | undefined): V => (over !== undefined ? over : ((base ?? null) as V));

/**
 * A ticket record with every field in one fixed order: `base` with `over`'s
 * fields put over it. All records are made here, so they share one hidden
 * class (the estimate's forward run reads thousands of them per burst, and
 * objects made by spreads each got their own), and no spread is on the path:
 * `{ ...a, ...b }` costs microseconds a ticket, this a fraction of one.
 */
export function ticketRecord(base: Ticket & Partial<Extras>, over: Partial<TicketRecord> = {}): TicketRecord {
  return {
    id: or(over.id, base.id), visitId: or(over.visitId, base.visitId), leg: or(over.leg, base.leg), number: or(over.number, base.number),
    day: or(over.day, base.day), seq: or(over.seq, base.seq), serviceId: or(over.serviceId, base.serviceId), status: or(over.status, base.status),
    priorityCategoryId: or(over.priorityCategoryId, base.priorityCategoryId), channel: or(over.channel, base.channel),
    kioskId: or(over.kioskId, base.kioskId), arrivedAt: or(over.arrivedAt, base.arrivedAt), enqueuedAt: or(over.enqueuedAt, base.enqueuedAt),
    bookedAt: or(over.bookedAt, base.bookedAt), calledAt: or(over.calledAt, base.calledAt), waitEndAt: or(over.waitEndAt, base.waitEndAt),
    callCount: or(over.callCount, base.callCount), startedAt: or(over.startedAt, base.startedAt), finishedAt: or(over.finishedAt, base.finishedAt),
    counterId: or(over.counterId, base.counterId), staff: or(over.staff, base.staff), priorWaitMs: or(over.priorWaitMs, base.priorWaitMs),
    procedureCode: or(over.procedureCode, base.procedureCode), citizenName: or(over.citizenName, base.citizenName),
    citizenAge: or(over.citizenAge, base.citizenAge), idHash: or(over.idHash, base.idHash), idLast4: or(over.idLast4, base.idLast4),
    printed: or(over.printed, base.printed), transferredTo: or(over.transferredTo, base.transferredTo), rating: or(over.rating, base.rating),
    lang: or(over.lang, base.lang), dossierCode: or(over.dossierCode, base.dossierCode),
    checkedInAt: or(over.checkedInAt, base.checkedInAt),
    syncedAt: or(over.syncedAt, base.syncedAt),
  };
}

/** A rating's optional note (issue 16.5): kept apart from the event log, deleted by the retention purge. */
export interface RatingNote {
  ticketId: string;
  at: number;
  score: number;
  serviceId: string;
  counterId: string | null;
  staff: string | null;
  note: string;
}

export type Role = 'staff' | 'manager' | 'admin';

export interface User {
  username: string;
  fullName: string;
  title: string;
  role: Role;
  passwordHash: string;
  phone: string | null;
  counterId: string | null;
  /** The counters a staff member may sign in at, when an admin set them; absent: no such limit. */
  counterIds?: string[];
  failedLogins: number;
  lockedUntil: number | null;
  disabled: boolean;
}

export interface Session {
  idHash: string;
  username: string;
  counterId: string | null;
  csrf: string;
  createdAt: number;
  expiresAt: number;
}

export interface DevicePart {
  id: string;
  kind: 'printer' | 'scanner' | 'keypad' | 'display';
  status: 'ok' | 'warning' | 'error' | 'offline';
  detail?: string;
}

export interface Device {
  id: string;
  kind: string;
  name: string;
  counterId: string | null;
  revokedAt: number | null;
  lastSeenAt: number | null;
  parts: DevicePart[];
}

export interface Alert {
  id: number;
  at: number;
  kind: string;
  deviceId: string | null;
  ticketId: string | null;
  message: string;
  resolvedAt: number | null;
}

export type CounterStatus = 'open' | 'paused' | 'closed';

export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

export type BookingStatus = 'booked' | 'checked_in' | 'cancelled';

export interface Booking {
  code: string;
  serviceId: string;
  day: string;
  time: string;
  bookedAt: number;
  fullName: string;
  phone: string;
  status: BookingStatus;
  ticketId: string | null;
  createdAt: number;
  /** The citizen asked to be reminded (a text the day before and an hour before, issue 17.2). */
  remind: boolean;
}

export type DossierStatus = 'received' | 'processing' | 'supplement_needed' | 'ready' | 'returned';

export interface Dossier {
  code: string;
  procedureCode: string;
  applicantName: string;
  status: DossierStatus;
  receivedAt: number;
  dueAt: number;
  updatedAt: number;
  note: string | null;
}

/** Where dossier status comes from. Today the local table; later the provincial system's API behind the same interface. */
export interface DossierSource {
  find(code: string): Promise<Dossier | null>;
}

export interface StoredEvent extends DomainEvent {
  id: number;
}

/**
 * The declaration form (tờ khai) prefilled from a CCCD scan at the kiosk (issue 16.2), as the
 * citizen checked it. Personal: kept apart from the event log, read only by the official at the
 * ticket's counter and the kiosk that made it, and cleared after privacy.scanRetentionDays.
 */
export interface Declaration {
  fullName: string;
  /** dd/mm/yyyy, as the card prints it. */
  dateOfBirth?: string | null;
  gender?: 'Nam' | 'Nữ' | null;
  idNumber?: string | null;
  /** The place of residence (nơi cư trú). */
  address?: string | null;
  /** Fields only the chip's DG13 gives. */
  ethnicity?: string;
  religion?: string;
  placeOfOrigin?: string;
  source: 'qr' | 'mrz' | 'chip';
}

/** What a citizen prepared at the kiosk for one visit: the procedure, the documents they have (indexes), the declaration. */
export interface Preparation {
  visitId: string;
  procedureCode: string;
  have: number[];
  declaration: Declaration | null;
  at: number;
}
