/** Printers on an RS-232 or USB-serial port (node-serialport), bidirectional. */
import { SerialPort } from 'serialport';
import type { PrinterTransport } from './transport.ts';
import { StreamConnection } from './stream.ts';

export class SerialTransport implements PrinterTransport {
  readonly kind = 'serial';
  readonly bidirectional = true;
  private readonly conn: StreamConnection;

  constructor(path: string, baudRate = 9600) {
    this.conn = new StreamConnection(
      () =>
        new Promise((resolve, reject) => {
          const port = new SerialPort({ path, baudRate, autoOpen: false });
          port.open((err) => (err ? reject(err) : resolve(port)));
        }),
      false,
    );
  }

  write(data: Uint8Array): Promise<void> {
    return this.conn.write(data);
  }
  query(n: 1 | 2 | 4, timeoutMs: number): Promise<number | null> {
    return this.conn.query(n, timeoutMs);
  }
  close(): Promise<void> {
    return this.conn.close();
  }
}
