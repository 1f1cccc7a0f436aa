/**
 * A counter keypad (calling or rating) as the agent sees it. The HID driver and the simulator
 * both decode boot-keyboard reports through `ReportDecoder`, so they emit identical key events.
 */
import { EventEmitter } from 'node:events';
import type { PartStatus } from '../device.ts';
import { newlyPressed, usageFor, type KeypadKey, type KeypadModel } from './keymap.ts';

export type KeyPress = { keypadId: string; counterId: string; kind: KeypadModel['kind']; key: KeypadKey };

export type KeypadEvents = { key: [KeyPress]; status: [PartStatus] };

export interface Keypad extends EventEmitter<KeypadEvents> {
  readonly id: string;
  readonly counterId: string;
  readonly kind: KeypadModel['kind'];
  status(): PartStatus;
  close(): Promise<void>;
}

export class ReportDecoder {
  private previous = new Uint8Array(8);

  constructor(private readonly model: KeypadModel) {}

  /** Keys of the model newly pressed in this report; unknown keys are ignored. */
  decode(report: Uint8Array): KeypadKey[] {
    const pressed = newlyPressed(this.previous, report);
    this.previous = Uint8Array.from(report.length === 9 ? report.subarray(1) : report);
    return pressed.flatMap((u) => (this.model.keys[u] ? [this.model.keys[u]] : []));
  }
}

export abstract class ReportKeypad extends EventEmitter<KeypadEvents> implements Keypad {
  protected current: PartStatus;
  private readonly decoder: ReportDecoder;

  constructor(
    readonly id: string,
    readonly counterId: string,
    protected readonly model: KeypadModel,
  ) {
    super();
    this.decoder = new ReportDecoder(model);
    this.current = { id, kind: 'keypad', status: 'ok' };
  }

  get kind(): KeypadModel['kind'] {
    return this.model.kind;
  }

  protected onReport(report: Uint8Array): void {
    for (const key of this.decoder.decode(report)) {
      this.emit('key', { keypadId: this.id, counterId: this.counterId, kind: this.model.kind, key });
    }
  }

  protected setStatus(status: PartStatus['status'], detail?: string): void {
    if (this.current.status === status && this.current.detail === detail) return;
    this.current = { id: this.id, kind: 'keypad', status, ...(detail ? { detail } : {}) };
    this.emit('status', this.current);
  }

  status(): PartStatus {
    return this.current;
  }

  abstract close(): Promise<void>;
}

/** Sends the HID reports the real keypad would send: key down, then all keys up. */
export class SimulatedKeypad extends ReportKeypad {
  press(key: KeypadKey): boolean {
    const usage = usageFor(this.model, key);
    if (usage === undefined) return false;
    this.onReport(Uint8Array.of(0, 0, usage, 0, 0, 0, 0, 0));
    this.onReport(new Uint8Array(8));
    return true;
  }

  /** Raw report, for tests of odd devices (report ids, rollover). */
  report(bytes: Uint8Array): void {
    this.onReport(bytes);
  }

  async close(): Promise<void> {}
}
