/** The agent's picture of its devices; tells listeners whenever any part changes. */
import { EventEmitter } from 'node:events';
import type { PartStatus } from '@mot-cua/hardware/device.ts';

export class Parts extends EventEmitter<{ change: [PartStatus[]] }> {
  private readonly map = new Map<string, PartStatus>();

  set(p: PartStatus): void {
    const old = this.map.get(p.id);
    if (old && old.status === p.status && old.detail === p.detail && old.kind === p.kind) return;
    this.map.set(p.id, p);
    this.emit('change', this.list());
  }

  list(): PartStatus[] {
    return [...this.map.values()];
  }
}
