// A two-note "ding-dong" before each call, made with WebAudio so no file is needed.
export function playChime(ctx: AudioContext): Promise<void> {
  const notes = [
    { freq: 880, at: 0 },
    { freq: 659.25, at: 0.45 },
  ];
  const t0 = ctx.currentTime + 0.05;
  for (const n of notes) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = n.freq;
    gain.gain.setValueAtTime(0.0001, t0 + n.at);
    gain.gain.exponentialRampToValueAtTime(0.5, t0 + n.at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + n.at + 0.9);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0 + n.at);
    osc.stop(t0 + n.at + 0.95);
  }
  return new Promise((r) => setTimeout(r, 1500));
}
