import { translator, type Bilingual, type Dict, type Lang } from '@mot-cua/config/strings/index.ts';

export { messageFor, type Lang } from '@mot-cua/config/strings/index.ts';

const KEY = 'display-board.lang';

function initial(): Lang {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'en' || q === 'vi') return q;
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
}

class Language {
  lang = $state<Lang>(initial());
  toggle(): void {
    this.lang = this.lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem(KEY, this.lang);
    document.documentElement.lang = this.lang;
  }
}

export const language = new Language();
document.documentElement.lang = language.lang;

/** A reactive `t` for one dictionary: read it inside $derived or markup. */
export function useT<D extends Dict>(dict: Bilingual<D>) {
  return () => translator(dict, language.lang);
}


export function localName(item: { name: string; nameEn?: string } | undefined, lang: Lang): string {
  if (!item) return '';
  return lang === 'en' && item.nameEn ? item.nameEn : item.name;
}
