// Vietnamese letters from touch keys without a keyboard driver: the tone keys
// (sắc, huyền, hỏi, ngã, nặng) put their mark on the current word's vowel the
// way names are written on a CCCD (traditional placement: "Hòa", "Thủy"), and
// a second press of the same tone takes it off. Letters with a shape (ă â ê ô
// ơ ư đ) are keys of their own.

export const TONES = { sac: '\u0301', huyen: '\u0300', hoi: '\u0309', nga: '\u0303', nang: '\u0323' } as const;
export type Tone = keyof typeof TONES;

const TONE_MARKS = new Set<string>(Object.values(TONES));
const SHAPE_MARKS = new Set(['\u0302', '\u0306', '\u031B']);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** A word in letters: the base letter and the shape and tone marks on it. */
interface Letter { base: string; shape: string; tone: string }

function letters(word: string): Letter[] {
  const out: Letter[] = [];
  for (const ch of word.normalize('NFD')) {
    const last = out.at(-1);
    if (last && SHAPE_MARKS.has(ch)) last.shape += ch;
    else if (last && TONE_MARKS.has(ch)) last.tone = ch;
    else out.push({ base: ch, shape: '', tone: '' });
  }
  return out;
}

/** Which letter of the word carries the tone, or -1 when it has no vowel. */
function toneIndex(ls: Letter[]): number {
  const isVowel = (i: number) => VOWELS.has(ls[i]!.base.toLowerCase());
  let start = ls.findIndex((_, i) => isVowel(i));
  if (start < 0) return -1;
  const lower = (i: number) => ls[i]?.base.toLowerCase() ?? '';
  // "qu" and "gi" before another vowel: the u and the i belong to the consonant
  if (start > 0 && ((lower(start - 1) === 'q' && lower(start) === 'u') || (lower(start - 1) === 'g' && lower(start) === 'i')) && isVowel(start + 1)) start++;
  let end = start;
  while (end + 1 < ls.length && isVowel(end + 1)) end++;
  const cluster = Array.from({ length: end - start + 1 }, (_, k) => start + k);
  const shaped = cluster.filter((i) => ls[i]!.shape);
  if (shaped.length) return shaped.at(-1)!; // ươ: the ơ
  if (cluster.length === 1) return start;
  const closed = end + 1 < ls.length; // a consonant after the vowels: "Hoàng", "Tuấn"
  if (closed || cluster.length === 3) return cluster[1]!;
  return cluster[0]!;
}

/** The text with `tone` set on (or taken off) the last word's vowel. */
export function applyTone(text: string, tone: Tone): string {
  const m = /(\S*)$/.exec(text)!;
  const head = text.slice(0, m.index);
  const ls = letters(m[1]!);
  const at = toneIndex(ls);
  if (at < 0) return text;
  const mark = TONES[tone];
  const again = ls[at]!.tone === mark;
  for (const l of ls) l.tone = '';
  if (!again) ls[at]!.tone = mark;
  return head + ls.map((l) => l.base + l.shape + l.tone).join('').normalize('NFC');
}

/** A letter key's press: a capital at the start of each word, small letters after. */
export function typeLetter(text: string, letter: string): string {
  const startOfWord = text === '' || text.endsWith(' ');
  return text + (startOfWord ? letter.toLocaleUpperCase('vi') : letter.toLocaleLowerCase('vi'));
}
