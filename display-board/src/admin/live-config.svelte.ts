// The admin console's copy of the centre's live configuration: loaded whole from
// GET /api/v1/admin/config, changed whole with PUT (the server validates and
// applies it at once). A refusal keeps the last good copy and its message.
import type { CenterConfig } from '@mot-cua/config/schema.ts';
import { api, ApiError } from '@mot-cua/ui-shared/api.ts';

export type { CenterConfig };

export class LiveConfig {
  config = $state<CenterConfig | null>(null);
  /** The last refusal (shown in the reader's language), or null. */
  error = $state<ApiError | null>(null);
  /** The last success, a key of the admin dictionary, or null. */
  done = $state<string | null>(null);
  busy = $state(false);

  async load(): Promise<void> {
    try {
      this.config = await api<CenterConfig>('/admin/config');
      this.error = null;
    } catch (e) {
      this.error = ApiError.from(e);
    }
  }

  /** Applies `change` to a copy of the configuration and stores it; true when the server took it. */
  async save(change: (draft: CenterConfig) => void): Promise<boolean> {
    if (!this.config) return false;
    const draft = structuredClone($state.snapshot(this.config)) as CenterConfig;
    change(draft);
    this.busy = true;
    this.done = null;
    try {
      this.config = await api<CenterConfig>('/admin/config', { method: 'PUT', body: draft });
      this.error = null;
      this.done = 'saved';
      return true;
    } catch (e) {
      this.error = ApiError.from(e);
      return false;
    } finally {
      this.busy = false;
    }
  }
}

/** The configuration without one field: its procedures go, and no counter serves it any more. */
export function dropField(c: CenterConfig, id: string): void {
  c.services = c.services.filter((s) => s.id !== id);
  c.procedures = c.procedures.filter((p) => p.serviceId !== id);
  for (const k of c.counters) {
    k.serviceIds = k.serviceIds.filter((s) => s !== id);
    delete k.weights[id];
  }
}

/** The configuration without one counter: staff and devices that sat there no longer name it. */
export function dropCounter(c: CenterConfig, id: string): void {
  c.counters = c.counters.filter((k) => k.id !== id);
  for (const s of c.staff) if (s.counterId === id) delete s.counterId;
  for (const d of c.devices.list) if (d.counterId === id) delete d.counterId;
}

/** A text field: trimmed, or undefined when left empty (the schema's optional). */
export const optional = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());
