// The citizens of one simulated day, drawn once per seed so that every policy
// meets exactly the same people, with the same errands and service times.
import { dayStart } from '../index.ts';
import type { Profile } from './profile.ts';
import type { Rng } from './rng.ts';

export interface Visit {
  id: string;
  /** Check-in at the kiosk, epoch ms. */
  at: number;
  serviceId: string;
  priority: boolean;
  noShow: boolean;
  /** Walk from the seat to the counter after the call, ms (part of the service time, as DESIGN counts it). */
  walkMs: number;
  serviceMs: number;
  bookedAt: number | null;
}

const MIN = 60_000;
const toMs = (day: string, hhmm: string) => dayStart(day) + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * MIN;

/** The minutes of `hour` the centre is open on a Monday, as [from, to) epoch ms ranges. */
function openRanges(p: Profile, day: string, hour: number): [number, number][] {
  const spans = p.config.hours.mon.map((s) => [toMs(day, s.open), toMs(day, s.close)] as const);
  const from = dayStart(day) + hour * 60 * MIN;
  const to = from + 60 * MIN;
  return spans.map(([a, b]): [number, number] => [Math.max(a, from), Math.min(b, to)]).filter(([a, b]) => b > a);
}

/** The open parts of [from, to) on a Monday. */
function openWithin(p: Profile, day: string, from: number, to: number): [number, number][] {
  return p.config.hours.mon.map((s): [number, number] => [Math.max(toMs(day, s.open), from), Math.min(toMs(day, s.close), to)]).filter(([a, b]) => b > a);
}

function uniformIn(r: Rng, ranges: [number, number][]): number {
  const total = ranges.reduce((s, [a, b]) => s + (b - a), 0);
  let x = r.next() * total;
  for (const [a, b] of ranges) {
    if (x < b - a) return Math.floor(a + x);
    x -= b - a;
  }
  return ranges[ranges.length - 1]![1] - 1;
}

/** One working day's visits; `day` is a weekday with the centre's Monday hours, ids start with `prefix`. */
export function drawVisits(p: Profile, r: Rng, day: string, prefix = ''): Visit[] {
  const fields = Object.entries(p.fieldShare) as [string, number][];
  const visits: Visit[] = [];
  const draw = (at: number, bookedAt: number | null) => {
    const serviceId = r.pick(fields);
    const walkMs = r.int(15, 60) * 1000;
    // The mean includes the walk up; at least a minute at the desk.
    const serviceMs = Math.max(MIN, r.lognormal(p.serviceMinutes[serviceId]! * MIN, p.serviceCv) - walkMs);
    visits.push({ id: `${prefix}v${visits.length}`, at, serviceId, priority: r.next() < p.priorityShare, noShow: r.next() < p.noShowShare, walkMs, serviceMs, bookedAt });
  };
  // A surge's share arrives inside its window; the rest keeps the hourly shape.
  const surge = p.surge ? openWithin(p, day, toMs(day, p.surge.from), toMs(day, p.surge.to)) : [];
  const inSurge = surge.length ? p.surge!.share : 0;
  for (const [h, share] of Object.entries(p.hourShare)) {
    const ranges = openRanges(p, day, Number(h));
    if (ranges.length === 0) continue;
    const n = r.poisson(p.visitsPerDay * share * (1 - p.appointmentShare) * (1 - inSurge));
    for (let i = 0; i < n; i++) draw(uniformIn(r, ranges), null);
  }
  if (inSurge) {
    const n = r.poisson(p.visitsPerDay * (1 - p.appointmentShare) * inSurge);
    for (let i = 0; i < n; i++) draw(uniformIn(r, surge), null);
  }
  // Appointments: booked on quarter-hour slots while open, checked in 0–10 minutes before.
  const slots = Object.keys(p.hourShare)
    .flatMap((h) => openRanges(p, day, Number(h)))
    .flatMap(([a, b]) => Array.from({ length: Math.ceil((b - a) / (15 * MIN)) }, (_, k) => a + k * 15 * MIN).filter((t) => t + 10 * MIN < b));
  const booked = r.poisson(p.visitsPerDay * p.appointmentShare);
  const surgeSlots = slots.filter((t) => surge.some(([a, b]) => t >= a && t < b));
  for (let i = 0; i < booked && slots.length > 0; i++) {
    const from = surgeSlots.length && r.next() < inSurge ? surgeSlots : slots;
    const slot = from[r.int(0, from.length - 1)]!;
    draw(Math.max(slot - r.int(0, 10) * MIN, toMs(day, p.config.hours.mon[0]!.open)), slot);
  }
  return visits.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

export const localTime = toMs;
