/**
 * A USB printer through the Linux usblp driver (/dev/usb/lp0), written as a file. usblp's read
 * side is unreliable across printers, so this transport is write-only: status is "ok" when the
 * device file opens and takes the bytes, "offline" when it is missing.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { PrinterTransport } from './transport.ts';

/** Never O_CREAT: a missing /dev/usb/lp0 must read as "offline", not become a regular file. */
const WRITE_FLAGS = constants.O_WRONLY | constants.O_APPEND;

export class UsbFileTransport implements PrinterTransport {
  readonly kind = 'usb';
  readonly bidirectional = false;

  constructor(private readonly path: string) {}

  async write(data: Uint8Array): Promise<void> {
    const fh = await open(this.path, WRITE_FLAGS);
    try {
      await fh.write(data);
    } finally {
      await fh.close();
    }
  }

  async query(): Promise<number | null> {
    try {
      const fh = await open(this.path, WRITE_FLAGS);
      await fh.close();
      return 0x12; // "online, no error": all the device file can tell us
    } catch {
      return null;
    }
  }

  async close(): Promise<void> {}
}
