// The centre's live configuration (issue 13.2): fields, counters, procedures,
// staff, hours… held by the server and stored in the data folder, so the admin
// console changes them with no restart. The YAML file seeds it on a data
// folder's first start only; after that the stored configuration wins.
//
// Every service reads the one holder (`current()`), or rebuilds what it derives
// from it on `onChange`; a replacement is validated by the config package's own
// schema, refused when it would strand open tickets, stored with its audit line
// in one batch, and announced as `center.changed`.
import { parseConfig, type CenterConfig } from '@mot-cua/config';
import { DomainError } from '../domain/index.ts';
import { fail, say, ERRORS } from '../domain/messages.ts';
import type { StorePort, TicketRecord } from '../store/index.ts';
import type { Bus } from './bus.ts';

/** The meta key the live configuration is stored under (JSON). */
export const CONFIG_META_KEY = 'center.config';

/** A configuration the schema refuses: the first problem (and how many more) in the message, every one in `problems`. */
export class ConfigInvalid extends DomainError {
  constructor(readonly problems: string[]) {
    const problem = problems[0] ?? '(root): ?';
    const more = problems.length - 1;
    super('bad_input', 'invalid_config', more > 0 ? say(ERRORS['invalid_config:more'], { problem, more }) : say(ERRORS.invalid_config, { problem }));
  }
}

export interface CenterConfigDeps {
  store: StorePort;
  bus: Bus;
  now: () => number;
  /** The open tickets (waiting, called, serving, parked) as the queue has them now. */
  openTickets: () => Iterable<TicketRecord>;
}

type Listener = (next: CenterConfig, previous: CenterConfig) => void;

const WAITING = new Set(['waiting', 'called', 'serving', 'parked']);
const AT_COUNTER = new Set(['called', 'serving']);

/** Validates `raw` with the config package's schema; throws ConfigInvalid with every problem. */
export function validateConfig(raw: unknown): CenterConfig {
  let parsed: ReturnType<typeof parseConfig>;
  try {
    parsed = parseConfig(raw);
  } catch (e) {
    throw new ConfigInvalid([`(root): ${e instanceof Error ? e.message : String(e)}`]);
  }
  if (!parsed.ok) throw new ConfigInvalid(parsed.errors);
  return parsed.config;
}

const ids = <T>(list: readonly T[], id: (x: T) => string) => new Set(list.map(id));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed between two configurations, for the audit log: sections, and ids added or removed. */
export function configDiff(prev: CenterConfig, next: CenterConfig): Record<string, unknown> {
  const sections = (Object.keys({ ...prev, ...next }) as (keyof CenterConfig)[]).filter((k) => !same(prev[k], next[k]));
  const detail: Record<string, unknown> = { sections };
  const lists = {
    services: (c: CenterConfig) => ids(c.services, (s) => s.id),
    counters: (c: CenterConfig) => ids(c.counters, (s) => s.id),
    procedures: (c: CenterConfig) => ids(c.procedures, (p) => p.code),
  };
  for (const [name, of] of Object.entries(lists)) {
    const a = of(prev);
    const b = of(next);
    const added = [...b].filter((x) => !a.has(x));
    const removed = [...a].filter((x) => !b.has(x));
    if (added.length > 0) detail[`${name}Added`] = added;
    if (removed.length > 0) detail[`${name}Removed`] = removed;
  }
  return detail;
}

export class CenterConfigService {
  private config: CenterConfig;
  private readonly listeners: Listener[] = [];

  constructor(
    initial: CenterConfig,
    private readonly deps: CenterConfigDeps,
  ) {
    this.config = initial;
  }

  /**
   * The live configuration of a data folder: the stored one, else `seed` (the
   * YAML file), stored then. `notes` are log lines (the YAML differs from it,
   * or the stored one no longer validates and the seed is used).
   */
  static async open(seed: CenterConfig, deps: CenterConfigDeps): Promise<{ service: CenterConfigService; notes: string[] }> {
    const stored = await deps.store.reads.meta(CONFIG_META_KEY);
    const notes: string[] = [];
    if (stored !== null) {
      let raw: unknown;
      try {
        raw = JSON.parse(stored);
      } catch {
        raw = undefined;
      }
      const parsed = raw === undefined ? null : parseConfig(raw);
      if (parsed?.ok) {
        if (!same(parsed.config, seed))
          notes.push('Cấu hình trong thư mục dữ liệu khác tệp YAML: dùng cấu hình đã lưu (sửa tại /admin, hoặc npm run config -- export) / the stored configuration differs from the YAML file and wins');
        return { service: new CenterConfigService(parsed.config, deps), notes };
      }
      notes.push(
        `Cấu hình đã lưu không còn hợp lệ (${parsed && !parsed.ok ? parsed.errors[0] : 'JSON hỏng'}): dùng tệp YAML / the stored configuration no longer validates; the YAML file is used`,
      );
    }
    await deps.store.commit({ meta: [{ key: CONFIG_META_KEY, value: JSON.stringify(seed) }] });
    return { service: new CenterConfigService(seed, deps), notes };
  }

  current(): CenterConfig {
    return this.config;
  }

  /** Calls `fn` with each new configuration once it is stored; returns a function that stops it. */
  onChange(fn: Listener): () => void {
    this.listeners.push(fn);
    return () => {
      const i = this.listeners.indexOf(fn);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /**
   * Replaces the whole configuration: validated (400 with the schema's
   * path-named problems), refused when a removed field still has open tickets
   * or a removed counter has a ticket called or served there (409 with how
   * many), then stored with its audit line in one batch, applied, announced.
   */
  async replace(next: CenterConfig, actor: string): Promise<void> {
    const valid = validateConfig(next);
    this.refuseStranding(valid);
    const previous = this.config;
    await this.deps.store.commit({
      meta: [{ key: CONFIG_META_KEY, value: JSON.stringify(valid) }],
      audit: [{ actor, action: 'config.replace', target: null, detail: configDiff(previous, valid), at: this.deps.now() }],
    });
    this.config = valid;
    for (const fn of [...this.listeners]) fn(valid, previous);
    this.deps.bus.announce('center.changed', valid);
  }

  private refuseStranding(next: CenterConfig): void {
    const services = ids(next.services, (s) => s.id);
    const counters = ids(next.counters, (c) => c.id);
    const byService = new Map<string, number>();
    const byCounter = new Map<string, number>();
    for (const t of this.deps.openTickets()) {
      if (!WAITING.has(t.status)) continue;
      if (!services.has(t.serviceId)) byService.set(t.serviceId, (byService.get(t.serviceId) ?? 0) + 1);
      if (t.counterId && AT_COUNTER.has(t.status) && !counters.has(t.counterId)) byCounter.set(t.counterId, (byCounter.get(t.counterId) ?? 0) + 1);
    }
    for (const [id, count] of byService) throw fail('config_strands:service', { id, count });
    for (const [id, count] of byCounter) throw fail('config_strands:counter', { id, count });
  }
}
