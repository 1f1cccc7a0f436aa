/** A contactless chip reader as the agent sees it: a card arrives as an APDU transport, health as a part status. */
import type { EventEmitter } from 'node:events';
import type { PartStatus } from '../device.ts';
import type { ApduTransport } from './apdu.ts';

export type ChipReaderEvents = { card: [ApduTransport]; removed: []; status: [PartStatus] };

export interface ChipReader extends EventEmitter<ChipReaderEvents> {
  readonly id: string;
  status(): PartStatus;
  close(): Promise<void>;
}

/**
 * The chip reader reports as a `scanner` part (it reads the identity card, like the QR scanner):
 * the queue-server's health API knows four part kinds and refuses others. A reader that cannot
 * read is at worst a `warning`: the kiosk still works with the QR/MRZ scanner.
 */
export function chipPart(id: string, status: PartStatus['status'], detail?: string): PartStatus {
  return { id, kind: 'scanner', status, ...(detail ? { detail } : {}) };
}

/** What a chip reader pulled out of the kiosk says, the PC/SC reader and the simulated one alike. */
export const CHIP_READER_UNPLUGGED = 'đầu đọc thẻ chip đã bị rút / chip reader unplugged';
