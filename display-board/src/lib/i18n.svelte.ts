// The boards' language: Vietnamese unless `?lang=en` in the board's address or
// a choice kept from the last visit says otherwise.
import { board } from '@mot-cua/config/strings/index.ts';
import { Language } from '@mot-cua/ui-shared/language.svelte.ts';

export const language = new Language(board, { storageKey: 'display-board.lang', fromQuery: true });
