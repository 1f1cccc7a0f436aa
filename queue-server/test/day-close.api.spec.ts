// The day's close through the API, with the server's clock moved across midnight:
// what was still open becomes `expired` (row, event, realtime), tomorrow numbers
// from the first again, reports count the visits as not served; and a server
// started after a day it did not close closes it before it answers.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { loadDemoConfig } from '@mot-cua/config';
import { buildApp, type App } from '../src/app.ts';
import { addDays, dayStart } from '../src/domain/index.ts';
import { ApiClient } from '../../tests/support/api.ts';
import { vnToday } from '../../tests/support/dates.ts';

type Ticket = { id: string; number: string; status: string; serviceId: string };
type Row = { issued: number; served: number; noShow: number; expired: number; avgWaitSeconds: number | null };

const hour = 3600_000;
// The server's own clock, from today (centre time) so nothing compares a fixed date with the real one.
const TODAY = vnToday();
const TOMORROW = addDays(TODAY, 1);
let clock = dayStart(TODAY) + 10 * hour;

const running: { built: App; url: string; socket?: Socket }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    r.socket?.close();
    await r.built.app.close();
  }
});

async function start(dataDir: string, dayCloseTickMs?: number) {
  const built = await buildApp({
    config: loadDemoConfig(),
    dataDir,
    demo: true,
    logger: false,
    now: () => clock,
    enforceHours: false,
    dayCloseTickMs,
    // Numbers taken without credentials from 127.0.0.1, as the other API tests take them: no per-address limit here.
    issueLimits: { perWindow: 0, windowMs: 600_000, perDay: 0 },
  });
  const url = await built.app.listen({ port: 0, host: '127.0.0.1' });
  const r = { built, url, client: () => new ApiClient(url) };
  running.push(r);
  return r;
}

/** Four tickets, one in each open status: parked and serving at counter 2, called at counter 4, waiting. */
async function openHall(s: Awaited<ReturnType<typeof start>>) {
  const anon = s.client();
  const take = async (serviceId: string) => (await anon.post<Ticket>('/api/v1/tickets', { serviceId })).body;
  const q2 = s.client();
  await q2.login('quay2', 'quay-2');
  const q4 = s.client();
  await q4.login('quay4', 'quay-4');
  const parked = await take('ho-tich');
  const serving = await take('ho-tich');
  const called = await take('dat-dai');
  const waiting = await take('chung-thuc');
  clock += 5 * 60_000;
  expect((await q2.post<{ ticket: Ticket }>('/api/v1/counters/quay-2/call-next')).body.ticket.id).toBe(parked.id);
  expect((await q2.post<{ ticket: Ticket }>(`/api/v1/tickets/${parked.id}/start`)).status).toBe(200);
  expect((await q2.post<{ ticket: Ticket }>(`/api/v1/tickets/${parked.id}/park`)).body.ticket.status).toBe('parked');
  expect((await q2.post<{ ticket: Ticket }>('/api/v1/counters/quay-2/call-next')).body.ticket.id).toBe(serving.id);
  expect((await q2.post<{ ticket: Ticket }>(`/api/v1/tickets/${serving.id}/start`)).body.ticket.status).toBe('serving');
  expect((await q4.post<{ ticket: Ticket }>('/api/v1/counters/quay-4/call-next')).body.ticket.id).toBe(called.id);
  return { anon, tickets: { parked, serving, called, waiting } };
}

const statusOf = async (c: ApiClient, id: string) => (await c.get<Ticket>(`/api/v1/tickets/${id}`)).body.status;

