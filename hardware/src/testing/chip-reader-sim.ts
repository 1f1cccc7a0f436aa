/**
 * Stands in for a PC/SC reader: `place` puts a virtual chip on it, as a citizen lays a card on the
 * reader; `unplug` and `plug` take the reader itself away and back, reported as the PC/SC reader does.
 */
import { EventEmitter } from 'node:events';
import type { PartStatus } from '../device.ts';
import { CHIP_READER_UNPLUGGED as UNPLUGGED, chipPart, type ChipReader, type ChipReaderEvents } from '../chip/device.ts';
import type { VirtualChip } from './chip-sim.ts';

export class SimulatedChipReader extends EventEmitter<ChipReaderEvents> implements ChipReader {
  private chip: VirtualChip | null = null;
  private plugged = true;
  constructor(readonly id: string) {
    super();
  }

  status(): PartStatus {
    return this.plugged
      ? chipPart(this.id, 'ok', 'Đầu đọc thẻ chip mô phỏng / Simulated chip reader')
      : chipPart(this.id, 'warning', UNPLUGGED);
  }

  get connected(): boolean {
    return this.plugged;
  }

  /** The reader is pulled out: a card on it goes with it. */
  unplug(): void {
    if (!this.plugged) return;
    this.remove();
    this.plugged = false;
    this.emit('status', this.status());
  }

  plug(): void {
    if (this.plugged) return;
    this.plugged = true;
    this.emit('status', this.status());
  }

  /** Lays a card on the reader; on an unplugged reader nothing reads it. */
  place(chip: VirtualChip): void {
    if (!this.plugged) throw new Error('the simulated chip reader is unplugged');
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
