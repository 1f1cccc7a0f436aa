/** Stands in for a PC/SC reader: `place` puts a virtual chip on it, as a citizen lays a card on the reader. */
import { EventEmitter } from 'node:events';
import type { PartStatus } from '../device.ts';
import { chipPart, type ChipReader, type ChipReaderEvents } from '../chip/device.ts';
import type { VirtualChip } from './chip-sim.ts';

export class SimulatedChipReader extends EventEmitter<ChipReaderEvents> implements ChipReader {
  private chip: VirtualChip | null = null;
  constructor(readonly id: string) {
    super();
  }

  status(): PartStatus {
    return chipPart(this.id, 'ok', 'Đầu đọc thẻ chip mô phỏng / Simulated chip reader');
  }

  place(chip: VirtualChip): void {
    this.remove();
    this.chip = chip;
    this.emit('card', chip);
  }

  remove(): void {
    if (!this.chip) return;
    this.chip.remove();
    this.chip = null;
    this.emit('removed');
  }

  async close(): Promise<void> {
    this.remove();
  }
}
