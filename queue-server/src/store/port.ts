// The store port: what the queue-server asks of its database, asynchronously,
// so SQLite today and PostgreSQL later sit behind one interface and pass one
// contract suite (contract.ts). The queue decides from its runtime state in
// memory (loadRuntime) and writes each decision as one all-or-nothing batch
// (commit); reads of what it does not keep in memory are async.
//
// Durability is the implementation's promise: commit() resolves only once the
// batch is on disk (writes of one event-loop turn may share one commit); a
// refused batch rejects and keeps nothing of itself.
import type { DomainEvent } from '../domain/index.ts';
import type { Alert, AuditEntry, Booking, CounterStatus, Device, DevicePart, Dossier, Preparation, RatingNote, Session, StoredEvent, TicketRecord, User } from './records.ts';

export interface CounterStateRow {
  counterId: string;
  status: CounterStatus;
  staff: string | null;
  /** The fields the counter serves today (the official's work profile, or a manager's change); null: its configured fields (issue 13.3). */
  serviceIds: string[] | null;
}

/** What a centre's queue decides from, as the store has it. */
export interface RuntimeState {
  /** The local day the sequences, numbers and counts below are of. */
  day: string;
  /** Waiting, called, serving and parked tickets of any day. */
  openTickets: TicketRecord[];
  counters: CounterStateRow[];
  /** Per field, the day's last sequence number given. */
  sequences: Map<string, number>;
  /** The day's ticket numbers already given (first legs). */
  numbers: Set<string>;
  /** Per field, the day's visits issued (first legs): a field's daily capacity counts these. */
  issued: Map<string, number>;
  /** Idempotency keys still kept (see Batch.forgetIdempotencyKeysBefore): the ticket each made and when. */
  idempotencyKeys: Map<string, { ticketId: string; at: number }>;
}

/** One decision's writes: kept all together or not at all. */
export interface Batch {
  /** New tickets, then changed ones, in that order. */
  insertTickets?: TicketRecord[];
  updateTickets?: TicketRecord[];
  events?: DomainEvent[];
  /** A field's day sequence reached `seq` (never lowered). */
  sequences?: { day: string; serviceId: string; seq: number }[];
  idempotencyKeys?: { key: string; ticketId: string; at: number }[];
  /** Idempotency keys made before this instant are forgotten (a retry comes within minutes; kept a day, they would otherwise pile up for ever). */
  forgetIdempotencyKeysBefore?: number;
  counters?: (CounterStateRow & { at: number })[];
  audit?: AuditInput[];
  /** Bookings checked in, with the ticket each became. */
  bookingCheckIns?: { code: string; ticketId: string }[];
  /** Bookings made. */
  bookings?: Booking[];
  /** Ratings' notes (issue 16.5), one per rated visit. */
  ratingNotes?: RatingNote[];
  /** What citizens prepared at the kiosk, one per visit (issue 16.2). */
  preparations?: Preparation[];
  /** Dossiers received or changed: a known dossier takes the new status, update time and note, and keeps the rest. */
  dossiers?: Dossier[];
  /** Accounts created or changed; their failed sign-ins, lock and disabled flag stay. */
  users?: Omit<User, 'failedLogins' | 'lockedUntil' | 'disabled'>[];
  /** Accounts disabled (true) or enabled again (false); a disabled account cannot sign in and its sessions stop working. */
  userDisabled?: { username: string; disabled: boolean }[];
  /** Every session of these accounts ends (a password reset, a disabled account). */
  endSessionsOf?: string[];
  /** Settings of the data folder itself (e.g. that it once ran in demo mode), by key. */
  meta?: { key: string; value: string }[];
  /** Sign-in attempts: a success clears the failures and the lock; the `lockAfter`th failure in a row locks the account until `at + lockMs`. */
  logins?: { username: string; ok: boolean; lockAfter: number; lockMs: number; at: number }[];
  /** Sessions whose expiry is at or before this instant are dropped (before `sessions` are opened). */
  expireSessionsAt?: number;
  sessions?: Session[];
  /** Sessions ended, by id hash. */
  endSessions?: string[];
  /** An official moved by a manager (issue 13.3): their sessions bound to `fromCounterId` are bound to `toCounterId` (after `sessions`). */
  moveSessions?: { username: string; fromCounterId: string; toCounterId: string }[];
  /** Devices registered or changed; a null token hash keeps the device's token and its revocation, a new one replaces the token and lifts a revocation. */
  devices?: DeviceInput[];
  /** Devices whose token stops working. */
  revokeDevices?: { id: string; at: number }[];
  /** Health reports (after `devices`): the device's parts become these and it was last seen at `at`; an unknown device id changes nothing. */
  deviceHealth?: { deviceId: string; parts: DevicePart[]; at: number }[];
  /** A device's open alerts of one kind are resolved at `at` (before `alerts`, so an alert raised in the same batch stays open). */
  resolveAlerts?: { deviceId: string; kind: string; at: number }[];
  /** Alerts raised, open, in this order; the store numbers each (ids grow with time). */
  alerts?: AlertInput[];
}

