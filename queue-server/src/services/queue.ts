// The queue of one centre, assembled: the open-ticket mirror and the services
// built on it. Routes and realtime reach each use case through its service.
import type { CenterConfig } from '@mot-cua/config';
import type { Store } from '../store/index.ts';
import type { Bus } from './bus.ts';
import { Centre } from './centre.ts';
import { CounterService } from './counter.service.ts';
import { CounterStates } from './counter-states.ts';
import { EstimateService } from './estimate.service.ts';
import { EventLog } from './event-log.ts';
import { HallService } from './hall.service.ts';
import { IssueService, type IssueOptions } from './issue.service.ts';
import { OpenTickets } from './open-tickets.ts';
import { RatingService } from './rating.service.ts';

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
}

export function createQueue(config: CenterConfig, store: Store, bus: Bus, opts: QueueOptions): Queue {
  const centre = new Centre(config, opts.now);
  const tickets = new OpenTickets(store, opts.now);
  const states = new CounterStates(store);
  const log = new EventLog(store, opts.now);
  const hall = new HallService(centre, tickets, bus);
  return {
    centre,
    tickets,
    issue: new IssueService(centre, tickets, log, store, bus, opts),
    counters: new CounterService(centre, tickets, states, log, hall, bus),
    estimates: new EstimateService(centre, tickets, states, store),
    hall,
    ratings: new RatingService(centre, tickets, log, store, bus),
  };
}
