/**
 * Tone marks and the paper's width. CP1258 sends most toned letters as a base letter plus a
 * combining mark; firmware that prints each byte in its own cell makes a line as wide as its
 * bytes. The virtual printer's cell mode prints like that firmware, so these tests see it.
 */
import { describe, expect, it } from 'vitest';
import { encodeCp1258 } from './cp1258.ts';
import { SAMPLE_TICKET } from './fixtures.ts';
import { renderOptionsFor, type RenderOptions } from './models.ts';
import { renderTicket } from './render.ts';
import { PAPER, ticketLayout, type PaperWidth } from './ticket.ts';
import { EscPosDecoder, type DecodedItem, type DecoderOptions } from './virtual/decoder.ts';

type TextItem = Extract<DecodedItem, { kind: 'text' }>;

function printedLines(bytes: Uint8Array, firmware: DecoderOptions): TextItem[] {
  const out: TextItem[] = [];
  const d = new EscPosDecoder({ ticket: (t) => out.push(...t.items.flatMap((i) => (i.kind === 'text' && i.text !== '' ? [i] : []))), statusQuery: () => {} }, firmware);
  d.push(bytes);
  return out;
}
const overflowing = (lines: TextItem[], paper: PaperWidth) => lines.filter((l) => l.cells * l.width > PAPER[paper].columns);

const VIETNAMESE = [...'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ'];
const LETTERS = [...VIETNAMESE, ...VIETNAMESE.map((c) => c.toUpperCase())];

describe('tone marks in a cell of their own', () => {
  it('CP1258 writes 104 of the 146 Vietnamese letters as two bytes (letter + mark)', () => {
    expect(LETTERS).toHaveLength(146);
    expect(LETTERS.filter((c) => encodeCp1258(c).length === 2)).toHaveLength(104);
    expect(LETTERS.filter((c) => encodeCp1258(c).length > 2)).toEqual([]);
  });

  it('the virtual printer in cell mode prints each byte in a cell, the mark over a blank', () => {
    const bytes = Uint8Array.from([0x1b, 0x40, 0x1b, 0x74, 52, ...encodeCp1258('Số thứ tự'), 0x0a, 0x1d, 0x56, 0x42, 0x03]);
    const [composed] = printedLines(bytes, { cp1258Page: 52 });
    const [own] = printedLines(bytes, { cp1258Page: 52, marksInOwnCell: true });
    expect(composed).toMatchObject({ text: 'Số thứ tự', cells: 9 });
    expect(own!.cells).toBe(encodeCp1258('Số thứ tự').length);
    expect(own!.cells).toBe(12);
    expect(own!.text.normalize('NFC')).not.toBe('Số thứ tự');
  });

  const cellFirmware: DecoderOptions = { cp1258Page: 52, marksInOwnCell: true };
  const epsonAsCells: RenderOptions = { ...renderOptionsFor({ model: 'epson' }, 58), marksInOwnCell: false };
  // What a renderer that counts characters sends such a printer (the code before this fix).
  it.each([
    [58, 15, 7],
    [80, 11, 3],
  ] as const)('%i mm: counting characters, %i lines print and %i of them pass the paper width', (paperWidth, lines, over) => {
    const printed = printedLines(renderTicket(SAMPLE_TICKET, { ...epsonAsCells, paperWidth }), cellFirmware);
    expect(printed).toHaveLength(lines);
    expect(overflowing(printed, paperWidth)).toHaveLength(over);
  });

  it.each([58, 80] as const)('%i mm: wrapped by the bytes sent, every line fits and every letter is there', (paperWidth) => {
    const opts: RenderOptions = { ...renderOptionsFor({ model: 'epson' }, paperWidth), marksInOwnCell: true };
    const printed = printedLines(renderTicket(SAMPLE_TICKET, opts), cellFirmware);
    expect(overflowing(printed, paperWidth)).toEqual([]);
    const want = ticketLayout(SAMPLE_TICKET).flatMap((b) => (b.kind === 'text' ? [b.text] : [])).join('').replace(/\s+/g, '');
    const got = printed.map((l) => l.text.replace(/\u00A0(\p{M})/gu, '$1')).join('').normalize('NFC').replace(/\s+/g, '');
    expect(got).toBe(want);
  });

  it.each(['xprinter', 'zjiang', 'citizen', 'generic'] as const)('%s prints marks in their own cell, so its text is wrapped by bytes', (model) => {
    const opts = renderOptionsFor({ model, codePage: 94, textMode: 'cp1258' }, 58);
    expect(opts.marksInOwnCell).toBe(true);
    expect(overflowing(printedLines(renderTicket(SAMPLE_TICKET, opts), { cp1258Page: 94, marksInOwnCell: true }), 58)).toEqual([]);
  });
});

describe('Chinese-market firmware (double-byte mode until FS .)', () => {
  const firmware: DecoderOptions = { cp1258Page: 94, doubleByteAtStart: true };
  it('reads the Vietnamese back when FS . comes first', () => {
    const lines = printedLines(renderTicket(SAMPLE_TICKET, renderOptionsFor({ model: 'zjiang' }, 80)), firmware);
    expect(lines.map((l) => l.text).join(' ')).toContain('Số người chờ trước quý vị: 7');
  });
  it('prints Hanzi for every toned letter without it', () => {
    const withoutPreamble = { ...renderOptionsFor({ model: 'zjiang' }, 80), preamble: [] };
    const text = printedLines(renderTicket(SAMPLE_TICKET, withoutPreamble), firmware).map((l) => l.text).join(' ');
    expect(text).not.toContain('Số người');
    expect(text).toContain('\uFFFD');
  });
});
