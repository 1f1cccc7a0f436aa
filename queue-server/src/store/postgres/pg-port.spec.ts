// What only the PostgreSQL store has to show: the logs are append-only for the
// application's role and for anyone (the trigger), a COMMIT the database refuses
// rejects every batch of its turn and keeps none, and centres that share one
// database never see each other's rows.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticket } from '../contract.ts';
import type { Batch } from '../port.ts';
import type { TicketRecord } from '../records.ts';
import { PostgresPort } from './pg-port.ts';
import { freshCenterId, testDatabaseUrl } from './test-pg.ts';

const DAY = '2026-11-23';
const issue = (t: TicketRecord, key: string): Batch => ({
  insertTickets: [t],
  events: [{ at: t.arrivedAt, type: 'issued', ticketId: t.id, visitId: t.visitId, serviceId: t.serviceId, counterId: null, actor: null, data: { leg: 0 } }],
  sequences: [{ day: t.day, serviceId: t.serviceId, seq: t.seq }],
  idempotencyKeys: [{ key, ticketId: t.id, at: t.arrivedAt }],
  audit: [{ actor: 'kiosk-1', action: 'ticket.issued', target: t.id, detail: {}, at: t.arrivedAt }],
});

let url: string;
let raw: pg.Client;
const ports: PostgresPort[] = [];
const open = async (centerId = freshCenterId()) => {
  const p = await PostgresPort.open({ url, centerId });
  ports.push(p);
  return p;
};

beforeAll(async () => {
  url = testDatabaseUrl();
  raw = new pg.Client(url);
  await raw.connect();
});
afterAll(async () => {
  for (const p of ports) await p.close();
  await raw.end();
});

