// The centre the queue runs: its configuration looked up by id, its calling
// policy and its clock. Every queue service reads these through one Centre.
import type { CenterConfig, Counter, Service } from '@mot-cua/config';
import type { PolicySettings } from '../domain/index.ts';
import { fail } from '../domain/messages.ts';

/** A configuration, or the live holder of one (CenterConfigService): services read it at each use. */
export type ConfigSource = CenterConfig | { current(): CenterConfig };

/** The configuration as it is now, from a fixed one or a live holder. */
export function liveConfig(src: ConfigSource): () => CenterConfig {
  return 'current' in src && typeof src.current === 'function' ? () => src.current() : () => src as CenterConfig;
}

export class Centre {
  private readonly source: () => CenterConfig;
  private seen!: CenterConfig;
  private services!: Map<string, Service>;
  private counters!: Map<string, Counter>;
  private settings!: PolicySettings;
  /** The fields a counter serves today when they differ from its configured ones (the counter states, set by the queue). */
  fieldsToday: (counterId: string) => readonly string[] | null = () => null;

  constructor(
    config: ConfigSource,
    readonly now: () => number,
  ) {
    this.source = liveConfig(config);
    this.sync();
  }

  /** The configuration now: a live one replaced (the admin console) is picked up at the next read. */
  get config(): CenterConfig {
    return this.sync();
  }

  /** The calling policy's settings from the configuration now. */
  get policy(): PolicySettings {
    this.sync();
    return this.settings;
  }

  private sync(): CenterConfig {
    const config = this.source();
    if (config === this.seen) return config;
    this.seen = config;
    this.services = new Map(config.services.map((s) => [s.id, s]));
    this.counters = new Map(config.counters.map((c) => [c.id, c]));
    this.settings = {
      kind: config.policy.kind,
      targetWaitMinutes: config.targets.waitMinutes,
      priorityAdvanceMinutes: config.policy.priorityAdvanceMinutes,
    };
    return config;
  }

  service(id: string): Service {
    this.sync();
    const s = this.services.get(id);
    if (!s) throw fail('unknown_service', { id });
    return s;
  }

  /** The counter as it works now: its configuration, serving today's fields (issue 13.3). */
  counter(id: string): Counter {
    this.sync();
    const c = this.counters.get(id);
    if (!c) throw fail('not_found:counter', { id });
    return this.today(c);
  }

  /** The counter as configured (the saved fields, not today's). */
  configuredCounter(id: string): Counter {
    this.sync();
    const c = this.counters.get(id);
    if (!c) throw fail('not_found:counter', { id });
    return c;
  }

  /** Every counter as it works now, in the configuration's order. */
  countersNow(): Counter[] {
    return this.config.counters.map((c) => this.today(c));
  }

  private today(c: Counter): Counter {
    const fields = this.fieldsToday(c.id);
    return fields ? { ...c, serviceIds: [...fields] } : c;
  }

  /** The counter's number, or 0 for one no longer configured (a board still shows the call). */
  counterNumber(id: string): number {
    this.sync();
    return this.counters.get(id)?.number ?? 0;
  }

  /** Whether the counter takes tickets of the field today. */
  serves(counterId: string, serviceId: string): boolean {
    this.sync();
    const c = this.counters.get(counterId);
    return c ? (this.fieldsToday(counterId) ?? c.serviceIds).includes(serviceId) : false;
  }
}
