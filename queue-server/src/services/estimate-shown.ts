// What the screens get of the estimates (estimate.service.ts): a ticket's figure with its range, and each field's summary.
import type { Estimate } from '../domain/index.ts';

/** An estimate as the screens show it: the forward run's, corrected by measured overtaking, with the range where there is evidence for one. */
export interface ShownEstimate extends Estimate {
  /** The range "khoảng low–high phút"; both absent where one figure is shown. */
  estimatedWaitLowMinutes?: number;
  estimatedWaitHighMinutes?: number;
}

export interface FieldSummary {
  serviceId: string;
  waiting: number;
  oldestWaitSeconds: number;
  estimatedWaitMinutes: number | null;
  estimatedWaitLowMinutes: number | null;
  estimatedWaitHighMinutes: number | null;
  /**
   * For the manager's advice, where nobody signed in serves a field with people waiting:
   * the wait if the open counters there had an official (null otherwise). Never shown to citizens.
   */
  estimatedWaitIfStaffedMinutes: number | null;
  /** Waiting tickets the estimate calls past the closing line (issue 17.3); 0 where hours are not enforced. */
  mayNotBeServedToday: number;
  /** The field's last close today (ISO), null where it does not open today or hours are not enforced. */
  closesAt: string | null;
  /** When a number taken now would be called, about (ISO); null without an estimate. */
  newTicketServedAt: string | null;
  /** A number taken now would probably not be reached before closing. */
  beyondClosing: boolean;
}
