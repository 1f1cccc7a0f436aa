// A centre's past weeks written into a real store for the planner's specs: each
// day's citizens drawn from a demand, served by the configured counters on the
// real engine (pickNext, transition), and their tickets and events committed
// through the store port as the server would have logged them.
import type { CenterConfig } from '@mot-cua/config';
import type { PolicySettings } from '../domain/index.ts';
import { runDay } from '../domain/daysim/engine.ts';
import { rng } from '../domain/daysim/rng.ts';
import type { Demand } from '../domain/planner/demand.ts';
import { drawDay, openSpans } from '../domain/planner/day.ts';
import { ticketRecord } from '../store/records.ts';
import type { StorePort } from '../store/index.ts';

/** The local hours' shares of a day's visits: a morning peak from 8 to 10. */
const HOURS: Record<number, number> = { 7: 0.09, 8: 0.15, 9: 0.15, 10: 0.13, 11: 0.05, 13: 0.06, 14: 0.13, 15: 0.13, 16: 0.11 };

/**
 * A day's demand on the demo centre's fields: `perDay` visits, `landShare` of them for land
 * (dat-dai) at `landMin` minutes, the rest shared by the other fields at their typical times.
 */
export function demoDemand(config: CenterConfig, o: { perDay: number; landShare: number; landMin: number }): Demand {
  const others = config.services.filter((s) => s.id !== 'dat-dai' && !s.returns);
  const share = (id: string) => (id === 'dat-dai' ? o.landShare : others.some((s) => s.id === id) ? (1 - o.landShare) / others.length : 0);
  return {
    days: [],
    fields: config.services.map((s) => ({
      serviceId: s.id,
      perHour: Object.fromEntries(Object.entries(HOURS).map(([h, x]) => [h, o.perDay * x * share(s.id)])),
      serviceMin: s.id === 'dat-dai' ? o.landMin : s.avgServiceMinutes,
      serviceCv: 0.6,
      priorityShare: 0.1,
      noShowShare: 0.04,
    })),
  };
}

/** Writes `days` of history served by the configured counters; resolves with the visits written. */
export async function seedHistory(port: StorePort, config: CenterConfig, policy: PolicySettings, days: readonly string[], demand: Demand, seed = 1): Promise<number> {
  const r = rng(seed);
  const priorityCategoryId = config.priorityCategories[0]?.id ?? null;
  let written = 0;
  for (const day of days) {
    const visits = drawDay(config, demand, openSpans(config, day), day, r, `${day}-`);
    const run = runDay({ config, visits, changes: [], policy, estimates: false });
    const closed = [...run.tickets.values()].filter((t) => t.status === 'done' || t.status === 'no_show');
    const kept = new Set(closed.map((t) => t.id));
    const insertTickets = closed.map((t, i) => ticketRecord({ ...t, priorityCategoryId: run.priority.has(t.id) ? priorityCategoryId : null }, { seq: i + 1 }));
    const events = run.events
      .filter((e) => kept.has(e.ticketId))
      .map((e) => (e.type === 'issued' ? { ...e, data: { ...e.data, channel: 'kiosk', priorityCategoryId: run.priority.has(e.ticketId) ? priorityCategoryId : null } } : e));
    await port.commit({ insertTickets, events });
    written += closed.length;
  }
  return written;
}
