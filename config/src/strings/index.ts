// Text the people see, in Vietnamese and English. Each UI owns one file here;
// `en` must have every key of `vi` (the type enforces it).
export type Lang = 'vi' | 'en';
export type Dict = Record<string, string>;
export type Bilingual<D extends Dict> = { vi: D; en: { [K in keyof D]: string } };
export type Params = Record<string, string | number>;

export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The server writes "Vietnamese / English"; a person reads the half in their language. A message without " / " is shown whole. */
export function messageFor(raw: string, lang: Lang): string {
  const i = raw.indexOf(' / ');
  if (i < 0) return raw;
  return lang === 'vi' ? raw.slice(0, i) : raw.slice(i + 3);
}

/** A `t(key, params)` function for one language of one dictionary. */
export function translator<D extends Dict>(dict: Bilingual<D>, lang: Lang) {
  return (key: keyof D & string, params?: Params): string => interpolate((dict[lang] as Dict)[key] ?? (dict.vi as Dict)[key] ?? key, params);
}

export { common } from './common.ts';
export { kiosk } from './kiosk.ts';
export { board } from './board.ts';
export { counterConsole } from './counter-console.ts';
export { manager } from './manager.ts';
export { admin } from './admin.ts';
export { province } from './province.ts';
