// Vietnamese reading of numbers, for the recorded-clip voice: 1023 → "một nghìn
// không trăm hai mươi ba". Follows the common northern reading with "linh" and
// "tư" as the board's clips are recorded.
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const GROUPS = ['', 'nghìn', 'triệu', 'tỷ'] as const;
/** Up to 999 tỷ: beyond that a reading needs "nghìn tỷ", which the board has no clips for. */
const MAX_NUMBER_DIGITS = 12;

function digit(d: number): string {
  return DIGITS[d] ?? '';
}

/** Words for 0–999; `full` reads the hundreds even when zero ("không trăm …"), as inside a larger number. */
function readTriple(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  const hasHundreds = h > 0 || full;
  if (hasHundreds) out.push(digit(h), 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (hasHundreds) out.push('linh', u === 4 ? 'tư' : digit(u));
      else out.push(digit(u));
    }
  } else if (t === 1) {
    out.push('mười');
    if (u === 5) out.push('lăm');
    else if (u > 0) out.push(digit(u));
  } else {
    out.push(digit(t), 'mươi');
    if (u === 1) out.push('mốt');
    else if (u === 4) out.push('tư');
    else if (u === 5) out.push('lăm');
    else if (u > 0) out.push(digit(u));
  }
  return out;
}

export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`cannot read ${n}`);
  if (n === 0) return DIGITS[0];
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] ?? 0;
    if (g === 0) continue;
    words.push(...readTriple(g, i < groups.length - 1));
    const unit = GROUPS[i];
    if (unit) words.push(unit);
  }
  return words.join(' ');
}

/** Vietnamese names of the Latin letters, as a hall announcer spells a ticket prefix. */
export const LETTER_NAMES: Record<string, string> = {
  A: 'a', B: 'bê', C: 'xê', D: 'dê', E: 'e', F: 'ép', G: 'giê', H: 'hát', I: 'i', J: 'gi', K: 'ca', L: 'e lờ', M: 'em mờ',
  N: 'en nờ', O: 'o', P: 'pê', Q: 'quy', R: 'e rờ', S: 'ét xì', T: 'tê', U: 'u', V: 'vê', W: 'vê kép', X: 'ích xì', Y: 'i dài', Z: 'dét',
};

/**
 * Words for a ticket or counter number as printed: letters are spelled, a digit run
 * with leading zeros is read digit by digit ("A001" → "a không không một"), and so is a run
 * too long for numberToWords, so a call never fails on an odd number; any other digit run is
 * read as a number.
 */
export function ticketToWords(text: string): string {
  const out: string[] = [];
  for (const run of text.toUpperCase().match(/[A-Z]|\d+/g) ?? []) {
    if (/^\d+$/.test(run)) {
      if ((run.length > 1 && run.startsWith('0')) || run.length > MAX_NUMBER_DIGITS) out.push(...[...run].map((c) => digit(Number(c))));
      else out.push(numberToWords(Number(run)));
    } else {
      const name = LETTER_NAMES[run];
      if (name) out.push(name);
    }
  }
  return out.join(' ');
}
