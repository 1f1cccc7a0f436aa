// The shape of a simulated centre's day: its configuration, how many come,
// when, for which field, and how long each field truly takes. The simulator's
// profiles (tests/sim/profiles.ts) and the staffing planner (from the event
// log) both describe a day this way.
import type { CenterConfig } from '@mot-cua/config';

export type CounterStatusChange = { counterId: string; at: string; status: 'open' | 'paused' | 'closed' };

export interface Profile {
  name: string;
  config: CenterConfig;
  /** The first simulated day, a Monday; further days follow Tuesday to Friday (same hours). */
  day: string;
  visitsPerDay: number;
  /** Share of the day's walk-ins per local hour; the morning peak is here. */
  hourShare: Readonly<Record<number, number>>;
  /** Share of visits per field (service id). */
  fieldShare: Readonly<Record<string, number>>;
  /**
   * True mean service time per field, minutes, walk-up included. The server does
   * not know these: it starts from the config's typical times and learns from the
   * day's finished services, as it would in a real centre.
   */
  serviceMinutes: Readonly<Record<string, number>>;
  /** Coefficient of variation of service times (lognormal around the field's typical time). */
  serviceCv: number;
  priorityShare: number;
  /** Citizens who leave before they are called: the counter calls, recalls twice, then marks them no-show. */
  noShowShare: number;
  /** Visits booked ahead; they check in up to 10 minutes before the slot. */
  appointmentShare: number;
  /** Counters opening late, pausing and closing early, in the day's local time. */
  changes: readonly CounterStatusChange[];
  /** A morning rush: this share of the day's visits (appointments included) arrives between `from` and `to`. */
  surge?: { share: number; from: string; to: string };
}
