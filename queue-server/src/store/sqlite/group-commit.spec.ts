import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store } from './sqlite-store.ts';

/** A store with group commit on a fresh file, plus a second connection that sees only what is committed. */
function open() {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'motcua-gc-')), 'queue.db');
  const store = Store.open({ file, groupCommit: true });
  store.db.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY);
    CREATE TABLE t (v TEXT NOT NULL, parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)`);
  const reader = new Database(file, { readonly: true });
  const seen = () => (reader.prepare('SELECT v FROM t ORDER BY v').all() as { v: string }[]).map((r) => r.v);
  return { store, seen, close: () => (reader.close(), store.close()) };
}

describe('group commit', () => {
  it('writes of one turn share one commit; a failing write undoes only itself; nothing is visible before durable()', async () => {
    const { store, seen, close } = open();
    const insert = store.db.prepare('INSERT INTO t (v) VALUES (?)');
    store.tx(() => insert.run('a'));
    expect(() =>
      store.tx(() => {
        insert.run('b');
        throw new Error('refused');
      }),
    ).toThrow('refused');
    store.tx(() => insert.run('c'));
    const told: string[] = [];
    store.afterCommit(() => told.push(seen().join()));
    // Still one open transaction: another connection sees nothing yet.
    expect(seen()).toEqual([]);
    await store.durable();
    expect(seen()).toEqual(['a', 'c']);
    // Announcements run after the commit, and see it.
    expect(told).toEqual(['a,c']);
    // With nothing pending, durable() and afterCommit() answer at once.
    await store.durable();
    let now = false;
    store.afterCommit(() => (now = true));
    expect(now).toBe(true);
    close();
  });

  it('a failed commit rolls the whole batch back, rejects durable(), skips announcements and tells who keeps state in memory', async () => {
    const { store, seen, close } = open();
    const insert = store.db.prepare('INSERT INTO t (v, parent) VALUES (?, ?)');
    let reloads = 0;
    store.onRollback(() => reloads++);
    store.tx(() => insert.run('ok', null));
    // A deferred foreign key is checked at COMMIT: the write itself succeeds, its commit cannot.
    store.tx(() => insert.run('orphan', 42));
    let announced = false;
    store.afterCommit(() => (announced = true));
    await expect(store.durable()).rejects.toThrow(/FOREIGN KEY/);
    expect(seen()).toEqual([]);
    expect(announced).toBe(false);
    expect(reloads).toBe(1);
    expect(store.db.inTransaction).toBe(false);
    // The store goes on: the next write commits normally.
    store.tx(() => insert.run('after', null));
    await store.durable();
    expect(seen()).toEqual(['after']);
    close();
  });

  it('close() commits what is pending', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'motcua-gc-')), 'queue.db');
    const store = Store.open({ file, groupCommit: true });
    store.db.exec('CREATE TABLE t (v TEXT)');
    store.tx(() => store.db.prepare('INSERT INTO t (v) VALUES (?)').run('kept'));
    store.close();
    const again = new Database(file, { readonly: true });
    expect(again.prepare('SELECT v FROM t').all()).toEqual([{ v: 'kept' }]);
    again.close();
  });
});
