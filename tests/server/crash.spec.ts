// A ticket whose issue was acknowledged survives SIGKILL of the server, and no
// number repeats — across the crash and the restart.
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer | null = null;
afterAll(async () => server?.stop());

interface Ack {
  id: string;
  number: string;
  serviceId: string;
}

async function issueUntilDead(url: string, workers: number, stopAt: () => boolean): Promise<{ acks: Ack[]; failures: number }> {
  const acks: Ack[] = [];
  let failures = 0;
  const services = ['ho-tich', 'chung-thuc', 'dat-dai', 'xay-dung', 'lao-dong-xa-hoi', 'ho-kinh-doanh'];
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; !stopAt(); i++) {
        try {
          const res = await fetch(`${url}/api/v1/tickets`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
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
  it('every acknowledged ticket is there after SIGKILL and restart, with no number repeated', async () => {
    server = await startServer();
    let dead = false;
    const load = issueUntilDead(server.url, 16, () => dead);
    // Let the load run, then kill the process mid-stream.
    await new Promise((r) => setTimeout(r, 1500));
    await server.kill();
    await new Promise((r) => setTimeout(r, 200));
    dead = true;
    const { acks } = await load;
    expect(acks.length).toBeGreaterThan(50);

    await server.restart();
    for (const a of acks) {
      const res = await fetch(`${server.url}/api/v1/tickets/${a.id}`);
      expect(res.status, `ticket ${a.number} lost`).toBe(200);
      expect(((await res.json()) as Ack).number).toBe(a.number);
    }
    // Numbering carries on after the restart without reusing a number.
    const after: Ack[] = [];
    for (const s of ['ho-tich', 'dat-dai']) {
      const res = await fetch(`${server.url}/api/v1/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: s }) });
      after.push((await res.json()) as Ack);
    }
    await server.stop();
    const db = new Database(path.join(server.dataDir, 'queue.db'), { readonly: true });
    const dupes = db.prepare('SELECT day, number, COUNT(*) AS n FROM tickets WHERE leg = 0 GROUP BY day, number HAVING n > 1').all();
    const all = db.prepare('SELECT number FROM tickets WHERE leg = 0').all() as { number: string }[];
    const events = db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'issued'").get() as { n: number };
    db.close();
    expect(dupes).toEqual([]);
    expect(new Set(all.map((r) => r.number)).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(acks.length + after.length);
    expect(events.n).toBe(all.length);
    for (const a of after) expect(acks.map((x) => x.number)).not.toContain(a.number);
    server = null;
  });
});
