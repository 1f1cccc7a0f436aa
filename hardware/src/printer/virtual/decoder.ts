/**
 * Reads the ESC/POS a printer receives and turns it back into what would come out on paper:
 * text lines in their code page, raster images, QR payloads, split into tickets at each cut.
 * Streaming: bytes may arrive in any chunks, a command cut in half waits for the rest.
 * Two firmware habits can be switched on, so a test sees what such a printer prints: tone marks
 * each in a cell of its own (the line is as wide as its bytes), and Chinese double-byte mode from
 * power-on until FS . (high bytes are then read in pairs as Hanzi: unreadable Vietnamese).
 */
import { decodeCp1258 } from '../cp1258.ts';
import { blank, blit, unpackRaster, type Bitmap } from '../bitmap.ts';
import { DEFAULT_CP1258_PAGE } from '../render.ts';

export type Align = 'left' | 'center' | 'right';

export type DecodedItem =
  /** `cells`: character cells the line takes at width 1 (`width` × `cells` must fit the paper's columns). */
  | { kind: 'text'; text: string; cells: number; align: Align; bold: boolean; width: number; height: number }
  | { kind: 'image'; bitmap: Bitmap; align: Align }
  | { kind: 'qr'; data: string; moduleSize: number };

export type DecodedTicket = { items: DecodedItem[] };

export type DecoderEvents = {
  ticket: (t: DecodedTicket) => void;
  /** DLE EOT n: the printer must answer at once, even in the middle of a job. */
  statusQuery: (n: number) => void;
};

export type DecoderOptions = {
  /** ESC t number this firmware has Windows-1258 at (default 52, Epson's). */
  cp1258Page?: number;
  /** Print each byte in a cell of its own, tone marks included, instead of over the letter. */
  marksInOwnCell?: boolean;
  /** Start (and restart at ESC @) in double-byte mode, as firmware for the Chinese market does. */
  doubleByteAtStart?: boolean;
};

const NEED_MORE = -1;
/** In `line`: one double-byte character, printed as a Hanzi no Vietnamese reader can read. */
const DOUBLE_BYTE = -1;
const TONE_MARK_BYTES = new Set([0xcc, 0xec, 0xd2, 0xde, 0xf2]);

export class EscPosDecoder {
  private buf = new Uint8Array(0);
  private items: DecodedItem[] = [];
  private line: number[] = [];
  private align: Align = 'left';
  private bold = false;
  private width = 1;
  private height = 1;
  private page = 0;
  private qrData = '';
  private qrModule = 3;
  private lastWasImage = false;
  private doubleByte: boolean;
  private readonly cp1258Page: number;

  constructor(
    private readonly on: DecoderEvents,
    private readonly opts: DecoderOptions = {},
  ) {
    this.cp1258Page = opts.cp1258Page ?? DEFAULT_CP1258_PAGE;
    this.doubleByte = opts.doubleByteAtStart ?? false;
  }

  push(chunk: Uint8Array): void {
    const merged = new Uint8Array(this.buf.length + chunk.length);
    merged.set(this.buf, 0);
    merged.set(chunk, this.buf.length);
    let i = 0;
    while (i < merged.length) {
      const used = this.step(merged, i);
      if (used === NEED_MORE) break;
      i += used;
    }
    this.buf = merged.slice(i);
  }

  private decodeByte(b: number): string {
    if (b === DOUBLE_BYTE) return '\uFFFD';
    if (b < 0x80) return String.fromCharCode(b);
    // Any other table: mark the byte as unreadable like a wrong code page would.
    return this.page === this.cp1258Page ? decodeCp1258(Uint8Array.of(b)) : '?';
  }

  /** The printed text and the cells it takes. */
  private decodeText(bytes: number[]): { text: string; cells: number } {
    const ownCell = this.opts.marksInOwnCell === true && this.page === this.cp1258Page;
    let text = '';
    let cells = 0;
    for (const b of bytes) {
      // A mark in its own cell stands over a blank (no-break space), not over its letter.
      if (ownCell && TONE_MARK_BYTES.has(b)) text += `\u00A0${this.decodeByte(b)}`;
      else text += this.decodeByte(b);
      cells += b === DOUBLE_BYTE ? 2 : 1;
    }
    if (ownCell) return { text, cells };
    const nfc = text.normalize('NFC');
    return { text: nfc, cells: [...nfc].length + bytes.filter((b) => b === DOUBLE_BYTE).length };
  }

  private flushLine(force: boolean): void {
    if (this.line.length === 0 && !force) return;
    const { text, cells } = this.decodeText(this.line);
    this.items.push({ kind: 'text', text, cells, align: this.align, bold: this.bold, width: this.width, height: this.height });
    this.line = [];
    this.lastWasImage = false;
  }

  private reset(): void {
    this.align = 'left';
    this.bold = false;
    this.width = 1;
    this.height = 1;
    this.page = 0;
    this.doubleByte = this.opts.doubleByteAtStart ?? false;
  }

