// The language a screen speaks, for every UI: Vietnamese unless the reader
// chose English. A screen's text is `t(key)` over its own dictionary, read
// inside markup or $derived so it follows a change of language.
import { messageFor, translator, type Bilingual, type Dict, type Lang, type Params } from '@mot-cua/config/strings/index.ts';
import { localName, type Named } from './names.ts';

export interface LanguageOptions {
  /** Where the choice is kept across reloads (a staff desk, a board); none: each visit starts in Vietnamese (a kiosk). */
  storageKey?: string;
  /** Let `?lang=en` in the address choose (a board set up by its URL). */
  fromQuery?: boolean;
  /** When nothing else chose, what to start in (a phone's own language). */
  initial?: Lang;
}

const isLang = (x: unknown): x is Lang => x === 'vi' || x === 'en';

function startingLang(opts: LanguageOptions): Lang {
  const asked = opts.fromQuery ? new URLSearchParams(location.search).get('lang') : null;
  if (isLang(asked)) return asked;
  const kept = opts.storageKey ? localStorage.getItem(opts.storageKey) : null;
  return isLang(kept) ? kept : (opts.initial ?? 'vi');
}

export class Language<D extends Dict> {
  lang = $state<Lang>('vi');
  readonly #dict: Bilingual<D>;
  readonly #storageKey: string | undefined;
  /** The screen's own dictionary in the current language. */
  readonly t: (key: keyof D & string, params?: Params) => string;

  constructor(dict: Bilingual<D>, opts: LanguageOptions = {}) {
    this.#dict = dict;
    this.t = $derived(translator(this.#dict, this.lang));
    this.#storageKey = opts.storageKey;
    this.set(startingLang(opts), false);
  }

  set(lang: Lang, keep = true): void {
    this.lang = lang;
    if (keep && this.#storageKey) localStorage.setItem(this.#storageKey, lang);
    document.documentElement.lang = lang;
  }

  toggle(): void {
    this.set(this.lang === 'vi' ? 'en' : 'vi');
  }

  /** Another dictionary in the current language (a board that shows the manager's words too). */
  of<O extends Dict>(dict: Bilingual<O>): (key: keyof O & string, params?: Params) => string {
    return translator(dict, this.lang);
  }

  /** A name with an optional English variant. */
  name(item: Named | null | undefined): string {
    return localName(item, this.lang);
  }

  /** A server message, "Vietnamese / English": the half for the current language. */
  message(raw: string): string {
    return messageFor(raw, this.lang);
  }
}
