// The store: one SQLite file and the repositories over it.
import { openDb, type Db, type OpenOptions } from './db.ts';
import { TicketRepository } from './ticket.repository.ts';
import { EventRepository } from './event.repository.ts';
import { UserRepository } from './user.repository.ts';
import { DeviceRepository } from './device.repository.ts';
import { IdempotencyRepository, CounterStateRepository, AuditRepository } from './misc.repository.ts';
import { BookingRepository, SqliteDossierSource } from './booking.repository.ts';

export class Store {
  readonly tickets: TicketRepository;
  readonly events: EventRepository;
  readonly users: UserRepository;
  readonly devices: DeviceRepository;
  readonly idempotency: IdempotencyRepository;
  readonly counters: CounterStateRepository;
  readonly audit: AuditRepository;
  readonly bookings: BookingRepository;
  readonly dossiers: SqliteDossierSource;

  constructor(readonly db: Db) {
    this.tickets = new TicketRepository(db);
    this.events = new EventRepository(db);
    this.users = new UserRepository(db);
    this.devices = new DeviceRepository(db);
    this.idempotency = new IdempotencyRepository(db);
    this.counters = new CounterStateRepository(db);
    this.audit = new AuditRepository(db);
    this.bookings = new BookingRepository(db);
    this.dossiers = new SqliteDossierSource(db);
  }

  static open(opts: OpenOptions): Store {
    return new Store(openDb(opts));
  }

  /** Runs `fn` in one SQLite transaction: all of it is durable when it returns, or none of it. */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  close(): void {
    this.db.close();
  }
}

export type { TicketRecord } from './ticket.repository.ts';
export type { User, Session, Role } from './user.repository.ts';
export type { Device, DevicePart, Alert } from './device.repository.ts';
export type { CounterStatus, AuditEntry } from './misc.repository.ts';
export type { StoredEvent } from './event.repository.ts';
export type { Booking, BookingStatus, Dossier, DossierStatus, DossierSource, SqliteDossierSource } from './booking.repository.ts';
