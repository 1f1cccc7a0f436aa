// Memory after a busy day: with the clients still connected, a day's tickets
// are issued at the kiosk and served at the counters through the API, then the
// server's resident memory is read from /proc.
import { issueBody, KIOSK_AUTH, staffAt, type QueueServer } from '../queue-server.ts';

export interface MemoryFigures {
  tickets: number;
  served: number;
  sockets: number;
  rssIdleBytes: number;
  rssAfterDayBytes: number;
}

export async function busyDayPhase(server: QueueServer, opts: { tickets: number; sockets: number; rssIdleBytes: number }, log: (m: string) => void): Promise<MemoryFigures> {
  // Six counters, six officials, as in the demo centre.
  const staff = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => staffAt(server.url, n)));
  const kiosk = staff[0]!.api;
  let served = 0;
  const callRound = async () => {
    let called = 0;
    for (const { api, counterId } of staff) {
      const r = await api.post(`/api/v1/counters/${counterId}/call-next`);
      if (r.status === 200) called++;
      else if (r.status !== 204) throw new Error(`call-next ${counterId}: HTTP ${r.status}`);
    }
    served += called;
    return called;
  };
  // Issue in small groups and serve between them, so the queue stays the size of a real hall's.
  for (let i = 0; i < opts.tickets; i++) {
    const r = await kiosk.post('/api/v1/tickets', issueBody(i), KIOSK_AUTH);
    if (r.status !== 201) throw new Error(`issue: HTTP ${r.status}`);
    if (i % 6 === 5) await callRound();
    if (i % 300 === 299) log(`    ${i + 1} issued, ${served} called`);
  }
  // Drain: bounded, each round calls at least one ticket or ends.
  for (let round = 0; round < opts.tickets; round++) if ((await callRound()) === 0) break;
  // Finish what the counters still hold: a last call-next finishes and finds nobody.
  await callRound();
  return { tickets: opts.tickets, served, sockets: opts.sockets, rssIdleBytes: opts.rssIdleBytes, rssAfterDayBytes: server.rss() };
}
