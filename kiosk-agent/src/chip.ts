/**
 * The CCCD chip at the kiosk: when a card is laid on a chip reader, reads it (BAC, DG1, DG13,
 * passive authentication) and tells the kiosk in the very shape a CCCD QR scan has — source
 * `chip`, `raw` in the QR's format (so the server keeps the full number only as its keyed hash,
 * as for a QR), the same summary for the elderly priority — or one typed error the kiosk explains.
 *
 * The access key comes from the card's MRZ: the last MRZ scanned at this kiosk (within
 * `keyTtlMs`), or typed by an official (`useKey`). A key serves one read (a torn read may be retried). Nothing read from the
 * chip is logged: only "read" or the error's code and status word.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import {
  ChipError,
  ageOn,
  bacInputFromMrz,
  readChip,
  vietnamToday,
  type ApduTransport,
  type BacInput,
  type ChipRead,
  type ChipReader,
  type PartStatus,
  type ScanEvent,
  type Scanner,
  type ScannerEvents,
} from '@mot-cua/hardware';
import type { Logger } from './queue-client.ts';

export const NO_KEY = {
  code: 'no_key',
  message: 'Xin quét dòng chữ ở mặt sau thẻ (MRZ) trước, rồi đặt lại thẻ lên đầu đọc / Scan the lines on the back of the card (MRZ) first, then place the card on the reader again',
};

export type ChipServiceOptions = {
  logger: Logger;
  /** CSCA certificates (PEM) the signer must chain to; none: "hashes match, signer not verified" */
  csca?: X509Certificate[];
  keyTtlMs?: number;
  now?: () => Date;
};

/** Every certificate in a PEM file (a CSCA master list exported as PEM holds several). */
export function loadCsca(path: string): X509Certificate[] {
  const pem = readFileSync(path, 'utf8');
  return (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((c) => new X509Certificate(c));
}

const dmyToIso = (dmy: string): string | null => {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(dmy.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
};

/** The chip's fields as the kiosk's scan event carries them. */
export function chipScanEvent(read: ChipRead, today: Date): ScanEvent {
  const d = read.dg13;
  const iso = dmyToIso(d.dateOfBirth);
  if (!iso) return { type: 'scan', source: 'chip', raw: '', cccd: null, error: { code: 'tampered', message: 'Ngày sinh trong chip không đọc được / The date of birth on the chip is unreadable' } };
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  const gender = d.gender === 'Nữ' ? 'Nữ' : 'Nam';
  const compact = (s: string) => s.replace(/\//g, '');
  // The CCCD QR's layout: number|old number|name|ddmmyyyy|gender|residence|issue ddmmyyyy.
  const raw = [d.idNumber, d.oldIdNumber, d.fullName, compact(d.dateOfBirth), gender, d.placeOfResidence, compact(d.dateOfIssue)].map((f) => f.replace(/\|/g, ' ')).join('|');
  return {
    type: 'scan',
    source: 'chip',
    raw,
    cccd: { fullName: d.fullName, age: ageOn({ y, m, d: day }, vietnamToday(today)), dateOfBirth: iso, gender, idLast4: d.idNumber.slice(-4) },
    error: null,
  };
}

/** One chip reader as the kiosk sees it: a scanner whose scans are chip reads. */
export class ChipService extends EventEmitter<ScannerEvents> implements Scanner {
  private key: { bac: BacInput; mrz: string | null; at: number } | null = null;
  private reading = false;

  constructor(
    private readonly reader: ChipReader,
    private readonly opts: ChipServiceOptions,
  ) {
    super();
    reader.on('status', (p) => this.emit('status', p));
    reader.on('card', (t) => void this.read(t));
  }

  get id(): string {
    return this.reader.id;
  }

  status(): PartStatus {
    return this.reader.status();
  }

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  /** An MRZ scanned at this kiosk gives the key for the next card laid on the reader. */
  useMrz(mrz: string): void {
    try {
      this.key = { bac: bacInputFromMrz(mrz), mrz, at: this.now().getTime() };
    } catch {
      // not a TD1 MRZ: no key
    }
  }

  /** The three fields typed by an official from the card. */
  useKey(bac: BacInput): void {
    this.key = { bac, mrz: null, at: this.now().getTime() };
  }

  async read(transport: ApduTransport): Promise<ScanEvent> {
    const key = this.key && this.now().getTime() - this.key.at <= (this.opts.keyTtlMs ?? 120_000) ? this.key : null;
    let event: ScanEvent;
    if (!key) event = { type: 'scan', source: 'chip', raw: '', cccd: null, error: NO_KEY };
    else if (this.reading) return { type: 'scan', source: 'chip', raw: '', cccd: null, error: { code: 'busy', message: 'Đang đọc thẻ / Reading the card' } };
    else {
      this.reading = true;
      try {
        const read = await readChip(transport, key.bac, { csca: this.opts.csca ?? [], ...(key.mrz ? { expectedMrz: key.mrz } : {}) });
        this.key = null;
        event = chipScanEvent(read, this.now());
        this.opts.logger.info(`chip ${this.id}: read (${read.passive.summary})`);
      } catch (e) {
        if (!(e instanceof ChipError)) throw e;
        // a torn read is tried again with the same key when the card is laid again; anything else needs a new key
        if (e.code !== 'torn_read') this.key = null;
        this.opts.logger.warn(`chip ${this.id}: ${e.code}${e.detail ? ` (${e.detail.replace(/[^\w :@/.-]/g, '')})` : ''}`);
        event = { type: 'scan', source: 'chip', raw: '', cccd: null, error: { code: e.code, message: `${e.messageVi} / ${e.messageEn}` } };
      } finally {
        this.reading = false;
      }
    }
    this.emit('scan', event);
    return event;
  }

  async close(): Promise<void> {
    await this.reader.close();
  }
}
