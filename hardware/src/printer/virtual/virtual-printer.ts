/**
 * A printer that is not there: listens on TCP (like port 9100) and/or reads a serial port
 * (one end of a pty pair), decodes what it receives and writes each ticket as PNG and text
 * under `<dataDir>/printed/`. It answers DLE EOT like a real printer and can be put in the
 * paper-out, cover-open or offline state; offline drops every connection and answers nothing.
 */
import { EventEmitter } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { SerialPort } from 'serialport';
import { toPng } from '../bitmap.ts';
import { statusBytes, type PrinterState } from '../status.ts';
import { PAPER, type PaperWidth } from '../ticket.ts';
import { EscPosDecoder, ticketText, type DecodedTicket, type DecoderOptions } from './decoder.ts';
import { renderPage } from './page.ts';

export type PrintedTicket = {
  seq: number;
  at: string;
  text: string;
  qr: string[];
  pngPath: string;
  txtPath: string;
  decoded: DecodedTicket;
};

/** `cp1258Page`, `marksInOwnCell`, `doubleByteAtStart`: the firmware this printer behaves like. */
export type VirtualPrinterOptions = DecoderOptions & {
  dataDir: string;
  paperWidth?: PaperWidth;
};

export class VirtualPrinter extends EventEmitter<{ printed: [PrintedTicket]; state: [PrinterState] }> {
  private _state: PrinterState = 'ok';
  private server: Server | null = null;
  private readonly streams = new Set<Duplex>();
  private serial: SerialPort | null = null;
  private seq = 0;
  private writing: Promise<void> = Promise.resolve();
  readonly printed: PrintedTicket[] = [];

  constructor(private readonly opts: VirtualPrinterOptions) {
    super();
  }

  get state(): PrinterState {
    return this._state;
  }

  setState(s: PrinterState): void {
    this._state = s;
    if (s === 'offline') for (const st of this.streams) if (st !== this.serial) st.destroy();
    this.emit('state', s);
  }

  get outputDir(): string {
    return join(this.opts.dataDir, 'printed');
  }

  private attach(stream: Duplex): void {
    this.streams.add(stream);
    const decoder = new EscPosDecoder(
      {
        statusQuery: (n) => {
          if (this._state !== 'offline') stream.write(Uint8Array.of(statusBytes(this._state, n)));
        },
        ticket: (t) => {
          // A stopped printer does not print; what it was sent is lost, as on paper.
          if (this._state === 'ok') this.writing = this.writing.then(() => this.save(t));
        },
      },
      this.opts,
    );
    stream.on('data', (chunk: Buffer) => {
      if (this._state !== 'offline') decoder.push(chunk);
    });
    stream.on('error', () => stream.destroy());
    stream.on('close', () => this.streams.delete(stream));
  }

  /** Listens on 127.0.0.1; port 0 picks a free one. */
  async listenTcp(port = 0, host = '127.0.0.1'): Promise<{ host: string; port: number }> {
    const server = createServer((sock: Socket) => {
      if (this._state === 'offline') {
        sock.destroy();
        return;
      }
      this.attach(sock);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    server.on('error', () => {}); // after listening, a failed accept must not bring the process down
    const addr = server.address();
    if (addr === null || typeof addr === 'string') throw new Error('virtual printer: no TCP address');
    return { host, port: addr.port };
  }

  /** Reads and answers on a serial device, e.g. one end of `socat pty,raw,echo=0 pty,raw,echo=0`. */
  async openSerial(path: string, baudRate = 9600): Promise<void> {
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    this.serial = port;
    this.attach(port);
  }

  private async save(t: DecodedTicket): Promise<void> {
    const seq = ++this.seq;
    const at = new Date().toISOString();
    const base = `${at.replace(/[:.]/g, '-')}-${String(seq).padStart(4, '0')}`;
    await mkdir(this.outputDir, { recursive: true });
    const pngPath = join(this.outputDir, `${base}.png`);
    const txtPath = join(this.outputDir, `${base}.txt`);
    const text = ticketText(t);
    await writeFile(pngPath, toPng(renderPage(t, PAPER[this.opts.paperWidth ?? 80].dots)));
    await writeFile(txtPath, text + '\n', 'utf8');
    const qr = t.items.flatMap((i) => (i.kind === 'qr' ? [i.data] : []));
    const p: PrintedTicket = { seq, at, text, qr, pngPath, txtPath, decoded: t };
    this.printed.push(p);
    this.emit('printed', p);
  }

  /** Resolves once every ticket received so far is on disk. */
  async idle(): Promise<void> {
    await this.writing;
  }

  async close(): Promise<void> {
    for (const s of this.streams) s.destroy();
    this.streams.clear();
    if (this.serial?.isOpen) await new Promise<void>((r) => this.serial!.close(() => r()));
    this.serial = null;
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((r) => server.close(() => r()));
    await this.writing;
  }
}