  private cut(): void {
    this.flushLine(false);
    const t = { items: this.items };
    this.items = [];
    this.lastWasImage = false;
    this.on.ticket(t);
  }

  private addImage(b: Bitmap): void {
    this.flushLine(false);
    const prev = this.items[this.items.length - 1];
    // Consecutive GS v 0 bands of the same width are one picture on paper.
    if (this.lastWasImage && prev?.kind === 'image' && prev.bitmap.width === b.width) {
      const joined = blank(b.width, prev.bitmap.height + b.height);
      blit(joined, prev.bitmap, 0, 0);
      blit(joined, b, 0, prev.bitmap.height);
      prev.bitmap = joined;
    } else {
      this.items.push({ kind: 'image', bitmap: b, align: this.align });
    }
    this.lastWasImage = true;
  }

  /** Returns the bytes consumed at `i`, or NEED_MORE. */
  private step(b: Uint8Array, i: number): number {
    const c = b[i]!;
    const need = (n: number) => i + n <= b.length;
    if (c === 0x0a) {
      this.flushLine(true);
      return 1;
    }
    if (c === 0x0d) return 1;
    if (c === 0x10) {
      if (!need(3)) return NEED_MORE;
      if (b[i + 1] === 0x04) {
        this.on.statusQuery(b[i + 2]!);
        return 3;
      }
      return 1;
    }
    if (c === 0x1b) {
      if (!need(2)) return NEED_MORE;
      const f = b[i + 1]!;
      if (f === 0x40) {
        this.flushLine(false);
        this.reset();
        return 2;
      }
      if (!need(3)) return NEED_MORE;
      const n = b[i + 2]!;
      switch (f) {
        case 0x74:
          this.page = n;
          return 3;
        case 0x61:
          this.align = n === 1 || n === 49 ? 'center' : n === 2 || n === 50 ? 'right' : 'left';
          return 3;
        case 0x45:
          this.bold = (n & 1) === 1;
          return 3;
        case 0x64:
          this.flushLine(false);
          for (let k = 0; k < n; k++) this.flushLine(true);
          return 3;
        default:
          return 2;
      }
    }
    if (c === 0x1c) {
      if (!need(2)) return NEED_MORE;
      // FS . leaves double-byte mode, FS & enters it; other FS commands are not used here.
      if (b[i + 1] === 0x2e) this.doubleByte = false;
      else if (b[i + 1] === 0x26) this.doubleByte = true;
      return 2;
    }
    if (c === 0x1d) {
      if (!need(2)) return NEED_MORE;
      const f = b[i + 1]!;
      if (f === 0x21) {
        if (!need(3)) return NEED_MORE;
        this.width = ((b[i + 2]! >> 4) & 7) + 1;
        this.height = (b[i + 2]! & 7) + 1;
        return 3;
      }
      if (f === 0x56) {
        if (!need(3)) return NEED_MORE;
        const m = b[i + 2]!;
        const len = m === 65 || m === 66 || m === 97 || m === 98 ? 4 : 3;
        if (!need(len)) return NEED_MORE;
        this.cut();
        return len;
      }
      if (f === 0x76) {
        if (!need(8)) return NEED_MORE;
        const wb = b[i + 4]! | (b[i + 5]! << 8);
        const h = b[i + 6]! | (b[i + 7]! << 8);
        if (!need(8 + wb * h)) return NEED_MORE;
        this.addImage(unpackRaster(wb, h, b.subarray(i + 8, i + 8 + wb * h)));
        return 8 + wb * h;
      }
      if (f === 0x28) {
        if (!need(5)) return NEED_MORE;
        const len = b[i + 3]! | (b[i + 4]! << 8);
        if (!need(5 + len)) return NEED_MORE;
        if (b[i + 2] === 0x6b) this.qrCommand(b.subarray(i + 5, i + 5 + len));
        return 5 + len;
      }
      return 2;
    }
    if (this.doubleByte && c >= 0x80) {
      if (!need(2)) return NEED_MORE;
      this.line.push(DOUBLE_BYTE);
      return 2;
    }
    this.line.push(c);
    return 1;
  }

  private qrCommand(p: Uint8Array): void {
    if (p[0] !== 49) return;
    const fn = p[1];
    if (fn === 67) this.qrModule = p[2] ?? this.qrModule;
    else if (fn === 80) this.qrData = new TextDecoder().decode(p.subarray(3));
    else if (fn === 81) {
      this.flushLine(false);
      this.items.push({ kind: 'qr', data: this.qrData, moduleSize: this.qrModule });
      this.lastWasImage = false;
    }
  }
}

/** What a person would read on the ticket, one printed line per line. */
export function ticketText(t: DecodedTicket): string {
  return t.items
    .map((it) => (it.kind === 'text' ? it.text : it.kind === 'qr' ? `[QR] ${it.data}` : `[ảnh ${it.bitmap.width}×${it.bitmap.height}]`))
    .join('\n');
}
