// Spoken guidance. Only when the browser has a voice for the language: a
// Vietnamese sentence read by an English voice helps nobody, so otherwise
// the kiosk stays silent (and never shows an error for it).
import type { Lang } from '@mot-cua/config/strings/index.ts';

const LANG_TAG: Record<Lang, string> = { vi: 'vi-VN', en: 'en-US' };

export function findVoice(voices: readonly { lang: string }[], lang: Lang): number {
  const tag = LANG_TAG[lang].toLowerCase();
  const exact = voices.findIndex((v) => v.lang.toLowerCase().replace('_', '-') === tag);
  if (exact >= 0) return exact;
  return voices.findIndex((v) => v.lang.toLowerCase().startsWith(lang));
}

export function speak(text: string, lang: Lang): void {
  try {
    const synth = window.speechSynthesis;
    if (!synth) return;
    const voices = synth.getVoices();
    const i = findVoice(voices, lang);
    const voice = voices[i];
    if (!voice) return;
    synth.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = 0.9;
    synth.speak(u);
  } catch {
    // no speech engine: silence is the documented fallback
  }
}

export function stopSpeaking(): void {
  try {
    window.speechSynthesis?.cancel();
  } catch {
    // nothing to stop
  }
}
