// The official's language at the desk, kept across reloads.
import { counterConsole } from '@mot-cua/config/strings/index.ts';
import { Language } from '@mot-cua/ui-shared/language.svelte.ts';

export const i18n = new Language(counterConsole, { storageKey: 'counter-console.lang' });
