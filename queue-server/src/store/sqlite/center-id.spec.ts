// Every row of a SQLite file carries the centre's id (issue 15.1): a file made
// before the column existed is migrated in place, its rows (append-only ones
// included) stamped with the centre it is opened for, and what is written after
// gets it too.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.ts';
import { Store } from './sqlite-store.ts';
import { SqlitePort } from './sqlite-port.ts';
import { ticket } from '../contract.ts';

const tmpFile = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'motcua-center-')), 'queue.db');
const centres = (db: Database.Database, table: string) => (db.prepare(`SELECT DISTINCT center_id AS c FROM ${table}`).all() as { c: string }[]).map((r) => r.c);

describe('the centre id on SQLite rows', () => {
  it('an old data folder (schema before the column) opens, keeps its rows and stamps them with the centre; new rows get it too', async () => {
    const file = tmpFile();
    // The file as the server before this change left it: migrations 1–4, with a ticket, its event, an audit line and an account.
    const old = new Database(file);
    for (const m of MIGRATIONS.slice(0, 4)) old.exec(m as string);
    old.pragma('user_version = 4');
    const t = ticket('t-old', '1001');
    old.prepare(`INSERT INTO tickets (id, visit_id, leg, number, day, seq, service_id, status, channel, arrived_at, enqueued_at) VALUES (?, ?, 0, ?, ?, 1, ?, 'waiting', 'kiosk', ?, ?)`)
      .run(t.id, t.visitId, t.number, t.day, t.serviceId, t.arrivedAt, t.enqueuedAt);
    old.prepare(`INSERT INTO events (at, day, type, ticket_id, visit_id, service_id) VALUES (?, ?, 'issued', ?, ?, ?)`).run(t.arrivedAt, t.day, t.id, t.visitId, t.serviceId);
    old.prepare(`INSERT INTO audit (at, actor, action) VALUES (?, 'admin', 'user.create')`).run(t.arrivedAt);
    old.prepare(`INSERT INTO users (username, full_name, role, password_hash) VALUES ('quay1', 'Nguyễn Thị Hà', 'staff', 'h')`).run();
    old.close();

    const store = Store.open({ file, centerId: "ubnd-phuong-tan-an" });
    const port = new SqlitePort(store);
    expect((await port.loadRuntime(t.day)).openTickets.map((x) => x.id)).toEqual(['t-old']);
    expect((await port.reads.visitEvents(t.day, t.day)).map((e) => e.type)).toEqual(['issued']);
    expect(await port.reads.meta('center_id')).toBe('ubnd-phuong-tan-an');
    await port.commit({ insertTickets: [ticket('t-new', '1002', 'ho-tich', 2)], audit: [{ actor: 'quay1', action: 'x', target: null, detail: {}, at: t.arrivedAt }] });
    for (const table of ['tickets', 'events', 'audit', 'users', 'meta']) expect(centres(store.db, table), table).toEqual(['ubnd-phuong-tan-an']);
    // Still append-only after the migration.
    expect(() => store.db.prepare("UPDATE events SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    await port.close();

    // Opened again (by a tool that does not say which centre), it stays the centre's.
    const again = Store.open({ file });
    expect(centres(again.db, 'tickets')).toEqual(['ubnd-phuong-tan-an']);
    again.close();
  });

  it("reads see the file's centre only: a row of another centre in the file is not read", async () => {
    const file = tmpFile();
    const port = new SqlitePort(Store.open({ file, centerId: 'c-own' }));
    const t = ticket('t-own', '1001');
    await port.commit({ insertTickets: [t], sequences: [{ day: t.day, serviceId: t.serviceId, seq: 1 }], users: [{ username: 'quay1', fullName: 'A', title: '', role: 'staff', passwordHash: 'h', phone: null, counterId: null }] });
    const db = port.store.db;
    // Another centre's rows, as a copy between databases could leave them.
    const cols = (db.prepare('PRAGMA table_info(tickets)').all() as { name: string }[]).map((c) => c.name);
    const other = cols.map((c) => (c === 'center_id' ? "'c-other'" : c === 'id' ? "'t-other'" : c === 'number' ? "'1002'" : c)).join(', ');
    db.exec(`INSERT INTO tickets (${cols.join(', ')}) SELECT ${other} FROM tickets WHERE id = 't-own'`);
    db.exec("INSERT INTO users (username, full_name, role, password_hash, center_id) VALUES ('quay9', 'B', 'staff', 'h', 'c-other')");
    db.exec("INSERT INTO day_sequences (day, service_id, seq, center_id) VALUES ('2026-11-23', 'khac', 9, 'c-other')");
    const rt = await port.loadRuntime(t.day);
    expect(rt.openTickets.map((x) => x.id)).toEqual(['t-own']);
    expect([...rt.numbers]).toEqual(['1001']);
    expect([...rt.sequences.keys()]).toEqual(['ho-tich']);
    expect(await port.reads.ticket('t-other')).toBeNull();
    expect((await port.reads.users()).map((u) => u.username)).toEqual(['quay1']);
    expect(db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 2 });
    await port.close();
  });

  it('every table has the column', () => {
    const store = Store.open({ file: ':memory:', centerId: 'c-1' });
    const tables = (store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) expect((store.db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name), t).toContain('center_id');
    store.close();
  });
});
