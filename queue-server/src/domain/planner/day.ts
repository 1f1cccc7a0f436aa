// The day the planner simulates: the centre's opening hours on that date and
// the citizens who come, drawn from the measured demand. One seed gives one
// set of citizens, so every plan compared meets exactly the same people.
import type { CenterConfig } from '@mot-cua/config';
import { dayStart, weekday } from '../index.ts';
import type { Rng } from '../daysim/rng.ts';
import type { Visit } from '../daysim/visits.ts';
import type { Demand } from './demand.ts';

const MIN = 60_000;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** The walk from the seat to the counter, part of the measured service time. */
const WALK_MS = 30_000;
/** Service times' spread where the log has too few services to measure it. */
const DEFAULT_CV = 0.6;

/** The open spans of `date` as [from, to) epoch ms; none on a closed day or a public holiday. */
export function openSpans(config: CenterConfig, date: string): [number, number][] {
  if (config.hours.closedDates?.includes(date)) return [];
  const start = dayStart(date);
  const at = (hhmm: string) => start + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * MIN;
  return config.hours[WEEKDAYS[weekday(start + 12 * 60 * MIN)]!].map((s): [number, number] => [at(s.open), at(s.close)]);
}

/** The local hours of `date` with any open minute, in order. */
export function openHours(spans: readonly [number, number][], date: string): number[] {
  const start = dayStart(date);
  const hours: number[] = [];
  for (let h = 0; h < 24; h++) if (spans.some(([a, b]) => a < start + (h + 1) * 60 * MIN && b > start + h * 60 * MIN)) hours.push(h);
  return hours;
}

/** One simulated day's citizens on `date`, ids starting with `prefix`. */
export function drawDay(config: CenterConfig, demand: Demand, spans: readonly [number, number][], date: string, r: Rng, prefix: string): Visit[] {
  const start = dayStart(date);
  const visits: Visit[] = [];
  for (const f of demand.fields) {
    const typicalMin = f.serviceMin ?? config.services.find((s) => s.id === f.serviceId)?.avgServiceMinutes ?? 10;
    const cv = Math.min(1.5, Math.max(0.1, f.serviceCv ?? DEFAULT_CV));
    for (const [hour, rate] of Object.entries(f.perHour)) {
      const from = start + Number(hour) * 60 * MIN;
      const parts = spans.map(([a, b]): [number, number] => [Math.max(a, from), Math.min(b, from + 60 * MIN)]).filter(([a, b]) => b > a);
      const open = parts.reduce((s, [a, b]) => s + (b - a), 0);
      if (open === 0) continue;
      for (let n = r.poisson(rate); n > 0; n--) {
        let x = r.next() * open;
        let at = parts[0]![0];
        for (const [a, b] of parts) {
          if (x < b - a) {
            at = Math.floor(a + x);
            break;
          }
          x -= b - a;
        }
        // Whole milliseconds, as the server's clock gives them (the seeded logs of the specs store these).
        const serviceMs = Math.round(Math.max(MIN, r.lognormal(typicalMin * MIN, cv) - WALK_MS));
        visits.push({ id: `${prefix}${visits.length}`, at, serviceId: f.serviceId, priority: r.next() < f.priorityShare, noShow: r.next() < f.noShowShare, walkMs: WALK_MS, serviceMs, bookedAt: null });
      }
    }
  }
  return visits.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}
