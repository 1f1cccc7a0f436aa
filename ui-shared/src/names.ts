import type { Lang } from '@mot-cua/config/strings/index.ts';

/** Something named in Vietnamese with an optional English name (a centre, a field, a priority group). */
export interface Named {
  name: string;
  nameEn?: string | null;
}

/** The name in the reader's language; Vietnamese when there is no English one. */
export function localName(item: Named | null | undefined, lang: Lang): string {
  if (!item) return '';
  return lang === 'en' && item.nameEn ? item.nameEn : item.name;
}
