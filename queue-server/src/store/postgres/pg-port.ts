// The store port over PostgreSQL (DATABASE_URL), for one centre (CENTER_ID) of
// a database that may hold many. Group commit as SQLite does it: the batches of
// one event-loop turn share one transaction, their busy members as multi-row
// statements (pg-writes.ts), and each commit() resolves only once that COMMIT
// is done. A refused batch is found out, rejected alone, and the others of its
// turn committed without it; a refused COMMIT (or a lost connection) rejects
// every batch of the turn and keeps none.
import type pg from 'pg';
import type { AuditInput, Batch, RuntimeState, StorePort, StoreReads } from '../port.ts';
import { openPool, migrate } from './pg-db.ts';
import { applyBatches } from './pg-writes.ts';
import { OPEN, pgReads, TERMINAL } from './pg-reads.ts';

interface Pending {
  batch: Batch;
  resolve: () => void;
  reject: (e: unknown) => void;
}

interface Group {
  batches: Pending[];
  after: (() => void)[];
  done: Promise<void>;
  settle: (e?: unknown) => void;
}

function newGroup(): Group {
  let settle!: (e?: unknown) => void;
  const done = new Promise<void>((res, rej) => (settle = (e) => (e === undefined ? res() : rej(e))));
  // Nobody may be waiting on a turn's promise: a refusal must not crash the process.
  done.catch(() => undefined);
  return { batches: [], after: [], done, settle };
}

export interface PostgresOptions {
  url: string;
  centerId: string;
}

export class PostgresPort implements StorePort {
  readonly kind = 'postgres' as const;
  readonly reads: StoreReads;
  private readonly runtime: (day: string) => Promise<RuntimeState>;
  /** The turn collecting batches now. */
  private collecting: Group | null = null;
  /** The newest turn not yet settled (collecting or committing). */
  private last: Group | null = null;
  /** Turns commit one after another, in order, on one connection at a time. */
  private chain: Promise<void> = Promise.resolve();

  private constructor(
    readonly pool: pg.Pool,
    readonly centerId: string,
  ) {
    const r = pgReads(pool, centerId);
    this.reads = r.reads;
    this.runtime = r.loadRuntime;
  }

  /** Connects, migrates the schema and answers once the database does. */
  static async open(opts: PostgresOptions): Promise<PostgresPort> {
    const pool = openPool(opts.url);
    try {
      await migrate(pool);
    } catch (e) {
      await pool.end();
      throw e;
    }
    return new PostgresPort(pool, opts.centerId);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  loadRuntime(day: string): Promise<RuntimeState> {
    return this.runtime(day);
  }

  commit(batch: Batch): Promise<void> {
    if (!this.collecting) {
      const g = newGroup();
      this.collecting = g;
      this.last = g;
      setImmediate(() => {
        this.collecting = null;
        this.chain = this.chain.then(() => this.flush(g));
      });
    }
    const g = this.collecting;
    return new Promise<void>((resolve, reject) => g.batches.push({ batch, resolve, reject }));
  }

  durable(): Promise<void> {
    return this.last ? this.last.done : Promise.resolve();
  }

  afterCommit(fn: () => void): void {
    if (this.last) this.last.after.push(fn);
    else fn();
  }

  /** One transaction for a turn's batches; on a refusal, each batch again in its own savepoint, so only the refused ones are left out. */
  private async flush(g: Group): Promise<void> {
    const refused = new Map<Pending, unknown>();
    let failure: unknown;
    const c = await this.pool.connect().catch((e: unknown) => ((failure = e), null));
    if (c) {
      try {
        await c.query('BEGIN');
        try {
          await applyBatches(c, this.centerId, g.batches.map((p) => p.batch));
        } catch (e) {
          await c.query('ROLLBACK');
          if (g.batches.length === 1) throw e;
          await c.query('BEGIN');
          for (const p of g.batches) {
            await c.query('SAVEPOINT one_batch');
            try {
              await applyBatches(c, this.centerId, [p.batch]);
              await c.query('RELEASE SAVEPOINT one_batch');
            } catch (err) {
              await c.query('ROLLBACK TO SAVEPOINT one_batch');
              refused.set(p, err);
            }
          }
        }
        await c.query('COMMIT');
        c.release();
      } catch (e) {
        failure = e;
        await c.query('ROLLBACK').catch(() => undefined);
        // The connection may be broken: it is not given back to the pool.
        c.release(true);
      }
    }
    if (this.last === g) this.last = null;
    if (failure !== undefined) {
      for (const p of g.batches) p.reject(failure);
      g.settle(failure);
      return;
    }
    for (const p of g.batches) {
      const e = refused.get(p);
      if (e === undefined) p.resolve();
      else p.reject(e);
    }
    g.settle();
    for (const fn of g.after) {
      try {
        fn();
      } catch (e) {
        // One listener's fault must not silence the others.
        process.emitWarning(e instanceof Error ? e : new Error(String(e)));
      }
    }
  }

  /** `fn` in a transaction of its own, after the turns before it (the purges). */
  private exclusive<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const run = this.chain.then(async () => {
      const c = await this.pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn(c);
        await c.query('COMMIT');
        c.release();
        return out;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        c.release(true);
        throw e;
      }
    });
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  forgetCitizens(cutoff: number, audit: (tickets: number) => AuditInput): Promise<number> {
    return this.exclusive(async (c) => {
      const r = await c.query(
        `UPDATE tickets SET citizen_name = NULL, citizen_age = NULL, id_hash = NULL, id_last4 = NULL
         WHERE center_id = $1 AND (citizen_name IS NOT NULL OR citizen_age IS NOT NULL OR id_hash IS NOT NULL OR id_last4 IS NOT NULL)
           AND arrived_at < $2 AND status IN ${TERMINAL}`,
        [this.centerId, cutoff],
      );
      const n = r.rowCount ?? 0;
      if (n > 0) await applyBatches(c, this.centerId, [{ audit: [audit(n)] }]);
      return n;
    });
  }

  forgetDeclarations(cutoff: number): Promise<number> {
    return this.exclusive(async (c) => {
      const r = await c.query(
        `UPDATE preparations p SET declaration = NULL WHERE p.center_id = $1 AND p.declaration IS NOT NULL AND p.at < $2
           AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.center_id = $1 AND t.visit_id = p.visit_id AND t.status IN ${OPEN})`,
        [this.centerId, cutoff],
      );
      return r.rowCount ?? 0;
    });
  }

  forgetBookings(cutoff: number): Promise<number> {
    return this.exclusive(async (c) => {
      const r = await c.query("UPDATE bookings SET full_name = '', phone = '' WHERE center_id = $1 AND booked_at < $2 AND (full_name != '' OR phone != '')", [this.centerId, cutoff]);
      return r.rowCount ?? 0;
    });
  }

  forgetRatingNotes(cutoff: number): Promise<number> {
    return this.exclusive(async (c) => (await c.query('DELETE FROM rating_notes WHERE center_id = $1 AND at < $2', [this.centerId, cutoff])).rowCount ?? 0);
  }

  async close(): Promise<void> {
    // What was committed before the close still lands.
    await new Promise((res) => setImmediate(res));
    await this.chain;
    await this.pool.end();
  }
}
