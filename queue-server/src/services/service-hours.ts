// Whether a field takes tickets now: within its opening hours (when the centre
// enforces them) and under its daily capacity. One verdict serves both the
// kiosk's tiles (open, and when it opens) and the refusal of a ticket.
import type { Service } from '@mot-cua/config';
import { addDays, dayKey, dayStart, isOpen, nextOpening, toIso, type WeeklyHours } from '../domain/index.ts';
import { ERRORS, say } from '../domain/messages.ts';

export type Availability =
  | { open: true }
  | { open: false; code: 'closed' | 'capacity_reached'; message: string; opensAtIso: string | null };

/** The last instant of the local day of `ms`: capacity opens again from the next day's first opening. */
const endOfDay = (ms: number) => dayStart(addDays(dayKey(ms), 1)) - 1;

/** When a field opens again, as the Vietnamese text says it: the hour, and the day as dd/mm/yyyy. */
function reopening(ms: number): { time: string; date: string; atIso: string } {
  const iso = toIso(ms);
  return { time: iso.slice(11, 16), date: `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`, atIso: iso };
}

export function availability(
  service: Service,
  centreHours: WeeklyHours,
  now: number,
  o: { enforceHours: boolean; issuedToday: () => number },
): Availability {
  const hours = service.hours ?? centreHours;
  const nameEn = service.nameEn ?? service.name;
  if (o.enforceHours && !isOpen(hours, now)) {
    const at = nextOpening(hours, now);
    return {
      open: false,
      code: 'closed',
      message: at ? say(ERRORS['closed:reopens'], { name: service.name, nameEn, ...reopening(at) }) : say(ERRORS.closed, { name: service.name, nameEn }),
      opensAtIso: at ? toIso(at) : null,
    };
  }
  // Counted only for a field with a capacity: the count reads the day's tickets.
  if (service.dailyCapacity !== undefined && o.issuedToday() >= service.dailyCapacity) {
    const at = nextOpening(hours, endOfDay(now));
    return {
      open: false,
      code: 'capacity_reached',
      message: at
        ? say(ERRORS['capacity_reached:reopens'], { name: service.name, nameEn, ...reopening(at) })
        : say(ERRORS.capacity_reached, { name: service.name, nameEn }),
      opensAtIso: at ? toIso(at) : null,
    };
  }
  return { open: true };
}
