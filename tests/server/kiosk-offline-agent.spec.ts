// A kiosk that keeps issuing offline (issue 17.4), the agent's journal against the real server
// process: it leases while the server answers; with the server stopped it issues 20 numbers over two
// fields from its leases (journalled in its SQLite file, which a restart of the agent keeps); once the
// server is back they are all there once, in issue order, marked offline, with no number given twice —
// not by the server either, whose own numbers after the cut skip the leased blocks.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OfflineIssuer } from '../../kiosk-agent/src/offline.ts';
import { startServer, type RunningServer } from '../support/server.ts';

type Ticket = { id: string; number: string; serviceId: string; issuedAt: string; offline: boolean; status: string };

let server: RunningServer | null = null;
let issuer: OfflineIssuer | null = null;
afterEach(async () => {
  await issuer?.close();
  await server?.stop();
  issuer = server = null;
});

const quiet = { info: () => {}, warn: () => {} };

async function until(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the kiosk agent issues from its lease while the server is down (issue 17.4)', () => {
  it('20 numbers over two fields, replayed once each in issue order after the server returns', async () => {
    server = await startServer();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-agent-'));
    const make = () => new OfflineIssuer({ queueServerUrl: server!.url, deviceToken: 'demo-kiosk-1', dataDir, logger: quiet, size: 12 });
    issuer = make();
    await issuer.sync();
    expect(issuer.reachable).toBe(true);
    expect(issuer.journal.unused(Date.now()).get('ho-tich')).toBe(12);

    await server.stop();
    const issued: { number: string; serviceId: string; ticketId: string }[] = [];
    for (let i = 0; i < 20; i++) {
      const serviceId = i % 2 ? 'dat-dai' : 'ho-tich';
      if (i === 10) {
        // The agent restarts mid-cut: the journal keeps its leases and what it issued.
        await issuer.close();
        issuer = make();
      }
      const t = issuer.issue({ key: `k-${i}`, serviceId, lang: 'vi', priorityCategoryId: null });
      expect(t, `number ${i}`).not.toBeNull();
      expect(t!.statusUrl).toBe(`${server.url}/t/${t!.ticketId}`);
      issued.push({ number: t!.number, serviceId, ticketId: t!.ticketId });
      // a retry of the same tap gives the same number
      expect(issuer.issue({ key: `k-${i}`, serviceId, lang: 'vi', priorityCategoryId: null })!.number).toBe(t!.number);
      await new Promise((r) => setTimeout(r, 5)); // distinct issue times, as at a real kiosk
    }
    expect(new Set(issued.map((t) => t.number)).size).toBe(20);
    await issuer.sync();
    expect(issuer.reachable).toBe(false);
    expect(issuer.journal.pending()).toHaveLength(20);

    await server.restart();
    await until('the replays', async () => (await issuer!.sync(), issuer!.journal.pending().length === 0));
    expect(issuer.journal.all().every((t) => t.state === 'synced')).toBe(true);

    const got: Ticket[] = [];
    for (const t of issued) {
      const r = await fetch(`${server.url}/api/v1/tickets/${t.ticketId}`);
      expect(r.status).toBe(200);
      got.push((await r.json()) as Ticket);
    }
    expect(got.map((t) => t.number)).toEqual(issued.map((t) => t.number));
    expect(got.every((t) => t.offline && t.status === 'waiting')).toBe(true);
    const times = got.map((t) => Date.parse(t.issuedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Once each: a replay that comes again (its answer lost) answers the same ticket and adds none.
    const first = issuer.journal.all()[0]!;
    const again = await fetch(`${server.url}/api/v1/kiosk/replays`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-kiosk-1', 'content-type': 'application/json', 'idempotency-key': first.key },
      body: JSON.stringify({ leaseId: first.leaseId, number: first.number, issuedAt: new Date(first.issuedAt).toISOString(), ticketId: first.ticketId }),
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as Ticket).id).toBe(first.ticketId);
    const queue = (await (await fetch(`${server.url}/api/v1/queue`)).json()) as { services: { serviceId: string; waiting: number }[] };
    expect(queue.services.find((s) => s.serviceId === 'ho-tich')?.waiting).toBe(10);
    expect(queue.services.find((s) => s.serviceId === 'dat-dai')?.waiting).toBe(10);
    // The server's own next number is past every leased one.
    const online = (await (await fetch(`${server.url}/api/v1/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 'ho-tich' }) })).json()) as Ticket;
    expect(issued.map((t) => t.number)).not.toContain(online.number);
  }, 120_000);
});
