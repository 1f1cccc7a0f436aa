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
 * the queue-server's health API knows four part kinds and refuses others.
 */
export function chipPart(id: string, status: PartStatus['status'], detail?: string): PartStatus {
  return { id, kind: 'scanner', status, ...(detail ? { detail } : {}) };
}
