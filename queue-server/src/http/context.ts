// What every route plugin gets: the services, the store port and the clock.
import type { StorePort } from '../store/index.ts';
import type { Queue } from '../services/queue.ts';
import type { AuthService } from '../services/auth.service.ts';
import type { AccountService } from '../services/account.service.ts';
import type { StatsService } from '../services/stats.service.ts';
import type { PlannerService } from '../services/planner.service.ts';
import type { Bus } from '../services/bus.ts';
import type { BookingService } from '../services/booking.service.ts';
import type { DossierService } from '../services/dossier.service.ts';
import type { PrivacyService } from '../services/privacy.service.ts';
import type { DeviceService } from '../services/device.service.ts';
import type { CenterConfigService } from '../services/center-config.service.ts';
import type { Actor } from '../services/actor.ts';
import type { Metrics } from './metrics.ts';
import type { NotifyService } from '../services/notify/notify.service.ts';
import type { BookingReminders } from '../services/notify/booking-reminders.ts';
import type { DossierWatch } from '../services/notify/dossier-watch.ts';
import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';

export interface AppContext {
  store: StorePort;
  queue: Queue;
  /** The live centre configuration (the admin console replaces it). */
  centerConfig: CenterConfigService;
  auth: AuthService;
  accounts: AccountService;
  stats: StatsService;
  planner: PlannerService;
  bookings: BookingService;
  dossiers: DossierService;
  privacy: PrivacyService;
  devices: DeviceService;
  bus: Bus;
  metrics: Metrics;
  /** Telling citizens on their phones (issue 17.2). */
  notify: NotifyService;
  /** A booking's reminders by text (issue 17.2). */
  reminders: BookingReminders;
  /** "Hồ sơ đã có kết quả" by text (issue 17.2). */
  dossierWatch: DossierWatch;
  demo: boolean;
  version: string;
  /** Where this centre's kiosks find their kiosk agent (KIOSK_AGENT_URL), or null for the default. */
  kioskAgentUrl: string | null;
}

/** A route plugin: it gets the context, and its handlers' body, params, query and headers types come from the route's JSON schemas. */
export type RoutePlugin = FastifyPluginAsyncJsonSchemaToTs<{ Options: { ctx: AppContext } }>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The actor came from a session cookie (so writes need the CSRF header). */
    viaCookie: boolean;
  }
}
