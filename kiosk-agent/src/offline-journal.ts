/**
 * A kiosk that keeps issuing offline (issue 17.4), the agent's side: the leases of numbers it holds
 * and every ticket it issued from them, journalled in a local SQLite file (<dataDir>/offline.db) so a
 * restart of the agent or the PC loses none. A number is taken from its lease and journalled in one
 * transaction: never given twice. Replays go in issue order; a ticket stays `pending` until the
 * server took it (`synced`) or refused it for good (`refused`, with the server's message).
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export type JournalLease = { id: string; serviceId: string; day: string; numbers: string[]; validUntil: number };
export type JournalTicket = {
  key: string; ticketId: string; leaseId: string; number: string; serviceId: string; issuedAt: number;
  lang: string | null; priorityCategoryId: string | null; state: 'pending' | 'synced' | 'refused'; error: string | null;
};

/** 12 URL-safe characters, as the server's ticket ids: the slip's QR is `<statusBase>/t/<id>`. */
const newTicketId = () => randomBytes(9).toString('base64url');

export class OfflineJournal {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'offline.db'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS leases (id TEXT PRIMARY KEY, service_id TEXT NOT NULL, day TEXT NOT NULL, numbers TEXT NOT NULL, used INTEGER NOT NULL DEFAULT 0, valid_until INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS tickets (seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, ticket_id TEXT NOT NULL, lease_id TEXT NOT NULL, number TEXT NOT NULL UNIQUE,
        service_id TEXT NOT NULL, issued_at INTEGER NOT NULL, lang TEXT, priority TEXT, state TEXT NOT NULL DEFAULT 'pending', error TEXT);
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
  }

  addLeases(leases: JournalLease[]): void {
    const ins = this.db.prepare('INSERT OR IGNORE INTO leases (id, service_id, day, numbers, valid_until) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => { for (const l of leases) ins.run(l.id, l.serviceId, l.day, JSON.stringify(l.numbers), l.validUntil); })();
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  meta(key: string): string | null {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  }

  /** Unused numbers per field in leases still valid at `now`. */
  unused(now: number): Map<string, number> {
    const rows = this.db.prepare('SELECT service_id, numbers, used FROM leases WHERE valid_until > ?').all(now) as { service_id: string; numbers: string; used: number }[];
    const m = new Map<string, number>();
    for (const r of rows) m.set(r.service_id, (m.get(r.service_id) ?? 0) + (JSON.parse(r.numbers) as string[]).length - r.used);
    return m;
  }

  /** The next number of the field from its oldest valid lease, journalled in the same transaction; null when none is left. The same key answers the same ticket. */
  issue(input: { key: string; serviceId: string; lang: string | null; priorityCategoryId: string | null }, now: number): JournalTicket | null {
    return this.db.transaction((): JournalTicket | null => {
      const known = this.ticket(input.key);
      if (known) return known;
      const lease = this.db.prepare('SELECT id, numbers, used FROM leases WHERE service_id = ? AND valid_until > ? ORDER BY rowid').all(input.serviceId, now)
        .map((r) => r as { id: string; numbers: string; used: number })
        .find((r) => r.used < (JSON.parse(r.numbers) as string[]).length);
      if (!lease) return null;
      const number = (JSON.parse(lease.numbers) as string[])[lease.used]!;
      this.db.prepare('UPDATE leases SET used = used + 1 WHERE id = ?').run(lease.id);
      this.db.prepare('INSERT INTO tickets (key, ticket_id, lease_id, number, service_id, issued_at, lang, priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.key, newTicketId(), lease.id, number, input.serviceId, now, input.lang, input.priorityCategoryId);
      return this.ticket(input.key);
    })();
  }

  ticket(key: string): JournalTicket | null {
    const r = this.db.prepare('SELECT * FROM tickets WHERE key = ?').get(key) as Record<string, unknown> | undefined;
    return r ? row(r) : null;
  }

  /** What is still to replay, in issue order. */
  pending(): JournalTicket[] {
    return (this.db.prepare("SELECT * FROM tickets WHERE state = 'pending' ORDER BY issued_at, seq").all() as Record<string, unknown>[]).map(row);
  }

  all(): JournalTicket[] {
    return (this.db.prepare('SELECT * FROM tickets ORDER BY issued_at, seq').all() as Record<string, unknown>[]).map(row);
  }

  settle(key: string, state: 'synced' | 'refused', error: string | null = null): void {
    this.db.prepare('UPDATE tickets SET state = ?, error = ? WHERE key = ?').run(state, error, key);
  }

  /** The day's close: leases of a past day go (their unused numbers return with the day), with the tickets settled on them. */
  dropPast(now: number): void {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM tickets WHERE state != 'pending' AND lease_id IN (SELECT id FROM leases WHERE valid_until <= ?)").run(now);
      this.db.prepare("DELETE FROM leases WHERE valid_until <= ? AND id NOT IN (SELECT lease_id FROM tickets)").run(now);
    })();
  }

  close(): void {
    this.db.close();
  }
}

const row = (r: Record<string, unknown>): JournalTicket => ({
  key: r.key as string, ticketId: r.ticket_id as string, leaseId: r.lease_id as string, number: r.number as string, serviceId: r.service_id as string,
  issuedAt: r.issued_at as number, lang: (r.lang as string | null) ?? null, priorityCategoryId: (r.priority as string | null) ?? null,
  state: r.state as JournalTicket['state'], error: (r.error as string | null) ?? null,
});
