/** A scanner in serial (virtual COM) mode, reopened every few seconds while it is unplugged. */
import { SerialPort } from 'serialport';
import { ByteScanner } from './scanner.ts';
import type { FramerOptions } from './framer.ts';

export type SerialScannerOptions = { path: string; baudRate?: number; retryMs?: number; framing?: FramerOptions };

export class SerialScanner extends ByteScanner {
  private port: SerialPort | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    id: string,
    private readonly opts: SerialScannerOptions,
  ) {
    super(id, opts.framing);
    this.current = { id, kind: 'scanner', status: 'offline', detail: 'chưa mở cổng / port not open yet' };
  }

  /** Resolves once the first attempt to open the port is over, whatever its outcome. */
  start(): Promise<void> {
    return new Promise((resolve) => {
      const port = new SerialPort({ path: this.opts.path, baudRate: this.opts.baudRate ?? 9600, autoOpen: false });
      port.open((err) => {
        if (err || this.closed) {
          this.setStatus('offline', `${this.opts.path}: ${err?.message ?? 'closed'}`);
          if (!this.closed) this.retry = setTimeout(() => void this.start(), this.opts.retryMs ?? 5000);
          port.close(() => {});
          return resolve();
        }
        this.port = port;
        this.setStatus('ok');
        port.on('data', (chunk: Buffer) => this.framer.push(chunk));
        port.on('close', () => {
          this.port = null;
          if (this.closed) return;
          this.setStatus('offline', `${this.opts.path}: ngắt kết nối / disconnected`);
          this.retry = setTimeout(() => void this.start(), this.opts.retryMs ?? 5000);
        });
        port.on('error', () => port.destroy());
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.framer.close();
    const p = this.port;
    this.port = null;
    if (p?.isOpen) await new Promise<void>((r) => p.close(() => r()));
  }
}
