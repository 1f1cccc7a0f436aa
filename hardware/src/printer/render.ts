/**
 * ESC/POS bytes for a ticket, in either text mode:
 * - `cp1258`: text as Windows-1258 bytes after ESC t <codePage> (fast, crisp, needs the code page);
 * - `raster`: every run of text drawn as a GS v 0 image (works on any printer).
 * The QR code is always the printer's own (GS ( k), so it stays sharp and scannable.
 */
import { encodeCp1258 } from './cp1258.ts';
import type { RenderOptions } from './models.ts';
import * as cmd from './escpos.ts';
import { packRaster, stack, type Bitmap } from './bitmap.ts';
import { measureText, renderTextLine, wrapText, type FontWeight } from './font.ts';
import { bookingLayout, PAPER, ticketLayout, type LayoutBlock, type PaperWidth, type PrintableBooking, type PrintableTicket, type TextStyle } from './ticket.ts';

export type { RenderOptions, TextMode } from './models.ts';

export const DEFAULT_CP1258_PAGE = 52;

/** Rows per GS v 0 command: small bands keep within the input buffer of cheap printers. */
const BAND_ROWS = 240;

const CP_STYLE: Record<TextStyle, { w: number; h: number; bold: boolean }> = {
  normal: { w: 1, h: 1, bold: false },
  bold: { w: 1, h: 1, bold: true },
  large: { w: 2, h: 2, bold: true },
  huge: { w: 4, h: 4, bold: true },
};

function rasterStyle(style: TextStyle, paper: PaperWidth): { size: number; weight: FontWeight } {
  switch (style) {
    case 'normal':
      return { size: paper === 58 ? 20 : 24, weight: 'regular' };
    case 'bold':
      return { size: paper === 58 ? 22 : 26, weight: 'bold' };
    case 'large':
      return { size: paper === 58 ? 28 : 34, weight: 'bold' };
    case 'huge':
      return { size: paper === 58 ? 80 : 110, weight: 'bold' };
  }
}

function qrModuleSize(paper: PaperWidth): number {
  return paper === 58 ? 6 : 8;
}

/** Consecutive text and feed blocks, drawn as one image per run. */
export type RasterPart = { kind: 'image'; bitmap: Bitmap } | { kind: 'qr'; data: string };

export function rasterParts(blocks: LayoutBlock[], paper: PaperWidth): RasterPart[] {
  const width = PAPER[paper].dots;
  const parts: RasterPart[] = [];
  let run: Bitmap[] = [];
  const flush = () => {
    if (run.length) parts.push({ kind: 'image', bitmap: stack(width, run.map((bitmap) => ({ bitmap, x: 0 }))) });
    run = [];
  };
  for (const b of blocks) {
    if (b.kind === 'qr') {
      flush();
      parts.push({ kind: 'qr', data: b.data });
    } else if (b.kind === 'feed') {
      const h = rasterStyle('normal', paper).size;
      for (let i = 0; i < b.lines; i++) run.push({ width, height: h, data: new Uint8Array(width * h) });
    } else {
      const { size, weight } = rasterStyle(b.style, paper);
      for (const line of wrapText(b.text, width, (s) => measureText(s, size, weight))) {
        run.push(renderTextLine(line, size, weight, width, b.align));
      }
    }
  }
  flush();
  return parts;
}

function encodeImage(bitmap: Bitmap, out: number[]): void {
  for (let y = 0; y < bitmap.height; y += BAND_ROWS) {
    const h = Math.min(BAND_ROWS, bitmap.height - y);
    const band = { width: bitmap.width, height: h, data: bitmap.data.subarray(y * bitmap.width, (y + h) * bitmap.width) };
    const { widthBytes, data } = packRaster(band);
    out.push(...cmd.raster(widthBytes, h, data));
  }
}

function encodeQr(data: string, paper: PaperWidth, out: number[]): void {
  out.push(...cmd.align('center'), ...cmd.qr(new TextEncoder().encode(data), qrModuleSize(paper)), cmd.LF);
}

function encodeTextBlocks(blocks: LayoutBlock[], opts: RenderOptions, out: number[]): void {
  const columns = PAPER[opts.paperWidth].columns;
  out.push(...cmd.codePage(opts.codePage ?? DEFAULT_CP1258_PAGE));
  // A firmware that prints each tone mark in a cell of its own makes a line as wide as its bytes.
  const cells = opts.marksInOwnCell ? (s: string) => encodeCp1258(s).length : (s: string) => [...s].length;
  for (const b of blocks) {
    if (b.kind === 'feed') {
      for (let i = 0; i < b.lines; i++) out.push(cmd.LF);
    } else if (b.kind === 'qr') {
      encodeQr(b.data, opts.paperWidth, out);
    } else {
      const st = CP_STYLE[b.style];
      out.push(...cmd.align(b.align), ...cmd.bold(st.bold), ...cmd.charSize(st.w, st.h));
      for (const line of wrapText(b.text, Math.floor(columns / st.w), cells)) {
        out.push(...encodeCp1258(line), cmd.LF);
      }
      out.push(...cmd.bold(false), ...cmd.charSize(1, 1));
    }
  }
}

export function encodeBlocks(blocks: LayoutBlock[], opts: RenderOptions): Uint8Array {
  const out: number[] = [...cmd.init(), ...(opts.preamble ?? [])];
  if (opts.textMode === 'cp1258') encodeTextBlocks(blocks, opts, out);
  else {
    for (const p of rasterParts(blocks, opts.paperWidth)) {
      if (p.kind === 'qr') encodeQr(p.data, opts.paperWidth, out);
      else {
        out.push(...cmd.align('left'));
        encodeImage(p.bitmap, out);
      }
    }
  }
  out.push(...cmd.feed(3), ...cmd.cut());
  return Uint8Array.from(out);
}

export function renderTicket(ticket: PrintableTicket, opts: RenderOptions): Uint8Array {
  return encodeBlocks(ticketLayout(ticket), opts);
}

export function renderBooking(booking: PrintableBooking, opts: RenderOptions): Uint8Array {
  return encodeBlocks(bookingLayout(booking), opts);
}
