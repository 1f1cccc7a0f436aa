/**
 * Windows-1258 (Vietnamese) encoder and decoder, written out here because Node has no encoder
 * for it and printers need the exact bytes. CP1258 has precomposed letters only for part of
 * Vietnamese; the rest is a base letter followed by one of five combining tone marks
 * (0xCC grave, 0xEC acute, 0xD2 hook above, 0xDE tilde, 0xF2 dot below).
 */

/** Bytes 0x80–0xFF; null where the code page leaves a byte undefined. */
const HIGH: readonly (number | null)[] = [
  0x20ac, null, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, null, 0x2039, 0x0152, null, null, null,
  null, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, null, 0x203a, 0x0153, null, null, 0x0178,
  0x00a0, 0x00a1, 0x00a2, 0x00a3, 0x00a4, 0x00a5, 0x00a6, 0x00a7, 0x00a8, 0x00a9, 0x00aa, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x00af,
  0x00b0, 0x00b1, 0x00b2, 0x00b3, 0x00b4, 0x00b5, 0x00b6, 0x00b7, 0x00b8, 0x00b9, 0x00ba, 0x00bb, 0x00bc, 0x00bd, 0x00be, 0x00bf,
  0x00c0, 0x00c1, 0x00c2, 0x0102, 0x00c4, 0x00c5, 0x00c6, 0x00c7, 0x00c8, 0x00c9, 0x00ca, 0x00cb, 0x0300, 0x00cd, 0x00ce, 0x00cf,
  0x0110, 0x00d1, 0x0309, 0x00d3, 0x00d4, 0x01a0, 0x00d6, 0x00d7, 0x00d8, 0x00d9, 0x00da, 0x00db, 0x00dc, 0x01af, 0x0303, 0x00df,
  0x00e0, 0x00e1, 0x00e2, 0x0103, 0x00e4, 0x00e5, 0x00e6, 0x00e7, 0x00e8, 0x00e9, 0x00ea, 0x00eb, 0x0301, 0x00ed, 0x00ee, 0x00ef,
  0x0111, 0x00f1, 0x0323, 0x00f3, 0x00f4, 0x01a1, 0x00f6, 0x00f7, 0x00f8, 0x00f9, 0x00fa, 0x00fb, 0x00fc, 0x01b0, 0x20ab, 0x00ff,
];

const ENCODE = new Map<number, number>();
HIGH.forEach((cp, i) => {
  if (cp !== null) ENCODE.set(cp, 0x80 + i);
});

const TONE_MARKS = new Set([0x0300, 0x0301, 0x0303, 0x0309, 0x0323]);
const REPLACEMENT = 0x3f; // '?'

function direct(cp: number): number | undefined {
  if (cp < 0x80) return cp;
  return ENCODE.get(cp);
}

/**
 * Encode one user-perceived character (a base letter with its marks). Prefers the precomposed
 * byte, as Windows does, and falls back to base + combining tone mark.
 */
function encodeCluster(cluster: string, out: number[]): void {
  const nfc = cluster.normalize('NFC');
  if (nfc.length === 1 || (nfc.codePointAt(0)! > 0xffff && [...nfc].length === 1)) {
    const b = direct(nfc.codePointAt(0)!);
    if (b !== undefined) {
      out.push(b);
      return;
    }
  }
  const marks = [...cluster.normalize('NFD')];
  const base = marks.filter((c) => !TONE_MARKS.has(c.codePointAt(0)!)).join('').normalize('NFC');
  const tones = marks.filter((c) => TONE_MARKS.has(c.codePointAt(0)!));
  const baseByte = [...base].length === 1 ? direct(base.codePointAt(0)!) : undefined;
  if (baseByte === undefined || tones.length > 1) {
    out.push(REPLACEMENT);
    return;
  }
  out.push(baseByte);
  for (const t of tones) out.push(ENCODE.get(t.codePointAt(0)!)!);
}

/** Characters outside the code page become '?'. */
export function encodeCp1258(text: string): Uint8Array {
  const out: number[] = [];
  // Group each base character with the combining marks that follow it.
  const clusters = text.normalize('NFD').match(/\P{M}\p{M}*|\p{M}+/gu) ?? [];
  for (const c of clusters) encodeCluster(c, out);
  return Uint8Array.from(out);
}

/** Returns NFC text; undefined bytes decode to U+FFFD. */
export function decodeCp1258(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    if (b < 0x80) s += String.fromCharCode(b);
    else {
      const cp = HIGH[b - 0x80];
      s += cp === null || cp === undefined ? '\uFFFD' : String.fromCharCode(cp);
    }
  }
  return s.normalize('NFC');
}

/** True when every character survives the code page (used to pick a fallback per line). */
export function fitsCp1258(text: string): boolean {
  return decodeCp1258(encodeCp1258(text)) === text.normalize('NFC');
}
