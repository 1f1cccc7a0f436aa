// The SQLite store: one file and the repositories over it, with group commit.
import { RatingNoteRepository } from './rating-note.repository.ts';
import { PreparationRepository } from './preparation.repository.ts';
import { openDb, type Db, type OpenOptions } from './db.ts';
import { TicketRepository } from './ticket.repository.ts';
import { EventRepository } from './event.repository.ts';
import { UserRepository } from './user.repository.ts';
import { DeviceRepository } from './device.repository.ts';
import { IdempotencyRepository, CounterStateRepository, AuditRepository } from './misc.repository.ts';
import { BookingRepository, SqliteDossierSource } from './booking.repository.ts';

interface Batch {
  done: Promise<void>;
  resolve: () => void;
  reject: (e: unknown) => void;
  after: (() => void)[];
}

export interface StoreOptions extends OpenOptions {
  /**
   * Group commit: writes made in one turn of the event loop share one COMMIT
   * (one fsync), issued right after that turn. Each write still runs alone in a
   * savepoint — a failing one undoes only itself — and nobody may say a write
   * happened before `durable()` resolves. Off by default (scripts, tests of the
   * store); the server turns it on.
   */
  groupCommit?: boolean;
}

export class Store {
  readonly tickets: TicketRepository;
  readonly events: EventRepository;
  readonly users: UserRepository;
  readonly devices: DeviceRepository;
  readonly idempotency: IdempotencyRepository;
  readonly counters: CounterStateRepository;
  readonly audit: AuditRepository;
  readonly bookings: BookingRepository;
  readonly ratingNotes: RatingNoteRepository;
  readonly dossiers: SqliteDossierSource;
  readonly preparations: PreparationRepository;

  private batch: Batch | null = null;
  private readonly rollbackListeners: (() => void)[] = [];
  /** One transaction wrapper for every write of a batch (each runs as a savepoint). */
  private readonly savepoint: <T>(fn: () => T) => T;

  constructor(
    readonly db: Db,
    private readonly groupCommit = false,
  ) {
    this.savepoint = db.transaction((fn: () => unknown) => fn()) as <T>(fn: () => T) => T;
    this.tickets = new TicketRepository(db);
    this.events = new EventRepository(db);
    this.users = new UserRepository(db);
    this.devices = new DeviceRepository(db);
    this.idempotency = new IdempotencyRepository(db);
    this.counters = new CounterStateRepository(db);
    this.audit = new AuditRepository(db);
    this.bookings = new BookingRepository(db);
    this.ratingNotes = new RatingNoteRepository(db);
    this.dossiers = new SqliteDossierSource(db);
    this.preparations = new PreparationRepository(db);
  }

  readonly kind = 'sqlite' as const;

  /** Answers once the file can be read (the health check). */
  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  static open(opts: StoreOptions): Store {
    return new Store(openDb(opts), opts.groupCommit ?? false);
  }

  /**
   * Runs `fn` as one all-or-nothing write. Without group commit it is durable
   * when this returns; with it, once `durable()` resolves.
   */
  tx<T>(fn: () => T): T {
    if (!this.groupCommit) return this.db.transaction(fn).immediate();
    this.openBatch();
    // Inside the batch's transaction better-sqlite3 runs this as a savepoint.
    return this.savepoint(fn);
  }

  /** Resolves once every write made so far is on disk; rejects if their commit failed. */
  durable(): Promise<void> {
    return this.batch ? this.batch.done : Promise.resolve();
  }

  /** Runs `fn` once every write made so far is on disk (at once when none is pending); never if the commit fails. */
  afterCommit(fn: () => void): void {
    if (this.batch) this.batch.after.push(fn);
    else fn();
  }

  /** Called after a failed commit was rolled back: whoever keeps state in memory reloads it from the file. */
  onRollback(fn: () => void): void {
    this.rollbackListeners.push(fn);
  }

  private openBatch(): void {
    if (this.batch) return;
    this.db.exec('BEGIN IMMEDIATE');
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A rejection nobody awaits must not crash the process: the listeners below handle it.
    done.catch(() => undefined);
    this.batch = { done, resolve, reject, after: [] };
    setImmediate(() => this.commit());
  }

  /** Ends the open batch: one COMMIT for all its writes. */
  private commit(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = null;
    try {
      this.db.exec('COMMIT');
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const fn of this.rollbackListeners) fn();
      batch.reject(e);
      return;
    }
    batch.resolve();
    for (const fn of batch.after) {
      try {
        fn();
      } catch (e) {
        // One listener's fault must not silence the others, nor crash the server from a timer.
        process.emitWarning(e instanceof Error ? e : new Error(String(e)));
      }
    }
  }

  close(): void {
    this.commit();
    this.db.close();
  }
}

