/** How ticket bytes reach a printer; one implementation per connection kind. */
export interface PrinterTransport {
  readonly kind: 'tcp' | 'serial' | 'usb';
  /** Whether the printer can answer DLE EOT over this connection. */
  readonly bidirectional: boolean;
  write(data: Uint8Array): Promise<void>;
  /** Sends DLE EOT n; resolves with the status byte, or null when nothing came back in time. */
  query(n: 1 | 2 | 4, timeoutMs: number): Promise<number | null>;
  close(): Promise<void>;
}