describe('PostgreSQL store', () => {
  it('the event and audit logs refuse UPDATE, DELETE and TRUNCATE: the role has no right to, and the trigger refuses even when it is given back', async () => {
    const port = await open();
    await port.commit(issue(ticket('t-1', '1001'), 'k1'));
    for (const sql of ["UPDATE events SET actor = 'x'", 'DELETE FROM events', 'TRUNCATE events', "UPDATE audit SET actor = 'x'", 'DELETE FROM audit', 'TRUNCATE audit'])
      await expect(raw.query(sql), sql).rejects.toThrow(/permission denied|append-only/);
    // The owner may grant itself the rights back; the trigger still refuses.
    await raw.query('BEGIN');
    try {
      await raw.query('GRANT UPDATE, DELETE, TRUNCATE ON events, audit TO CURRENT_USER');
      for (const [sql, table] of [["UPDATE events SET actor = 'x'", 'events'], ['DELETE FROM audit', 'audit'], ['TRUNCATE events', 'events']] as const) {
        await raw.query('SAVEPOINT s');
        await expect(raw.query(sql), sql).rejects.toThrow(`${table} is append-only`);
        await raw.query('ROLLBACK TO SAVEPOINT s');
      }
    } finally {
      await raw.query('ROLLBACK');
    }
    expect((await port.reads.visitEvents(DAY, DAY)).map((e) => e.type)).toEqual(['issued']);
    expect((await port.reads.audit()).map((a) => a.action)).toEqual(['ticket.issued']);
  });

  it('a COMMIT the database refuses rejects every batch of its turn and keeps none of them; the next turn commits', async () => {
    const centerId = freshCenterId('refused');
    const port = await open(centerId);
    // A deferred check fails only at COMMIT, as a full disk or a lost server would: the turn as a whole.
    await raw.query(`CREATE OR REPLACE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.number = '9999' THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NULL; END $$`);
    await raw.query('DROP TRIGGER IF EXISTS test_refuse ON tickets');
    await raw.query('CREATE CONSTRAINT TRIGGER test_refuse AFTER INSERT ON tickets DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse()');
    try {
      const seen: string[] = [];
      const a = port.commit(issue(ticket('t-a', '1001'), 'ka'));
      const b = port.commit(issue(ticket('t-b', '9999', 'ho-tich', 2), 'kb'));
      port.afterCommit(() => seen.push('announced'));
      await expect(a).rejects.toThrow(/refused at commit/);
      await expect(b).rejects.toThrow(/refused at commit/);
      await expect(port.durable()).resolves.toBeUndefined();
      expect(seen).toEqual([]);
      const rt = await port.loadRuntime(DAY);
      expect([rt.openTickets.length, rt.sequences.size, rt.idempotencyKeys.size]).toEqual([0, 0, 0]);
      expect(await port.reads.visitEvents(DAY, DAY)).toEqual([]);
      expect(await port.reads.audit()).toEqual([]);
      await port.commit(issue(ticket('t-a', '1001'), 'ka'));
      expect((await port.loadRuntime(DAY)).openTickets.map((t) => t.id)).toEqual(['t-a']);
    } finally {
      await raw.query('DROP TRIGGER IF EXISTS test_refuse ON tickets');
    }
  });

  it('a batch refused by a constraint is left out alone: the other batches of its turn commit', async () => {
    const port = await open();
    await port.commit(issue(ticket('t-1', '1001'), 'k1'));
    const results = await Promise.allSettled([
      port.commit(issue(ticket('t-2', '1002', 'ho-tich', 2), 'k2')),
      port.commit(issue(ticket('t-1', '1003', 'ho-tich', 3), 'k3')),
      port.commit(issue(ticket('t-4', '1004', 'ho-tich', 4), 'k4')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const rt = await port.loadRuntime(DAY);
    expect([...rt.idempotencyKeys.keys()].sort()).toEqual(['k1', 'k2', 'k4']);
    expect(rt.sequences.get('ho-tich')).toBe(4);
    expect([...rt.numbers].sort()).toEqual(['1001', '1002', '1004']);
  });

  it('a connection the database cut is not reused: the next commit succeeds on a fresh one', async () => {
    // Only this port's connections (named by application_name): other suites share the database.
    const name = freshCenterId('cut');
    const port = await PostgresPort.open({ url: `${url}${url.includes('?') ? '&' : '?'}application_name=${name}`, centerId: name });
    ports.push(port);
    await port.commit(issue(ticket('t-1', '1001'), 'k1'));
    const cut = await raw.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle'", [name]);
    expect(cut.rowCount).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100));
    await port.commit(issue(ticket('t-2', '1002', 'ho-tich', 2), 'k2'));
    expect((await port.loadRuntime(DAY)).openTickets.map((t) => t.id)).toEqual(['t-1', 't-2']);
  });

  it('two centres in one database: the same ids and numbers in each, neither sees the other', async () => {
    const a = await open(freshCenterId('a'));
    const b = await open(freshCenterId('b'));
    await a.commit({ ...issue(ticket('t-1', '1001'), 'k1'), users: [{ username: 'quay1', fullName: 'Nguyễn Thị Hà', title: '', role: 'staff', passwordHash: 'h', phone: null, counterId: null }] });
    await b.commit({ ...issue(ticket('t-1', '1001', 'ho-tich', 7), 'k1'), devices: [{ id: 'kiosk-1', kind: 'kiosk', name: 'Ki-ốt', counterId: null, tokenHash: 'th' }] });
    const [ra, rb] = [await a.loadRuntime(DAY), await b.loadRuntime(DAY)];
    expect([ra.sequences.get('ho-tich'), rb.sequences.get('ho-tich')]).toEqual([1, 7]);
    expect([ra.openTickets.length, rb.openTickets.length]).toEqual([1, 1]);
    expect((await a.reads.users()).map((u) => u.username)).toEqual(['quay1']);
    expect(await b.reads.users()).toEqual([]);
    expect(await a.reads.deviceByTokenHash('th')).toBeNull();
    expect((await b.reads.deviceByTokenHash('th'))?.id).toBe('kiosk-1');
    expect((await a.reads.visitEvents(DAY, DAY)).length).toBe(1);
    expect((await b.reads.audit()).length).toBe(1);
    await b.forgetCitizens(Date.parse('2030-01-01'), () => ({ actor: 'system', action: 'privacy.purge', target: null, detail: {}, at: 0 }));
    expect((await a.reads.audit()).map((x) => x.action)).toEqual(['ticket.issued']);
  });
});
