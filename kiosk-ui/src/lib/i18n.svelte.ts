// The kiosk's language for the current citizen: Vietnamese unless they tap
// the toggle; reset to Vietnamese when the screen returns home after idling
// (nothing is kept: the next citizen starts afresh).
import { kiosk } from '@mot-cua/config/strings/index.ts';
import { Language } from '@mot-cua/ui-shared/language.svelte.ts';

export const i18n = new Language(kiosk);

/** The kiosk's words in the citizen's language; read in markup or $derived, it follows the toggle. */
export const t: typeof i18n.t = (key, params) => i18n.t(key, params);
