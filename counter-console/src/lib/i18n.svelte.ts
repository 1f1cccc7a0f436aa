import { counterConsole, translator } from '@mot-cua/config/strings/index.ts';
import type { Lang } from '@mot-cua/config/strings/index.ts';

const KEY = 'counter-console.lang';

class I18n {
  lang = $state<Lang>(localStorage.getItem(KEY) === 'en' ? 'en' : 'vi');
  t = $derived(translator(counterConsole, this.lang));

  toggle(): void {
    this.lang = this.lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem(KEY, this.lang);
    document.documentElement.lang = this.lang;
  }
}

export const i18n = new I18n();
document.documentElement.lang = i18n.lang;
