// The browser's own speech, used when it has a Vietnamese voice.
function synth(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
}

/** A voice whose language starts with "vi"; voices load late, so wait for them a little. */
export async function findVietnameseVoice(waitMs = 1500): Promise<SpeechSynthesisVoice | null> {
  const s = synth();
  if (!s) return null;
  const pick = () => s.getVoices().find((v) => v.lang.toLowerCase().startsWith('vi')) ?? null;
  const now = pick();
  if (now || s.getVoices().length > 0) return now;
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      s.removeEventListener?.('voiceschanged', done);
      resolve(pick());
    };
    const timer = setTimeout(done, waitMs);
    s.addEventListener?.('voiceschanged', done);
  });
}

export function speakWeb(text: string, voice: SpeechSynthesisVoice, lang: string): Promise<void> {
  const s = synth();
  if (!s) return Promise.resolve();
  return new Promise((resolve) => {
    const u = new SpeechSynthesisUtterance(text);
    u.lang = voice.lang || lang;
    try {
      u.voice = voice;
    } catch {
      // The language alone still picks a Vietnamese voice.
    }
    u.rate = 0.9;
    // Some engines never fire `end`; a generous limit keeps the queue moving.
    const timer = setTimeout(resolve, 4000 + text.length * 150);
    const finish = () => {
      clearTimeout(timer);
      resolve();
    };
    u.onend = finish;
    u.onerror = finish;
    s.speak(u);
  });
}
