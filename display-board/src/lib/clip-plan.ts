// Turns the sentence the server wants spoken into the list of clips that say it.
import { ticketToWords } from './number-words.ts';

export interface ClipPlan {
  clips: string[];
  /** Words no clip covers; they are left out of the spoken call. */
  missing: string[];
}

export function wordsOf(sentence: string): string[] {
  const out: string[] = [];
  for (const token of sentence.normalize('NFC').split(/[^\p{L}\p{N}]+/u)) {
    if (!token) continue;
    if (/\d/.test(token)) out.push(...ticketToWords(token).split(' ').filter(Boolean));
    else out.push(token.toLocaleLowerCase('vi'));
  }
  return out;
}

export function planClips(sentence: string, clips: Record<string, string>): ClipPlan {
  const words = wordsOf(sentence);
  const longest = Math.max(1, ...Object.keys(clips).map((k) => k.split(' ').length));
  const plan: ClipPlan = { clips: [], missing: [] };
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
      const file = clips[words.slice(i, i + n).join(' ')];
      if (file) {
        plan.clips.push(file);
        matched = n;
        break;
      }
    }
    if (matched === 0) {
      plan.missing.push(words[i] ?? '');
      matched = 1;
    }
    i += matched;
  }
  return plan;
}
