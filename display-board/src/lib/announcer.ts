// Plays each call in turn: chime, then the sentence `repeat` times, through the
// browser's Vietnamese voice when it has one, else the recorded clips.
import { playChime } from './chime.ts';
import { ClipPlayer } from './clip-player.ts';
import { SerialQueue } from './serial-queue.ts';
import { findVietnameseVoice, speakWeb } from './web-speech.ts';

export interface VoiceSettings {
  lang: string;
  repeat: number;
  chime: boolean;
}

export interface Announcement {
  ticketId: string;
  text: string;
}

export type VoiceEngine = 'web-speech' | 'clips';

export class Announcer {
  readonly ctx: AudioContext;
  #clips: ClipPlayer;
  #voice: Promise<SpeechSynthesisVoice | null> | null = null;
  #queue = new SerialQueue<Announcement>((a) => this.#play(a));
  engine: VoiceEngine | null = null;
  settings: VoiceSettings = { lang: 'vi-VN', repeat: 2, chime: true };

  constructor(baseUrl: string) {
    this.ctx = new AudioContext();
    this.#clips = new ClipPlayer(this.ctx, baseUrl);
  }

  /** True when the browser lets this page play sound without a tap first. */
  get unlocked(): boolean {
    return this.ctx.state === 'running';
  }

  /** Must run inside a user gesture (the "turn sound on" tap). */
  async unlock(): Promise<void> {
    await this.ctx.resume();
    this.#engine();
  }

  #engine(): Promise<SpeechSynthesisVoice | null> {
    this.#voice ??= findVietnameseVoice().then((v) => {
      this.engine = v ? 'web-speech' : 'clips';
      return v;
    });
    return this.#voice;
  }

  announce(a: Announcement): void {
    this.#queue.push(a);
  }

  /** Forgets calls not yet spoken that the server no longer shows. */
  forgetExcept(ticketIds: Set<string>): void {
    this.#queue.clear((a) => !ticketIds.has(a.ticketId));
  }

  async #play(a: Announcement): Promise<void> {
    const voice = await this.#engine();
    const clips = voice ? null : this.#clips.prepare(a.text);
    if (this.settings.chime) await playChime(this.ctx);
    for (let i = 0; i < Math.max(1, this.settings.repeat); i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 700));
      if (voice) await speakWeb(a.text, voice, this.settings.lang);
      else if (clips) await this.#clips.play(await clips);
    }
  }
}
