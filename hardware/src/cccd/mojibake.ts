/**
 * UTF-8 text that a scanner decoded as Latin-1 or Windows-1252 ("Nguyễn" arrives as "Nguyá»\u0085n"):
 * each toned letter turns into the lead byte of its UTF-8 sequence (Ã Ä Å Æ for the two-byte
 * letters, Ì for a combining mark, á for the U+1EA0–U+1EFF block) followed by a symbol of the
 * 0x80–0xBF range: pairs no Vietnamese text has, while "Hà\u00A0Nội" or "Hà–Nội" stay clean.
 * Such text is re-encoded to its bytes and read again as UTF-8; when a byte was lost on the way
 * (scanners often drop the C1 controls) that fails and the scan is refused rather than a garbled
 * name being printed. Pure.
 */

/** Windows-1252's characters for bytes 0x80–0x9F that differ from Latin-1. */
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

const CP1252_CHAR = new Map(Object.entries(CP1252_HIGH).map(([cp, b]) => [b, String.fromCodePoint(Number(cp))]));

const LETTERS = 'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ';
/** Tone and vowel marks, for text the scanner sent decomposed. */
const MARKS = '\u0300\u0301\u0302\u0303\u0306\u0309\u031B\u0323';

/**
 * The first two characters each Vietnamese letter and mark turns into when its UTF-8 bytes are read
 * as Latin-1 or as Windows-1252 ("ễ" = E1 BB 85 → "á»"). Built from the alphabet, so a pair is
 * looked for only where some Vietnamese letter produces it.
 */
const MISREAD_PAIRS: ReadonlySet<string> = (() => {
  const pairs = new Set<string>();
  for (const ch of [...LETTERS, ...LETTERS.toUpperCase(), ...MARKS]) {
    const [lead, next] = new TextEncoder().encode(ch);
    if (lead === undefined || next === undefined) continue;
    for (const second of [String.fromCharCode(next), CP1252_CHAR.get(next)]) {
      if (second !== undefined) pairs.add(String.fromCharCode(lead) + second);
    }
  }
  return pairs;
})();

// Residual ambiguity, accepted: a real "Ã" directly followed by a quote mark or a no-break space
// is one of these pairs too.
function looksMisread(text: string): boolean {
  const chars = [...text];
  return chars.some((c, i) => i + 1 < chars.length && MISREAD_PAIRS.has(c + chars[i + 1]!));
}

export type Mojibake = { kind: 'clean' } | { kind: 'repaired'; text: string } | { kind: 'broken' };

function byteOf(ch: string): number | null {
  const cp = ch.codePointAt(0)!;
  if (cp <= 0xff) return cp;
  return CP1252_HIGH[cp] ?? null;
}

export function repairMojibake(text: string): Mojibake {
  if (!looksMisread(text.normalize('NFC'))) return { kind: 'clean' };
  const bytes: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const b = byteOf(ch);
    if (b === null) return { kind: 'broken' };
    bytes.push(b);
  }
  try {
    return { kind: 'repaired', text: new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes)) };
  } catch {
    return { kind: 'broken' };
  }
}
