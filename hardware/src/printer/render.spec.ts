import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bitmapsEqual } from './bitmap.ts';
import { SAMPLE_TICKET } from './fixtures.ts';
import { rasterParts, renderTicket } from './render.ts';
import { formatIssuedAt, formatWait, ticketLayout, type PaperWidth } from './ticket.ts';
import { EscPosDecoder, type DecodedTicket } from './virtual/decoder.ts';

function decode(bytes: Uint8Array, chunk = bytes.length): DecodedTicket[] {
  const out: DecodedTicket[] = [];
  const d = new EscPosDecoder({ ticket: (t) => out.push(t), statusQuery: () => {} });
  for (let i = 0; i < bytes.length; i += chunk) d.push(bytes.subarray(i, i + chunk));
  return out;
}

/** Text as printed, lines joined by spaces, to compare with the layout regardless of wrapping. */
function printedWords(t: DecodedTicket): string {
  return t.items.flatMap((i) => (i.kind === 'text' && i.text !== '' ? [i.text] : [])).join(' ');
}

describe('ticket layout', () => {
  it('formats the issue time in Vietnam and the wait in hours and minutes', () => {
    expect(formatIssuedAt('2026-11-22T17:30:00Z')).toBe('23/11/2026 00:30');
    expect(formatIssuedAt('2026-11-22T09:05:00+07:00')).toBe('22/11/2026 09:05');
    expect(formatWait(95)).toBe('1 giờ 35 phút');
    expect(formatWait(0)).toBe('0 phút');
  });

  it('omits the priority line for an ordinary ticket', () => {
    const texts = ticketLayout({ ...SAMPLE_TICKET, priorityName: null }).flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    expect(texts.some((t) => t.includes('Ưu tiên'))).toBe(false);
  });
});

describe.each([58, 80] as PaperWidth[])('%i mm ticket', (paperWidth) => {
  it('the QR carries the status URL verbatim, the rating key and language included (issue 14.3)', () => {
    const statusUrl = 'http://192.168.1.10:8080/t/01JD3Z8Q4M6TK2?k=3q2-7wX_Yz9AbCdEfGhIjK&lang=vi';
    const tickets = decode(renderTicket({ ...SAMPLE_TICKET, statusUrl }, { paperWidth, textMode: 'cp1258' }));
    expect(tickets[0]!.items.flatMap((i) => (i.kind === 'qr' ? [i.data] : []))).toEqual([statusUrl]);
  });

  const layoutText = ticketLayout(SAMPLE_TICKET)
    .flatMap((b) => (b.kind === 'text' ? [b.text] : []))
    .join(' ');

  it('code page 1258: the Vietnamese comes back exactly, QR carries the status URL, one cut', () => {
    const bytes = renderTicket(SAMPLE_TICKET, { paperWidth, textMode: 'cp1258' });
    const tickets = decode(bytes);
    expect(tickets).toHaveLength(1);
    expect(printedWords(tickets[0]!)).toBe(layoutText);
    expect(printedWords(tickets[0]!)).toContain('Giờ lấy số: 22/11/2026 09:05');
    expect(tickets[0]!.items.filter((i) => i.kind === 'qr').map((i) => i.kind === 'qr' && i.data)).toEqual([SAMPLE_TICKET.statusUrl]);
    const big = tickets[0]!.items.find((i) => i.kind === 'text' && i.text === 'A1023');
    expect(big).toMatchObject({ width: 4, height: 4, bold: true });
  });

  it('code page 1258: lines fit the paper', () => {
    const columns = paperWidth === 58 ? 32 : 48;
    for (const it of decode(renderTicket(SAMPLE_TICKET, { paperWidth, textMode: 'cp1258' }))[0]!.items) {
      if (it.kind === 'text') expect([...it.text].length * it.width).toBeLessThanOrEqual(columns);
    }
  });

  it('raster: the decoded images equal a fresh rendering and the QR is the status URL', () => {
    const bytes = renderTicket(SAMPLE_TICKET, { paperWidth, textMode: 'raster' });
    const [decoded] = decode(bytes, 1000);
    // Blank lines are paper feed, not content.
    const t = { items: decoded!.items.filter((i) => !(i.kind === 'text' && i.text === '')) };
    const expected = rasterParts(ticketLayout(SAMPLE_TICKET), paperWidth);
    expect(t!.items.map((i) => i.kind)).toEqual(expected.map((p) => (p.kind === 'qr' ? 'qr' : 'image')));
    t!.items.forEach((item, k) => {
      const want = expected[k]!;
      if (item.kind === 'image' && want.kind === 'image') {
        expect(item.bitmap.width).toBe(paperWidth === 58 ? 384 : 576);
        expect(bitmapsEqual(item.bitmap, want.bitmap)).toBe(true);
        expect(item.bitmap.data.some((d) => d === 1)).toBe(true);
      } else if (item.kind === 'qr') expect(item.data).toBe(SAMPLE_TICKET.statusUrl);
    });
    expect(decoded!.items.filter((i) => i.kind === 'text' && i.text !== '')).toEqual([]);
  });
});

describe('raster rendering', () => {
  it('differs when one diacritic differs (the image really carries the accents)', () => {
    const a = rasterParts(ticketLayout({ ...SAMPLE_TICKET, note: 'Hồ sơ' }), 80);
    const b = rasterParts(ticketLayout({ ...SAMPLE_TICKET, note: 'Hộ sơ' }), 80);
    const last = (p: typeof a) => p[p.length - 1]!;
    const [la, lb] = [last(a), last(b)];
    expect(la.kind === 'image' && lb.kind === 'image' && bitmapsEqual(la.bitmap, lb.bitmap)).toBe(false);
  });

  it('decodes the same whether the bytes arrive whole or one at a time', () => {
    const bytes = renderTicket(SAMPLE_TICKET, { paperWidth: 58, textMode: 'cp1258' });
    expect(decode(bytes, 1)).toEqual(decode(bytes));
  });
});

describe('code page 1258 round trip, any ticket', () => {
  const letters = [...'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ'];
  const alphabet = [...letters, ...letters.map((c) => c.toUpperCase()), ...' 0123456789,.-–()/:'];
  const text = (max: number) => fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: max, size: 'max' }).map((a) => a.join('').replace(/\s+/g, ' ').trim()).filter((s) => s !== '');

  // Wrapping may cut an over-long word, so compare the characters in order, spaces aside.
  it('prints every letter of every field back exactly, in order', () => {
    fc.assert(
      fc.property(text(80), text(80), fc.option(text(30), { nil: null }), fc.constantFrom<PaperWidth>(58, 80), (centerName, serviceName, priorityName, paperWidth) => {
        const t = { ...SAMPLE_TICKET, centerName, serviceName, priorityName };
        const [decoded] = decode(renderTicket(t, { paperWidth, textMode: 'cp1258' }));
        const want = ticketLayout(t)
          .flatMap((b) => (b.kind === 'text' ? [b.text] : []))
          .join('')
          .replace(/\s+/g, '');
        expect(printedWords(decoded!).replace(/\s+/g, '')).toBe(want);
      }),
      { numRuns: 150 },
    );
  });
});
