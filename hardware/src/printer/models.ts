/**
 * What a ticket printer model needs to print Vietnamese as text: the ESC t number of its
 * Windows-1258 table (a per-model fact — 52 is WPC1258 on Epson, other firmware has another
 * table there or none), the bytes that must precede single-byte text (firmware sold for the
 * Chinese market starts in double-byte mode and needs FS . to leave it), and whether it prints a
 * combining tone mark over its letter or in a cell of its own. Where the model is unknown the
 * ticket goes out as raster images, which every ESC/POS printer prints. Pure: no Node, no zod,
 * so the centre config and the kiosk agent share these defaults.
 */
import type { PaperWidth } from './ticket.ts';

export type TextMode = 'cp1258' | 'raster';

export const PRINTER_MODEL_NAMES = ['epson', 'xprinter', 'citizen', 'zjiang', 'generic'] as const;
export type PrinterModelName = (typeof PRINTER_MODEL_NAMES)[number];

export type PrinterModel = {
  label: string;
  /** ESC t number of Windows-1258; null when the model has none that holds across its firmware. */
  cp1258Page: number | null;
  /** Sent right after ESC @, before any text. */
  preamble: readonly number[];
  /** The firmware gives a combining tone mark a cell of its own, so a line is as wide as its bytes. */
  marksInOwnCell: boolean;
};

/** FS . — cancel Kanji/Chinese double-byte character mode. */
export const CANCEL_DOUBLE_BYTE = [0x1c, 0x2e] as const;

export const PRINTER_MODELS: Record<PrinterModelName, PrinterModel> = {
  // Epson ESC/POS code table: 30/31 TCVN-3, 52 WPC1258; the TM firmware overstrikes the mark.
  epson: { label: 'Epson TM (TM-T20, TM-T82, TM-T88)', cp1258Page: 52, preamble: [], marksInOwnCell: false },
  // XP-58/XP-80 firmware differs by batch: 27 is TCVN-3 on some, WPC1258 at 27 or 94 on others,
  // none on many; sold with Chinese firmware. Set codePage from its self-test page to use text.
  xprinter: { label: 'Xprinter (XP-58, XP-80, XP-Q200)', cp1258Page: null, preamble: CANCEL_DOUBLE_BYTE, marksInOwnCell: true },
  citizen: { label: 'Citizen (CT-S310II, CT-S801/851)', cp1258Page: null, preamble: [], marksInOwnCell: true },
  // The common POS-58/POS-80 clone firmware (Zjiang's table, also sold under other names): WPC1258 at 94.
  zjiang: { label: 'POS-58/POS-80 clones (Zjiang table)', cp1258Page: 94, preamble: CANCEL_DOUBLE_BYTE, marksInOwnCell: true },
  generic: { label: 'unknown model', cp1258Page: null, preamble: [], marksInOwnCell: true },
};

/** A printer as the centre config and the kiosk agent describe it. */
export type PrinterSetting = {
  model: PrinterModelName;
  /** Omitted: code page 1258 where the model has one, else raster. */
  textMode?: TextMode | undefined;
  /** Raw ESC t number of WPC1258, read off this printer's self-test page; overrides the model's. */
  codePage?: number | undefined;
};

/** The one default of the centre config and the kiosk agent: an unknown printer, printed as raster. */
export const DEFAULT_PRINTER_SETTING: { readonly model: PrinterModelName } = { model: 'generic' };

export type RenderOptions = {
  paperWidth: PaperWidth;
  textMode: TextMode;
  /** ESC t number of Windows-1258 on this printer model: 52 on Epson; Xprinter and others vary. */
  codePage?: number;
  /** Bytes after ESC @ (FS . on Chinese-market firmware). */
  preamble?: readonly number[];
  /** Wrap text by the bytes sent, for firmware that prints each tone mark in a cell of its own. */
  marksInOwnCell?: boolean;
};

export class PrinterSettingError extends Error {
  readonly code = 'printer_setting';
}

export function renderOptionsFor(setting: PrinterSetting, paperWidth: PaperWidth): RenderOptions {
  const model = PRINTER_MODELS[setting.model];
  if (!model) throw new PrinterSettingError(`Mẫu máy in không rõ: ${String(setting.model)} / Unknown printer model (${PRINTER_MODEL_NAMES.join(', ')})`);
  const codePage = setting.codePage ?? model.cp1258Page;
  const textMode = setting.textMode ?? (codePage === null ? 'raster' : 'cp1258');
  const common = { paperWidth, preamble: model.preamble, marksInOwnCell: model.marksInOwnCell };
  if (textMode === 'raster') return { ...common, textMode };
  if (codePage === null) {
    throw new PrinterSettingError(
      `Máy in ${model.label} không có bảng mã 1258 đã biết: đặt codePage theo trang tự kiểm tra, hoặc dùng textMode: raster / ` +
        `${model.label} has no known code page 1258: set codePage from its self-test page, or use textMode: raster`,
    );
  }
  return { ...common, textMode, codePage };
}
