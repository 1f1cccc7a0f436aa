// Speaks a sentence by joining the recorded clips of public/voice/.
import { planClips } from './clip-plan.ts';
import { CLIP_EXT, CLIPS } from './voice-clips.ts';

export class ClipPlayer {
  #cache = new Map<string, Promise<AudioBuffer | null>>();

  constructor(
    private readonly ctx: AudioContext,
    private readonly baseUrl: string,
  ) {}

  #load(file: string): Promise<AudioBuffer | null> {
    let p = this.#cache.get(file);
    if (!p) {
      p = fetch(`${this.baseUrl}voice/${file}${CLIP_EXT}`)
        .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(String(r.status)))))
        .then((b) => this.ctx.decodeAudioData(b))
        .catch(() => {
          this.#cache.delete(file);
          return null;
        });
      this.#cache.set(file, p);
    }
    return p;
  }

  /** Starts fetching a sentence's clips (in speaking order) while the chime plays. */
  prepare(sentence: string): Promise<AudioBuffer[]> {
    const plan = planClips(sentence, CLIPS);
    return Promise.all(plan.clips.map((f) => this.#load(f))).then((bs) => bs.filter((b): b is AudioBuffer => b !== null));
  }

  async play(buffers: AudioBuffer[]): Promise<void> {
    let at = this.ctx.currentTime + 0.05;
    for (const b of buffers) {
      const src = this.ctx.createBufferSource();
      src.buffer = b;
      src.connect(this.ctx.destination);
      src.start(at);
      at += b.duration + 0.04;
    }
    const ms = (at - this.ctx.currentTime) * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, ms)));
  }
}
