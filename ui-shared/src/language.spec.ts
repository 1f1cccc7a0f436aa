import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bilingual } from '@mot-cua/config/strings/index.ts';
import { Language } from './language.svelte.ts';

const dict: Bilingual<{ hello: string; counter: string }> = {
  vi: { hello: 'Xin chào', counter: 'Quầy {n}' },
  en: { hello: 'Hello', counter: 'Counter {n}' },
};
const other: Bilingual<{ bye: string }> = { vi: { bye: 'Tạm biệt' }, en: { bye: 'Goodbye' } };

/** The page a Language lives on: its address, its storage and the document's lang attribute. */
let stored: Map<string, string>;
const html = { lang: '' };
function page(search = ''): void {
  vi.stubGlobal('location', { search });
  vi.stubGlobal('localStorage', { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => stored.set(k, v) });
  vi.stubGlobal('document', { documentElement: html });
}
beforeEach(() => {
  stored = new Map();
  html.lang = '';
});
afterEach(() => vi.unstubAllGlobals());

describe('Language', () => {
  it('starts in Vietnamese and follows a toggle in its text, the other dictionaries and the page', () => {
    page();
    const l = new Language(dict);
    expect([l.lang, l.t('hello'), html.lang]).toEqual(['vi', 'Xin chào', 'vi']);
    l.toggle();
    expect([l.lang, l.t('counter', { n: 3 }), l.of(other)('bye'), html.lang]).toEqual(['en', 'Counter 3', 'Goodbye', 'en']);
    l.toggle();
    expect(l.t('counter', { n: 3 })).toBe('Quầy 3');
  });

  it('keeps the choice under its key, and only when it has one', () => {
    page();
    const desk = new Language(dict, { storageKey: 'desk.lang' });
    desk.toggle();
    expect(stored.get('desk.lang')).toBe('en');
    expect(new Language(dict, { storageKey: 'desk.lang' }).lang).toBe('en');
    const kiosk = new Language(dict);
    kiosk.toggle();
    expect(stored.size).toBe(1);
  });

  it('lets the address choose before what was kept, and a page start in its own default', () => {
    stored.set('board.lang', 'vi');
    page('?lang=en');
    expect(new Language(dict, { storageKey: 'board.lang', fromQuery: true }).lang).toBe('en');
    expect(new Language(dict, { storageKey: 'board.lang' }).lang).toBe('vi');
    page('?lang=fr');
    expect(new Language(dict, { fromQuery: true, initial: 'en' }).lang).toBe('en');
  });

  it('names and server messages in the current language', () => {
    page();
    const l = new Language(dict);
    const field = { name: 'Hộ tịch', nameEn: 'Civil status' };
    expect([l.name(field), l.message('Đã hết số / No numbers left')]).toEqual(['Hộ tịch', 'Đã hết số']);
    l.set('en');
    expect([l.name(field), l.message('Đã hết số / No numbers left')]).toEqual(['Civil status', 'No numbers left']);
  });
});
