// The kiosk's language for the current citizen: Vietnamese unless they tap
// the toggle; reset to Vietnamese when the screen returns home after idling.
import { kiosk, messageFor, translator, type Lang, type Params } from '@mot-cua/config/strings/index.ts';

type Key = keyof typeof kiosk.vi & string;

export const i18n = $state<{ lang: Lang }>({ lang: 'vi' });

export function t(key: Key, params?: Params): string {
  return translator(kiosk, i18n.lang)(key, params);
}

export function toggleLang(): void {
  i18n.lang = i18n.lang === 'vi' ? 'en' : 'vi';
  document.documentElement.lang = i18n.lang;
}

export function setLang(lang: Lang): void {
  i18n.lang = lang;
  document.documentElement.lang = lang;
}

/** Server messages are "Vietnamese / English"; show the half for the current language. */
export function localMessage(message: string): string {
  return messageFor(message, i18n.lang);
}

/** A name that has an English variant (services, categories, levels). */
export function pick(vi: string, en?: string | null): string {
  return i18n.lang === 'en' && en ? en : vi;
}
