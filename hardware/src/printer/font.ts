// Typings travel with this file so every package that type-checks it finds them.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../types/opentype.d.ts" />
/**
 * Draws text into 1-bit bitmaps for printers without code page 1258. Glyph outlines come from
 * DejaVu Sans (installed by the project as an npm package, so a fresh CI machine has it too);
 * the rasterizer is ours so the output is identical on every machine and testable bit for bit.
 * Glyphs are laid out one by one without OpenType shaping: Vietnamese is fully precomposed in
 * NFC and DejaVu has every precomposed letter.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse, type Font, type PathCommand } from 'opentype.js/dist/opentype.mjs';
import { blank, type Bitmap } from './bitmap.ts';

export type FontWeight = 'regular' | 'bold';

const fonts = new Map<FontWeight, Font>();

function fontFile(weight: FontWeight): string {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return join(dir, weight === 'bold' ? 'DejaVuSans-Bold.ttf' : 'DejaVuSans.ttf');
}

export function loadFont(weight: FontWeight): Font {
  let f = fonts.get(weight);
  if (!f) {
    const b = readFileSync(fontFile(weight));
    f = parse(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
    fonts.set(weight, f);
  }
  return f;
}

export function measureText(text: string, size: number, weight: FontWeight): number {
  let w = 0;
  for (const ch of text.normalize('NFC')) w += glyphShape(ch, size, weight).advance;
  return Math.ceil(w);
}

/** Greedy word wrap; a single word wider than the line is cut by characters. */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    let rest = word;
    while (measure(rest) > maxWidth && [...rest].length > 1) {
      const chars = [...rest];
      let n = chars.length - 1;
      while (n > 1 && measure(chars.slice(0, n).join('')) > maxWidth) n--;
      lines.push(chars.slice(0, n).join(''));
      rest = chars.slice(n).join('');
    }
    line = rest;
  }
  if (line !== '') lines.push(line);
  return lines.length ? lines : [''];
}

type Edge = { x0: number; y0: number; x1: number; y1: number; dir: 1 | -1 };

function flatten(commands: PathCommand[], edges: Edge[]): void {
  let sx = 0;
  let sy = 0;
  let cx = 0;
  let cy = 0;
  const line = (x: number, y: number) => {
    if (y !== cy) {
      edges.push(cy < y ? { x0: cx, y0: cy, x1: x, y1: y, dir: 1 } : { x0: x, y0: y, x1: cx, y1: cy, dir: -1 });
    }
    cx = x;
    cy = y;
  };
  for (const c of commands) {
    if (c.type === 'M') {
      sx = cx = c.x;
      sy = cy = c.y;
    } else if (c.type === 'L') line(c.x, c.y);
    else if (c.type === 'Q') {
      const [ax, ay] = [cx, cy];
      for (let i = 1; i <= 8; i++) {
        const t = i / 8;
        const u = 1 - t;
        line(u * u * ax + 2 * u * t * c.x1 + t * t * c.x, u * u * ay + 2 * u * t * c.y1 + t * t * c.y);
      }
    } else if (c.type === 'C') {
      const [ax, ay] = [cx, cy];
      for (let i = 1; i <= 12; i++) {
        const t = i / 12;
        const u = 1 - t;
        line(
          u * u * u * ax + 3 * u * u * t * c.x1 + 3 * u * t * t * c.x2 + t * t * t * c.x,
          u * u * u * ay + 3 * u * u * t * c.y1 + 3 * u * t * t * c.y2 + t * t * t * c.y,
        );
      }
    } else line(sx, sy);
  }
}

const SUBROWS = 4;

/**
 * Non-zero fill with 4 sub-rows and exact horizontal coverage; a dot is black at ≥ 50 %.
 * Edges enter an active list as the scan line reaches them and leave once it passes them.
 */
function fill(edges: Edge[], width: number, height: number): Bitmap {
  const out = blank(width, height);
  const cover = new Float32Array(width + 1);
  const xs: number[] = [];
  const dirs: number[] = [];
  const active: Edge[] = [];
  edges.sort((a, b) => a.y0 - b.y0);
  let next = 0;
  for (let y = 0; y < height; y++) {
    cover.fill(0);
    for (let s = 0; s < SUBROWS; s++) {
      const sy = y + (s + 0.5) / SUBROWS;
      while (next < edges.length && edges[next]!.y0 <= sy) active.push(edges[next++]!);
      let k = 0;
      for (const e of active) if (e.y1 > sy) active[k++] = e;
      active.length = k;
      xs.length = 0;
      dirs.length = 0;
      for (const e of active) {
        const x = e.x0 + ((sy - e.y0) / (e.y1 - e.y0)) * (e.x1 - e.x0);
        // insertion sort: a scan line crosses few edges
        let i = xs.length;
        xs.push(x);
        dirs.push(e.dir);
        while (i > 0 && xs[i - 1]! > x) {
          xs[i] = xs[i - 1]!;
          dirs[i] = dirs[i - 1]!;
          i--;
        }
        xs[i] = x;
        dirs[i] = e.dir;
      }
      let wind = 0;
      for (let i = 0; i < xs.length - 1; i++) {
        wind += dirs[i]!;
        if (wind === 0) continue;
        const a = Math.max(0, xs[i]!);
        const b = Math.min(width, xs[i + 1]!);
        if (b <= a) continue;
        const ia = Math.floor(a);
        const ib = Math.floor(b);
        if (ia === ib) cover[ia]! += b - a;
        else {
          cover[ia]! += ia + 1 - a;
          for (let x = ia + 1; x < ib; x++) cover[x]! += 1;
          if (ib < width) cover[ib]! += b - ib;
        }
      }
    }
    for (let x = 0; x < width; x++) if (cover[x]! >= SUBROWS / 2) out.data[y * width + x] = 1;
  }
  return out;
}

type GlyphShape = { edges: Edge[]; advance: number };
const shapes = new Map<string, GlyphShape>();

/** Outline of one character at the origin, flattened once per size and weight. */
function glyphShape(ch: string, size: number, weight: FontWeight): GlyphShape {
  const key = `${weight}|${size}|${ch}`;
  let g = shapes.get(key);
  if (!g) {
    const f = loadFont(weight);
    const glyph = f.charToGlyph(ch);
    const edges: Edge[] = [];
    flatten(glyph.getPath(0, 0, size).commands, edges);
    g = { edges, advance: ((glyph.advanceWidth ?? 0) * size) / f.unitsPerEm };
    shapes.set(key, g);
  }
  return g;
}

/** One line of text as a bitmap exactly `width` dots wide, aligned left or centred. */
export function renderTextLine(
  text: string,
  size: number,
  weight: FontWeight,
  width: number,
  alignTo: 'left' | 'center',
): Bitmap {
  const f = loadFont(weight);
  const scale = size / f.unitsPerEm;
  const ascent = Math.ceil(f.ascender * scale);
  const height = ascent + Math.ceil(-f.descender * scale) + 2;
  const textWidth = measureText(text, size, weight);
  let x = alignTo === 'center' ? Math.max(0, Math.floor((width - textWidth) / 2)) : 0;
  const baseline = ascent + 1;
  const edges: Edge[] = [];
  for (const ch of text.normalize('NFC')) {
    const g = glyphShape(ch, size, weight);
    for (const e of g.edges) edges.push({ x0: e.x0 + x, y0: e.y0 + baseline, x1: e.x1 + x, y1: e.y1 + baseline, dir: e.dir });
    x += g.advance;
  }
  return fill(edges, width, height);
}
