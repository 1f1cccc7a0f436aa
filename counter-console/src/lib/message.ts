export type Lang = 'vi' | 'en';

/** The server writes "Vietnamese / English"; a person reads the half in their language. */
export function messageFor(raw: string, lang: Lang): string {
  const i = raw.indexOf(' / ');
  if (i < 0) return raw;
  return lang === 'vi' ? raw.slice(0, i) : raw.slice(i + 3);
}