/** An alert as raised: the store gives it its id, and it is open. */
export type AlertInput = Omit<Alert, 'id' | 'resolvedAt'>;

export interface AuditInput {
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  at: number;
}

export interface DeviceInput {
  id: string;
  kind: string;
  name: string;
  counterId: string | null;
  tokenHash: string | null;
}

/** Reads of what the queue does not keep in memory. */
export interface StoreReads {
  ticket(id: string): Promise<TicketRecord | null>;
  /** The day's latest transaction with that number. */
  ticketByNumber(day: string, number: string): Promise<TicketRecord | null>;
  /** The ticket finished last at a counter (the rating keypad's). */
  lastFinishedAt(counterId: string): Promise<TicketRecord | null>;
  /** The day's recent service times, [serviceId, ms], newest first. */
  recentServiceTimes(day: string): Promise<[string, number][]>;
  user(username: string): Promise<User | null>;
  users(): Promise<User[]>;
  session(idHash: string, now: number): Promise<Session | null>;
  /** The sessions bound to a counter that have not expired at `now`, oldest first (who is signed in there; issue 20.10). */
  sessionsAt(counterId: string, now: number): Promise<Session[]>;
  device(id: string): Promise<Device | null>;
  deviceByTokenHash(hash: string): Promise<Device | null>;
  /** Every device, by id. */
  devices(): Promise<Device[]>;
  /** The open alerts, newest (highest id) first, at most 100. */
  openAlerts(): Promise<Alert[]>;
  /** How many alerts of a device are open (the cap on what one device can raise). */
  openAlertCount(deviceId: string): Promise<number>;
  /** A device's newest open alert of one kind, or null: an alert just raised, with the id the store gave it. */
  latestOpenAlert(deviceId: string, kind: string): Promise<Alert | null>;
  booking(code: string): Promise<Booking | null>;
  /** Bookings that asked for reminders, still booked, for a time in (from, to], in time order (issue 17.2). */
  bookingsToRemind(from: number, to: number): Promise<Booking[]>;
  /** Bookings per time of a field's day. */
  bookingCounts(serviceId: string, day: string): Promise<Map<string, number>>;
  dossier(code: string): Promise<Dossier | null>;
  /** Ratings' notes written in [from, to), oldest first (the manager's reports). */
  ratingNotes(from: number, to: number): Promise<RatingNote[]>;
  /** What the citizen prepared at the kiosk for a visit, by the visit's id, or null. */
  preparation(visitId: string): Promise<Preparation | null>;
  /** The events of every visit that arrived between two local days, inclusive (reports). */
  visitEvents(fromDay: string, toDay: string): Promise<StoredEvent[]>;
  /** The centre's events with an id above `afterId`, in id order, at most `limit` (the province outbox; issue 15.3). */
  eventsAfter(afterId: number, limit: number): Promise<StoredEvent[]>;
  audit(limit?: number): Promise<AuditEntry[]>;
  /** A setting of the data folder (see Batch.meta), or null. */
  meta(key: string): Promise<string | null>;
}

export interface StorePort {
  readonly kind: 'sqlite' | 'postgres';
  /** Resolves once the store answers (the health check); rejects if it cannot. */
  ping(): Promise<void>;
  loadRuntime(day: string): Promise<RuntimeState>;
  commit(batch: Batch): Promise<void>;
  /** Clears the name, age, ID hash and last four digits of closed tickets that arrived before `cutoff`, with `audit` about it when any changed, in one commit; resolves with how many changed. */
  forgetCitizens(cutoff: number, audit: (tickets: number) => AuditInput): Promise<number>;
  /** Clears the name and phone number of bookings whose booked time was before `cutoff`, in one commit; resolves with how many changed. */
  forgetBookings(cutoff: number): Promise<number>;
  /** Deletes ratings' notes written before `cutoff`, in one commit; resolves with how many went. */
  forgetRatingNotes(cutoff: number): Promise<number>;
  /** Clears the declarations (the prefilled forms) of visits prepared before `cutoff` whose tickets are all closed; resolves with how many. */
  forgetDeclarations(cutoff: number): Promise<number>;
  /** Resolves once every write made so far is on disk; rejects if their commit failed (an answer waits for it). */
  durable(): Promise<void>;
  /** Runs `fn` once every write made so far is on disk (at once when none is pending); never if that commit fails (announcements wait for it). */
  afterCommit(fn: () => void): void;
  readonly reads: StoreReads;
  close(): Promise<void>;
}
