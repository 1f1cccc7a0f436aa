/**
 * A QR/barcode scanner as the agent sees it. The serial driver and the simulator both turn
 * bytes into scans through the same framer and classifier, so they emit identical events.
 */
import { EventEmitter } from 'node:events';
import type { PartStatus } from '../device.ts';
import { classifyScan, type ScanEvent } from './classify.ts';
import { ScanFramer, type FramerOptions } from './framer.ts';

export type ScannerEvents = { scan: [ScanEvent]; status: [PartStatus] };

export interface Scanner extends EventEmitter<ScannerEvents> {
  readonly id: string;
  status(): PartStatus;
  close(): Promise<void>;
}

/** Shared by the serial scanner and the simulator: bytes in, classified scans out. */
export abstract class ByteScanner extends EventEmitter<ScannerEvents> implements Scanner {
  protected readonly framer: ScanFramer;
  protected current: PartStatus;

  constructor(
    readonly id: string,
    framing: FramerOptions = {},
    private readonly today: () => Date = () => new Date(),
  ) {
    super();
    this.current = { id, kind: 'scanner', status: 'ok' };
    this.framer = new ScanFramer((text) => this.emit('scan', classifyScan(text, this.today())), framing);
  }

  status(): PartStatus {
    return this.current;
  }

  protected setStatus(status: PartStatus['status'], detail?: string): void {
    if (this.current.status === status && this.current.detail === detail) return;
    this.current = { id: this.id, kind: 'scanner', status, ...(detail ? { detail } : {}) };
    this.emit('status', this.current);
  }

  abstract close(): Promise<void>;
}

/** Stands in for a serial scanner: what `inject` is given arrives as the scanner's bytes. */
export class SimulatedScanner extends ByteScanner {
  inject(text: string, suffix = '\r\n'): void {
    this.injectBytes(new TextEncoder().encode(text + suffix));
  }

  injectBytes(bytes: Uint8Array): void {
    this.framer.push(bytes);
  }

  async close(): Promise<void> {
    this.framer.close();
  }
}
