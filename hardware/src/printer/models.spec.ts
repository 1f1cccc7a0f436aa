/**
 * The printer's code page is a per-model fact: one table row per model — the text mode it gets by
 * default, the ESC t it is sent, the preamble — and the bytes renderTicket really sends.
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE_TICKET } from './fixtures.ts';
import { DEFAULT_PRINTER_SETTING, PrinterSettingError, renderOptionsFor, type PrinterSetting, type RenderOptions } from './models.ts';
import { renderTicket } from './render.ts';

const ESC_AT = [0x1b, 0x40];
const FS_DOT = [0x1c, 0x2e];
const escT = (n: number) => [0x1b, 0x74, n];
const startsWith = (bytes: Uint8Array, head: number[]) => [...bytes.subarray(0, head.length)];
const hasEscT = (bytes: Uint8Array) => bytes.some((b, i) => b === 0x1b && bytes[i + 1] === 0x74);

describe('printer models', () => {
  const table: [string, PrinterSetting, Partial<RenderOptions>, number[]][] = [
    ['epson: WPC1258 at 52, no preamble', { model: 'epson' }, { textMode: 'cp1258', codePage: 52, marksInOwnCell: false }, [...ESC_AT, ...escT(52)]],
    ['xprinter: no page that holds, so raster, after FS .', { model: 'xprinter' }, { textMode: 'raster' }, [...ESC_AT, ...FS_DOT]],
    ['xprinter with its self-test page read (94)', { model: 'xprinter', codePage: 94 }, { textMode: 'cp1258', codePage: 94, marksInOwnCell: true }, [...ESC_AT, ...FS_DOT, ...escT(94)]],
    ['xprinter with WPC1258 at 27', { model: 'xprinter', codePage: 27, textMode: 'cp1258' }, { textMode: 'cp1258', codePage: 27 }, [...ESC_AT, ...FS_DOT, ...escT(27)]],
    ['zjiang clones: WPC1258 at 94 after FS .', { model: 'zjiang' }, { textMode: 'cp1258', codePage: 94, marksInOwnCell: true }, [...ESC_AT, ...FS_DOT, ...escT(94)]],
    ['citizen: raster unless told its page', { model: 'citizen' }, { textMode: 'raster' }, [...ESC_AT]],
    ['generic (unknown): raster', { model: 'generic' }, { textMode: 'raster' }, [...ESC_AT]],
    ['epson asked for raster', { model: 'epson', textMode: 'raster' }, { textMode: 'raster' }, [...ESC_AT]],
  ];
  it.each(table)('%s', (_label, setting, want, head) => {
    const opts = renderOptionsFor(setting, 58);
    expect(opts).toMatchObject(want);
    const bytes = renderTicket(SAMPLE_TICKET, opts);
    expect(startsWith(bytes, head)).toEqual(head);
    expect(hasEscT(bytes)).toBe(opts.textMode === 'cp1258');
  });

  it('the default setting is an unknown printer printed as raster', () => {
    expect(DEFAULT_PRINTER_SETTING).toEqual({ model: 'generic' });
    expect(renderOptionsFor(DEFAULT_PRINTER_SETTING, 80).textMode).toBe('raster');
  });

  it('refuses text mode on a model without a known page, saying what to do', () => {
    for (const model of ['xprinter', 'citizen', 'generic'] as const) {
      expect(() => renderOptionsFor({ model, textMode: 'cp1258' }, 80)).toThrow(PrinterSettingError);
      expect(() => renderOptionsFor({ model, textMode: 'cp1258' }, 80)).toThrow(/^Máy in .*codePage.* \/ /);
    }
    expect(() => renderOptionsFor({ model: 'laser' as 'generic' }, 80)).toThrow(/^Mẫu máy in không rõ/);
  });
});
