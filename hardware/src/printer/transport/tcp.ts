/** Network printers: raw TCP on port 9100 (JetDirect / "RAW"), bidirectional. */
import { connect } from 'node:net';
import type { PrinterTransport } from './transport.ts';
import { StreamConnection } from './stream.ts';

export function parseHostPort(address: string, defaultPort = 9100): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(address.trim());
  if (!m) throw new Error(`invalid printer address "${address}"`);
  return { host: m[1]!, port: m[2] ? Number(m[2]) : defaultPort };
}

export class TcpTransport implements PrinterTransport {
  readonly kind = 'tcp';
  readonly bidirectional = true;
  private readonly conn: StreamConnection;

  constructor(address: string, connectTimeoutMs = 3000) {
    const { host, port } = parseHostPort(address);
    this.conn = new StreamConnection(
      () =>
        new Promise((resolve, reject) => {
          const s = connect({ host, port });
          s.setNoDelay(true);
          const timer = setTimeout(() => {
            s.destroy();
            reject(new Error(`printer ${host}:${port} did not answer`));
          }, connectTimeoutMs);
          s.once('connect', () => {
            clearTimeout(timer);
            resolve(s);
          });
          s.once('error', (e) => {
            clearTimeout(timer);
            reject(e);
          });
        }),
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
