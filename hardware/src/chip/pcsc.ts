/**
 * The PC/SC transport: any CCID contactless reader through pcscd, with the `pcsclite` package
 * (native, built from source against Debian's libpcsclite-dev). pcsclite is loaded only when a
 * real chip reader is configured, and only once: without the library or without pcscd the agent
 * logs one clear warning and runs on. A chip reader that cannot read (no library, no pcscd, no
 * reader, unplugged) is a `warning` part, never `offline`: the kiosk still takes the card's QR and
 * MRZ through its scanner, so the managers should see it without the kiosk looking dead.
 */
import { EventEmitter } from 'node:events';
import type { PartStatus } from '../device.ts';
import type { ApduTransport } from './apdu.ts';
import { CHIP_READER_UNPLUGGED, chipPart, type ChipReader, type ChipReaderEvents } from './device.ts';

type PcscReader = EventEmitter & {
  name: string;
  state: number;
  SCARD_STATE_PRESENT: number;
  SCARD_SHARE_SHARED: number;
  SCARD_LEAVE_CARD: number;
  connect(opts: { share_mode?: number }, cb: (err: unknown, protocol: number) => void): void;
  disconnect(disposition: number, cb: (err: unknown) => void): void;
  transmit(data: Buffer, resLen: number, protocol: number, cb: (err: unknown, res: Buffer) => void): void;
  close(): void;
};
type Pcsc = EventEmitter & { close(): void };
export type PcscModule = () => Pcsc;

export const PCSC_WARNING =
  'Không dùng được PC/SC (thiếu pcscd hoặc libpcsclite?): không đọc được chip thẻ căn cước / ' +
  'PC/SC is not available (pcscd or libpcsclite missing?): the ID card chip cannot be read';

let loading: Promise<PcscModule | null> | null = null;
/** pcscd missing is said once per process, however many readers are configured. */
let warned = false;

export function loadPcsclite(warn: (message: string) => void, importer: () => Promise<unknown> = () => import('pcsclite')): Promise<PcscModule | null> {
  loading ??= importer().then(
    (m) => ((m as { default?: PcscModule }).default ?? (m as PcscModule)),
    (e: unknown) => {
      warn(`${PCSC_WARNING} (${e instanceof Error ? e.message : String(e)})`);
      return null;
    },
  );
  return loading;
}

/** Tests only: forget the cached outcome. */
export function resetPcscLoader(): void {
  loading = null;
  warned = false;
}

/** One connected card: transmit(apdu) → response, over the reader's negotiated protocol. */
export class PcscTransport implements ApduTransport {
  constructor(
    private readonly reader: PcscReader,
    private readonly protocol: number,
  ) {}

  transmit(apdu: Uint8Array): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.reader.transmit(Buffer.from(apdu), 258, this.protocol, (err, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)));
    });
  }
}

export type PcscChipReaderOptions = {
  /** only readers whose name contains this (default: the first reader) */
  readerName?: string;
  warn: (message: string) => void;
  loader?: () => Promise<PcscModule | null>;
};

export class PcscChipReader extends EventEmitter<ChipReaderEvents> implements ChipReader {
  private current: PartStatus;
  private pcsc: Pcsc | null = null;

  constructor(
    readonly id: string,
    private readonly opts: PcscChipReaderOptions,
  ) {
    super();
    this.current = chipPart(id, 'warning', 'đang khởi động / starting');
  }

  status(): PartStatus {
    return this.current;
  }

  private set(status: PartStatus['status'], detail: string): void {
    if (this.current.status === status && this.current.detail === detail) return;
    this.current = chipPart(this.id, status, detail);
    this.emit('status', this.current);
  }

  private warnOnce(message: string): void {
    if (warned) return;
    warned = true;
    this.opts.warn(message);
  }

  async start(): Promise<void> {
    const mod = await (this.opts.loader ?? (() => loadPcsclite(this.opts.warn)))();
    if (!mod) return this.set('warning', 'thiếu thư viện PC/SC / PC/SC library missing');
    try {
      this.pcsc = mod();
    } catch (e) {
      // pcscd not running: SCardEstablishContext fails at once.
      this.warnOnce(`${PCSC_WARNING} (${e instanceof Error ? e.message : String(e)})`);
      return this.set('warning', 'không có dịch vụ pcscd / pcscd not running');
    }
    this.set('warning', 'chưa thấy đầu đọc thẻ chip / no chip reader found');
    this.pcsc.on('error', (e: unknown) => {
      this.warnOnce(`${PCSC_WARNING} (${e instanceof Error ? e.message : String(e)})`);
      this.set('warning', 'lỗi PC/SC / PC/SC error');
    });
    this.pcsc.on('reader', (reader: PcscReader) => {
      if (this.opts.readerName && !reader.name.includes(this.opts.readerName)) return;
      this.set('ok', reader.name);
      reader.on('error', () => this.set('warning', `${reader.name}: lỗi đầu đọc / reader error`));
      reader.on('end', () => this.set('warning', CHIP_READER_UNPLUGGED));
      reader.on('status', (s: { state: number }) => {
        const changes = reader.state ^ s.state;
        if (!(changes & reader.SCARD_STATE_PRESENT)) return;
        if (s.state & reader.SCARD_STATE_PRESENT) {
          reader.connect({ share_mode: reader.SCARD_SHARE_SHARED }, (err, protocol) => {
            if (err) return this.set('warning', `${reader.name}: không kết nối được thẻ / could not connect to the card`);
            this.emit('card', new PcscTransport(reader, protocol));
          });
        } else {
          reader.disconnect(reader.SCARD_LEAVE_CARD, () => {});
          this.emit('removed');
        }
      });
    });
  }

  async close(): Promise<void> {
    this.pcsc?.close();
    this.pcsc = null;
  }
}
