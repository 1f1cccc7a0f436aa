// Records the fallback voice clips with espeak-ng (apt-get install espeak-ng) and
// shrinks them to 11 kHz 8-bit mono WAV with the silence trimmed, which every
// browser decodes and keeps the whole set small. Run: pnpm exec tsx scripts/make-voice.ts
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIP_EXT, CLIPS } from '../src/lib/voice-clips.ts';

const OUT = new URL('../public/voice/', import.meta.url).pathname;

function pcm16(wav: Buffer): { rate: number; samples: Int16Array } {
  let off = 12;
  let rate = 22050;
  while (off < wav.length) {
    const id = wav.toString('ascii', off, off + 4);
    const size = wav.readUInt32LE(off + 4);
    if (id === 'fmt ') rate = wav.readUInt32LE(off + 12);
    // espeak-ng streams with a placeholder data size, so read to the end of the file.
    if (id === 'data') return { rate, samples: new Int16Array(wav.buffer.slice(wav.byteOffset + off + 8, wav.byteOffset + wav.length - ((wav.length - off - 8) % 2))) };
    off += 8 + size;
  }
  throw new Error('no data chunk');
}

function trim(s: Int16Array, threshold = 400, padSamples = 400): Int16Array {
  let a = 0;
  let b = s.length - 1;
  while (a < s.length && Math.abs(s[a] ?? 0) < threshold) a++;
  while (b > a && Math.abs(s[b] ?? 0) < threshold) b--;
  return s.slice(Math.max(0, a - padSamples), Math.min(s.length, b + padSamples));
}

function wav8(samples: Int16Array, rate: number): Buffer {
  const n = Math.floor(samples.length / 2);
  const data = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    const v = ((samples[2 * i] ?? 0) + (samples[2 * i + 1] ?? 0)) / 2;
    data[i] = Math.max(0, Math.min(255, Math.round(v / 256) + 128));
  }
  const outRate = rate / 2;
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + n, 4);
  h.write('WAVEfmt ', 8, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(outRate, 24);
  h.writeUInt32LE(outRate, 28);
  h.writeUInt16LE(1, 32);
  h.writeUInt16LE(8, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(n, 40);
  return Buffer.concat([h, data]);
}

mkdirSync(OUT, { recursive: true });
const tmp = join(tmpdir(), `voice-${process.pid}.wav`);
let total = 0;
for (const [text, file] of Object.entries(CLIPS)) {
  execFileSync('espeak-ng', ['-v', 'vi', '-s', '140', '-w', tmp, text]);
  const { rate, samples } = pcm16(readFileSync(tmp));
  const out = wav8(trim(samples), rate);
  writeFileSync(join(OUT, file + CLIP_EXT), out);
  total += out.length;
}
rmSync(tmp, { force: true });
console.log(`${Object.keys(CLIPS).length} clips, ${(total / 1024).toFixed(0)} KiB in ${OUT}`);
