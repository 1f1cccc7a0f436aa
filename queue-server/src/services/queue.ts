// The queue of one centre, assembled: the open-ticket mirror and the services
// built on it. Routes and realtime reach each use case through its service.
import type { StorePort } from '../store/port.ts';
import type { Bus } from './bus.ts';
import { Centre, type ConfigSource } from './centre.ts';
import { CounterService } from './counter.service.ts';
import { CounterStates } from './counter-states.ts';
import { DayCloseService } from './day-close.service.ts';
import { EstimateService } from './estimate.service.ts';
import { EventLog } from './event-log.ts';
import { HallService } from './hall.service.ts';
import { IssueService, type IssueOptions } from './issue.service.ts';
import { OpenTickets } from './open-tickets.ts';
import { PreparationService } from './preparation.service.ts';
import { RatingService } from './rating.service.ts';
import { CheckInService } from './check-in.service.ts';
import { EntranceCodes } from './entrance-code.ts';
import { OfflineService } from './offline.service.ts';

export interface QueueOptions extends IssueOptions {
  now: () => number;
}

export interface Queue {
  centre: Centre;
  tickets: OpenTickets;
  issue: IssueService;
  counters: CounterService;
  estimates: EstimateService;
  hall: HallService;
  ratings: RatingService;
  /** What citizens prepared at the kiosk (issue 16.2). */
  preparations: PreparationService;
  /** The day's close: expires what is still open when the day ends. */
  dayClose: DayCloseService;
  /** A number from the phone checks in on arrival (issue 17.1). */
  checkIns: CheckInService;
  /** The code shown at the entrance, for a phone's check-in (issue 17.1). */
  entrance: EntranceCodes;
  /** A kiosk's leases of numbers and the replays of what it issued offline (issue 17.4). */
  offline: OfflineService;
}

/** The queue over what the store holds now (its runtime state, loaded once); `config` may be the live holder, read at each use. */
export async function createQueue(config: ConfigSource, port: StorePort, bus: Bus, opts: QueueOptions): Promise<Queue> {
  const centre = new Centre(config, opts.now);
  const { open: tickets, runtime } = await OpenTickets.load(port, opts.now);
  const states = new CounterStates(runtime.counters);
  tickets.onReload((rt) => states.reload(rt));
  // Today's fields of a counter, where they are still configured fields (one removed from the centre since is dropped).
  centre.fieldsToday = (id) => {
    const f = states.serviceIds(id);
    return f ? f.filter((s) => centre.config.services.some((x) => x.id === s)) : null;
  };
  const log = new EventLog(opts.now);
  const hall = new HallService(centre, tickets, bus);
  const ratings = new RatingService(centre, tickets, log, bus, opts.secret);
  const entrance = new EntranceCodes(opts.secret, () => centre.config.center.id, () => centre.now());
  const dayClose = new DayCloseService(centre, tickets, log, hall, bus, { enforceHours: opts.enforceHours });
  return {
    centre,
    tickets,
    issue: new IssueService(centre, tickets, log, bus, opts),
    counters: new CounterService(centre, tickets, states, log, hall, bus),
    estimates: new EstimateService(centre, tickets, states, opts.enforceHours),
    hall,
    ratings,
    preparations: new PreparationService(centre, tickets, port.reads),
    dayClose,
    checkIns: new CheckInService(centre, tickets, log, bus, (t) => ratings.keyOf(t), entrance),
    entrance,
    offline: new OfflineService(centre, tickets, port.reads, bus, (day) => dayClose.closesAt(day)),
  };
}
