/** A 1-bit image as thermal printers see it: 1 = a burnt (black) dot. */
import { PNG } from 'pngjs';

export type Bitmap = { width: number; height: number; data: Uint8Array };

export function blank(width: number, height: number): Bitmap {
  return { width, height, data: new Uint8Array(width * height) };
}

/** Draw `src` onto `dst` at (x, y), clipping at the edges; black dots win. */
export function blit(dst: Bitmap, src: Bitmap, x: number, y: number): void {
  for (let sy = 0; sy < src.height; sy++) {
    const dy = y + sy;
    if (dy < 0 || dy >= dst.height) continue;
    for (let sx = 0; sx < src.width; sx++) {
      const dx = x + sx;
      if (dx < 0 || dx >= dst.width) continue;
      if (src.data[sy * src.width + sx]) dst.data[dy * dst.width + dx] = 1;
    }
  }
}

export function stack(width: number, parts: { bitmap: Bitmap; x: number }[], gap = 0): Bitmap {
  const height = parts.reduce((h, p) => h + p.bitmap.height + gap, 0);
  const out = blank(width, Math.max(1, height));
  let y = 0;
  for (const p of parts) {
    blit(out, p.bitmap, p.x, y);
    y += p.bitmap.height + gap;
  }
  return out;
}

/** Pack into GS v 0 raster rows (MSB is the leftmost dot). */
export function packRaster(b: Bitmap): { widthBytes: number; data: Uint8Array } {
  const widthBytes = Math.ceil(b.width / 8);
  const data = new Uint8Array(widthBytes * b.height);
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) {
      if (b.data[y * b.width + x]) data[y * widthBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { widthBytes, data };
}

export function unpackRaster(widthBytes: number, height: number, data: Uint8Array): Bitmap {
  const b = blank(widthBytes * 8, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < b.width; x++) {
      if ((data[y * widthBytes + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) b.data[y * b.width + x] = 1;
    }
  }
  return b;
}

export function toPng(b: Bitmap): Buffer {
  const png = new PNG({ width: b.width, height: b.height, colorType: 0, inputHasAlpha: false });
  const rgba = png.data;
  for (let i = 0; i < b.width * b.height; i++) {
    const v = b.data[i] ? 0 : 255;
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png, { colorType: 0 });
}

export function fromPng(buf: Buffer): Bitmap {
  const png = PNG.sync.read(buf);
  const b = blank(png.width, png.height);
  for (let i = 0; i < png.width * png.height; i++) b.data[i] = png.data[i * 4]! < 128 ? 1 : 0;
  return b;
}

export function bitmapsEqual(a: Bitmap, b: Bitmap): boolean {
  if (a.width !== b.width || a.height !== b.height) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}
