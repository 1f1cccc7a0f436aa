// A ticket whose issue was acknowledged survives SIGKILL of the server, and no
// number repeats — across the crash and the restart.
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { io } from 'socket.io-client';
import { startServer, type RunningServer } from '../support/server.ts';
import { ApiClient } from '../support/api.ts';

let server: RunningServer | null = null;
afterAll(async () => server?.stop());

interface Ack {
  id: string;
  number: string;
  serviceId: string;
}

async function issueUntilDead(url: string, workers: number, stopAt: () => boolean, acks: Ack[]): Promise<{ acks: Ack[]; failures: number }> {
  let failures = 0;
  const services = ['ho-tich', 'chung-thuc', 'dat-dai', 'xay-dung', 'lao-dong-xa-hoi', 'ho-kinh-doanh'];
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; !stopAt(); i++) {
        try {
          const res = await fetch(`${url}/api/v1/tickets`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: 'Bearer demo-kiosk-1' },
            body: JSON.stringify({ serviceId: services[(w + i) % services.length] }),
          });
          if (res.status === 201) acks.push((await res.json()) as Ack);
          else failures++;
        } catch {
          failures++;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    }),
  );
  return { acks, failures };
}

describe('crash safety', () => {
  it('every acknowledged ticket and call is there after SIGKILL and restart, no number repeated, and boards show the right state', async () => {
    server = await startServer();
    const staffs = await Promise.all(
      ['quay-2', 'quay-4'].map(async (counter) => {
        const staff = new ApiClient(server!.url);
        await staff.login(counter.replace('-', ''), counter);
        return { counter, staff };
      }),
    );
    let dead = false;
    const acked: Ack[] = [];
    const acksSoFar = () => acked.length;
    const load = issueUntilDead(server.url, 16, () => dead, acked);
    // Two counters call while tickets pour in; every acknowledged call must survive too.
    const calls: { counter: string; id: string }[] = [];
    const callers = staffs.map(async ({ counter, staff }) => {
      while (!dead) {
        try {
          const r = await staff.post<{ ticket: { id: string } }>(`/api/v1/counters/${counter}/call-next`);
          if (r.status === 200) calls.push({ counter, id: r.body.ticket.id });
        } catch {
          /* the server is gone */
        }
        await new Promise((res) => setTimeout(res, 50));
      }
    });
    const board = io(server.url, { transports: ['websocket'], reconnectionDelay: 200, reconnectionDelayMax: 1000 });
    const states: { at: number; recentCalls: { ticketId: string; counterId: string }[] }[] = [];
    board.on('state', (st: { recentCalls: { ticketId: string; counterId: string }[] }) => states.push({ at: Date.now(), recentCalls: st.recentCalls }));
    // Let the load run (at least 1.5 s, and until 50 tickets and a call are acknowledged: a busy
    // machine is slower to get there), then kill the process mid-stream.
    const loadStarted = Date.now();
    await new Promise((r) => setTimeout(r, 1500));
    while ((acksSoFar() <= 50 || calls.length === 0) && Date.now() - loadStarted < 20_000) await new Promise((r) => setTimeout(r, 100));
    await server.kill();
    await new Promise((r) => setTimeout(r, 200));
    dead = true;
    const { acks } = await load;
    await Promise.all(callers);
    expect(acks.length).toBeGreaterThan(50);
    expect(calls.length).toBeGreaterThan(0);

    const statesBefore = states.length;
    await server.restart();
    const restartedAt = Date.now();
    while (states.length === statesBefore && Date.now() - restartedAt < 20_000) await new Promise((r) => setTimeout(r, 50));
    board.close();
    const fresh = states.at(-1)!;
    expect(states.length).toBeGreaterThan(statesBefore);
    // The board's snapshot shows each counter's last acknowledged call.
    for (const counter of ['quay-2', 'quay-4']) {
      const last = calls.filter((c) => c.counter === counter).at(-1);
      if (last) expect(fresh.recentCalls.find((c) => c.counterId === counter)?.ticketId).toBe(last.id);
    }
    console.log(`crash: ${acks.length} tickets and ${calls.length} calls acknowledged; board snapshot ${fresh.at - restartedAt} ms after the restart`);
    for (const a of acks) {
      const res = await fetch(`${server.url}/api/v1/tickets/${a.id}`);
      expect(res.status, `ticket ${a.number} lost`).toBe(200);
      expect(((await res.json()) as Ack).number).toBe(a.number);
    }
    // Numbering carries on after the restart without reusing a number.
    const after: Ack[] = [];
    for (const s of ['ho-tich', 'dat-dai']) {
      const res = await fetch(`${server.url}/api/v1/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer demo-kiosk-1' }, body: JSON.stringify({ serviceId: s }) });
      after.push((await res.json()) as Ack);
    }
    await server.stop();
    const db = new Database(path.join(server.dataDir, 'queue.db'), { readonly: true });
    const dupes = db.prepare('SELECT day, number, COUNT(*) AS n FROM tickets WHERE leg = 0 GROUP BY day, number HAVING n > 1').all();
    const all = db.prepare('SELECT number FROM tickets WHERE leg = 0').all() as { number: string }[];
    const events = db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'issued'").get() as { n: number };
    const calledEvents = new Set((db.prepare("SELECT ticket_id FROM events WHERE type = 'called'").all() as { ticket_id: string }[]).map((r) => r.ticket_id));
    db.close();
    expect(dupes).toEqual([]);
    expect(new Set(all.map((r) => r.number)).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(acks.length + after.length);
    expect(events.n).toBe(all.length);
    for (const a of after) expect(acks.map((x) => x.number)).not.toContain(a.number);
    for (const c of calls) expect(calledEvents.has(c.id), `call of ${c.id} lost`).toBe(true);
    server = null;
  });
});
