/** Draws a decoded ticket the way a thermal printer would put it on paper. */
import QRCode from 'qrcode';
import { blank, blit, stack, type Bitmap } from '../bitmap.ts';
import { measureText, renderTextLine, wrapText } from '../font.ts';
import type { DecodedItem, DecodedTicket } from './decoder.ts';

/** Font A on the printer: 12 × 24 dots per character at size 1. */
const BASE_SIZE = 22;

function qrBitmap(data: string, moduleSize: number): Bitmap {
  const q = QRCode.create(data, { errorCorrectionLevel: 'M' });
  const n = q.modules.size;
  const quiet = 4;
  const side = (n + quiet * 2) * moduleSize;
  const b = blank(side, side);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!q.modules.get(y, x)) continue;
      for (let dy = 0; dy < moduleSize; dy++) {
        const row = (y + quiet) * moduleSize + dy;
        b.data.fill(1, row * side + (x + quiet) * moduleSize, row * side + (x + quiet + 1) * moduleSize);
      }
    }
  }
  return b;
}

function textBitmap(it: Extract<DecodedItem, { kind: 'text' }>, width: number): Bitmap {
  const size = BASE_SIZE * it.height;
  const weight = it.bold ? 'bold' : 'regular';
  const lines = wrapText(it.text, width, (s) => measureText(s, size, weight));
  const align = it.align === 'left' ? 'left' : 'center';
  return stack(width, lines.map((l) => ({ bitmap: renderTextLine(l === '' ? ' ' : l, size, weight, width, align), x: 0 })));
}

function itemBitmap(it: DecodedItem, width: number): { bitmap: Bitmap; x: number } {
  if (it.kind === 'text') return { bitmap: textBitmap(it, width), x: 0 };
  const bitmap = it.kind === 'qr' ? qrBitmap(it.data, it.moduleSize) : it.bitmap;
  const x = it.kind === 'image' && it.align === 'left' ? 0 : Math.max(0, Math.floor((width - bitmap.width) / 2));
  return { bitmap, x };
}

export function renderPage(t: DecodedTicket, width: number): Bitmap {
  const parts = t.items.map((it) => itemBitmap(it, width));
  const page = stack(width, parts);
  const margin = 16;
  const out = blank(width, page.height + margin * 2);
  blit(out, page, 0, margin);
  return out;
}
