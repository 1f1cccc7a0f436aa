/** The few ESC/POS commands a ticket needs (Epson ESC/POS reference; TM-T20/T88 family). */

export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

export const init = (): number[] => [ESC, 0x40];
/** ESC t n — select character code table (n depends on the printer model). */
export const codePage = (n: number): number[] => [ESC, 0x74, n & 0xff];
export const align = (a: 'left' | 'center' | 'right'): number[] => [ESC, 0x61, a === 'left' ? 0 : a === 'center' ? 1 : 2];
export const bold = (on: boolean): number[] => [ESC, 0x45, on ? 1 : 0];
/** GS ! n — width and height multipliers 1..8. */
export const charSize = (w: number, h: number): number[] => [GS, 0x21, (((w - 1) & 7) << 4) | ((h - 1) & 7)];
export const feed = (lines: number): number[] => [ESC, 0x64, lines & 0xff];
/** GS V 66 n — feed n dots then partial cut. */
export const cut = (): number[] => [GS, 0x56, 0x42, 0x03];
/** DLE EOT n — real-time status: 1 printer, 2 offline cause, 4 paper roll sensor. */
export const statusQuery = (n: 1 | 2 | 4): number[] => [DLE, EOT, n];

function gsK(cn: number, fn: number, params: number[]): number[] {
  const len = params.length + 2;
  return [GS, 0x28, 0x6b, len & 0xff, (len >> 8) & 0xff, cn, fn, ...params];
}

/** GS ( k — QR code model 2: select model, module size, error correction M, store, print. */
export function qr(data: Uint8Array, moduleSize: number): number[] {
  const store = gsK(49, 80, [48, ...data]);
  return [
    ...gsK(49, 65, [50, 0]),
    ...gsK(49, 67, [moduleSize & 0xff]),
    ...gsK(49, 69, [49]),
    ...store,
    ...gsK(49, 81, [48]),
  ];
}

/** GS v 0 — raster bit image, 1 bit per dot, MSB left, rows padded to whole bytes. */
export function raster(widthBytes: number, height: number, data: Uint8Array): Uint8Array {
  const head = [GS, 0x76, 0x30, 0, widthBytes & 0xff, (widthBytes >> 8) & 0xff, height & 0xff, (height >> 8) & 0xff];
  const out = new Uint8Array(head.length + data.length);
  out.set(head, 0);
  out.set(data, head.length);
  return out;
}
