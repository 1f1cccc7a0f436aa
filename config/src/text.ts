// Search that works the way people type on a kiosk: with or without diacritics,
// with "d" for "đ", and whatever Unicode form a scanner or keyboard produced.

/** Canonical (NFC) form, so that equal-looking Vietnamese strings compare equal. */
export function normalizeNfc(s: string): string {
  return s.normalize('NFC');
}

/**
 * Drops every diacritic and the bar of "đ", lowercases and collapses white
 * space: "Đăng  ký" → "dang ky". NFD first, so precomposed and decomposed
 * input fold to the same text. "Ð" (U+00D0) is folded too because some
 * keyboards type it in place of "Đ".
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐÐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * True when every word of the query occurs somewhere in the text, both folded.
 * Punctuation in the query separates words, so "khai sinh," still finds
 * "Đăng ký khai sinh". An empty query matches everything.
 */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = foldVietnamese(text);
  const words = foldVietnamese(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  return words.every((w) => haystack.includes(w));
}