describe('the day’s close across midnight', () => {
  it('expires waiting, called, serving and parked tickets at midnight, logs and announces each, numbers from 1001 again, and reports them as not served', async () => {
    clock = dayStart(TODAY) + 10 * hour;
    const s = await start(mkdtempSync(path.join(os.tmpdir(), 'motcua-close-')), 20);
    const { anon, tickets } = await openHall(s);
    const ids = Object.values(tickets).map((t) => t.id);

    const socket = io(s.url, { transports: ['websocket'] });
    running[0]!.socket = socket;
    const updates: { id: string; status: string }[] = [];
    socket.on('ticket.updated', ({ ticket }: { ticket: Ticket }) => updates.push({ id: ticket.id, status: ticket.status }));
    await new Promise<void>((resolve) => socket.once('state', () => resolve()));

    // Late in the evening the day is not over (hours not enforced: it ends at midnight).
    clock = dayStart(TOMORROW) - 60_000;
    await new Promise((r) => setTimeout(r, 200));
    for (const id of ids) expect(await statusOf(anon, id)).not.toBe('expired');

    clock = dayStart(TOMORROW) + 60_000;
    await vi.waitFor(async () => {
      for (const id of ids) expect(await statusOf(anon, id)).toBe('expired');
    }, { timeout: 10_000, interval: 50 });
    for (const id of ids) {
      const events = s.built.sqlite.events.forVisit(id);
      expect(events.at(-1)).toMatchObject({ type: 'expired', actor: 'system', at: dayStart(TOMORROW) });
    }
    // The screens are told: every expired ticket in a ticket.updated, and the queue is empty.
    await vi.waitFor(() => expect(new Set(updates.filter((u) => u.status === 'expired').map((u) => u.id))).toEqual(new Set(ids)), { timeout: 5000, interval: 50 });
    expect(s.built.ctx.queue.estimates.queueSummary().every((q) => q.waiting === 0)).toBe(true);
    expect(s.built.ctx.queue.hall.calls()).toEqual([]);

    // Tomorrow: the first number again, and that number is tomorrow's ticket.
    clock = dayStart(TOMORROW) + 8 * hour;
    const first = (await anon.post<Ticket>('/api/v1/tickets', { serviceId: 'ho-tich' })).body;
    expect(first.number).toBe(tickets.parked.number);
    expect(first.number).toBe('1001');
    expect((await anon.get<Ticket>('/api/v1/tickets/by-number/1001')).body.id).toBe(first.id);
    const q2 = s.client();
    await q2.login('quay2', 'quay-2');
    expect((await q2.post<{ ticket: Ticket }>('/api/v1/counters/quay-2/call-next')).body.ticket.id).toBe(first.id);
    // An expired ticket cannot be called back.
    expect((await q2.post(`/api/v1/tickets/${tickets.waiting.id}/call`)).status).toBe(409);

    // Yesterday's report: four visits issued, none served, none a no-show, four expired.
    const mgr = s.client();
    await mgr.login('quanly');
    const rep = await mgr.get<{ rows: { center: Row[] } }>(`/api/v1/reports?period=range&from=${TODAY}&to=${TODAY}`);
    expect(rep.status).toBe(200);
    expect(rep.body.rows.center[0]).toMatchObject({ issued: 4, served: 0, noShow: 0, expired: 4, avgWaitSeconds: null });
    const stats = await mgr.get<Row & { open: number }>(`/api/v1/stats?from=${TODAY}&to=${TODAY}`);
    expect(stats.body).toMatchObject({ issued: 4, served: 0, noShow: 0, expired: 4, open: 0 });
    const csv = await mgr.req('GET', `/api/v1/reports?period=range&from=${TODAY}&to=${TODAY}&format=csv`);
    expect(String(csv.body)).toContain('Hết ngày chưa phục vụ');
    // The centre's line: 4 issued, 0 served, 0 no-show … and 4 under "Hết ngày chưa phục vụ", the expired
    // (found by its title: the columns of issue 16.1 come after it).
    const lines = String(csv.body).split('\r\n');
    const centre = lines.find((l) => l.startsWith('"Toàn trung tâm",'))!;
    expect(centre).toMatch(/",4,0,0,/);
    const head = lines[lines.indexOf(centre) - 1]!.split(',');
    expect(centre.split(',')[head.indexOf('"Hết ngày chưa phục vụ"')]).toBe('4');
  });

  it('a server started after a day it did not close expires that day’s open tickets before it answers', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-close-restart-'));
    clock = dayStart(TODAY) + 10 * hour;
    const first = await start(dataDir);
    const { tickets } = await openHall(first);
    await first.built.app.close();
    running.splice(0);

    // Down over the night: started again the next morning, its timer far off.
    clock = dayStart(TOMORROW) + 7 * hour;
    const again = await start(dataDir, 3600_000);
    const anon = again.client();
    for (const t of Object.values(tickets)) {
      expect(await statusOf(anon, t.id)).toBe('expired');
      const row = again.built.sqlite.tickets.get(t.id)!;
      // Closed at the end of its own day, not at the restart.
      expect(row).toMatchObject({ status: 'expired', finishedAt: dayStart(TOMORROW) });
    }
    expect(again.built.ctx.queue.tickets.list()).toEqual([]);
    expect((await anon.post<Ticket>('/api/v1/tickets', { serviceId: 'dat-dai' })).body.number).toBe(tickets.called.number);
  });
});
