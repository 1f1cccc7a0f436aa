// The centre the queue runs: its configuration looked up by id, its calling
// policy and its clock. Every queue service reads these through one Centre.
import type { CenterConfig, Counter, Service } from '@mot-cua/config';
import type { PolicySettings } from '../domain/index.ts';
import { fail } from '../domain/messages.ts';

export class Centre {
  private readonly services: Map<string, Service>;
  private readonly counters: Map<string, Counter>;
  readonly policy: PolicySettings;

  constructor(
    readonly config: CenterConfig,
    readonly now: () => number,
  ) {
    this.services = new Map(config.services.map((s) => [s.id, s]));
    this.counters = new Map(config.counters.map((c) => [c.id, c]));
    this.policy = {
      kind: config.policy.kind,
      targetWaitMinutes: config.targets.waitMinutes,
      priorityAdvanceMinutes: config.policy.priorityAdvanceMinutes,
    };
  }

  service(id: string): Service {
    const s = this.services.get(id);
    if (!s) throw fail('unknown_service', { id });
    return s;
  }

  counter(id: string): Counter {
    const c = this.counters.get(id);
    if (!c) throw fail('not_found:counter', { id });
    return c;
  }

  /** The counter's number, or 0 for one no longer configured (a board still shows the call). */
  counterNumber(id: string): number {
    return this.counters.get(id)?.number ?? 0;
  }

  /** Whether the counter takes tickets of the field. */
  serves(counterId: string, serviceId: string): boolean {
    return this.counters.get(counterId)?.serviceIds.includes(serviceId) ?? false;
  }
}
