/**
 * Keyboard-wedge scanners type what they read as very fast keystrokes ending in Enter. This
 * tells such a burst from a person typing, from key names and times alone (pure, no DOM, no
 * Node): the kiosk UI feeds it `KeyboardEvent.key` and `event.timeStamp`.
 *
 * A burst is at least `minLength` characters, each within `maxGapMs` of the previous one,
 * ended by Enter within `maxGapMs`. With `multiLine` (MRZ readers send three lines), an Enter
 * inside a burst is kept as a line break and the scan ends when `poll()` sees the burst has
 * gone quiet for `endGapMs`.
 */

export type WedgeOptions = { minLength?: number; maxGapMs?: number; multiLine?: boolean; endGapMs?: number };

export type WedgeResult =
  | { kind: 'scan'; text: string }
  /** Keys so far may be a scan: the UI may hold them back from a focused input. */
  | { kind: 'pending' }
  /** The keys since the last result were typed by a person; `text` is what they typed. */
  | { kind: 'typing'; text: string }
  | { kind: 'ignored' };

export class KeyboardWedgeDetector {
  private readonly minLength: number;
  private readonly maxGapMs: number;
  private readonly multiLine: boolean;
  private readonly endGapMs: number;
  /** The current run of fast keys; a pause starts a new one. */
  private buf = '';
  private count = 0;
  private last = -Infinity;

  constructor(opts: WedgeOptions = {}) {
    this.minLength = opts.minLength ?? 8;
    this.maxGapMs = opts.maxGapMs ?? 30;
    this.multiLine = opts.multiLine ?? false;
    this.endGapMs = opts.endGapMs ?? 80;
  }

  private take(): string {
    const t = this.buf;
    this.buf = '';
    this.count = 0;
    return t;
  }

  /** What the run so far was, now that it has ended. */
  private finish(): WedgeResult {
    if (this.multiLine && this.buf.endsWith('\n') && this.count >= this.minLength) {
      return { kind: 'scan', text: this.take().trimEnd() };
    }
    return { kind: 'typing', text: this.take() };
  }

  feed(key: string, time: number): WedgeResult {
    const quick = time - this.last < this.maxGapMs;
    if (key === 'Enter') {
      this.last = time;
      if (quick && this.count >= this.minLength) {
        if (!this.multiLine) return { kind: 'scan', text: this.take() };
        this.buf += '\n';
        return { kind: 'pending' };
      }
      return { kind: 'typing', text: this.take() };
    }
    // Shift, Alt, arrows…: scanners send Shift for capitals, so these neither break nor count.
    if ([...key].length !== 1) return { kind: 'ignored' };
    const ended = this.buf !== '' && !quick ? this.finish() : null;
    this.last = time;
    this.buf += key;
    this.count += 1;
    return ended ?? { kind: 'pending' };
  }

  /** Call on a timer (e.g. every 50 ms) to finish a run that has gone quiet. */
  poll(time: number): WedgeResult | null {
    if (this.buf === '' || time - this.last < this.endGapMs) return null;
    return this.finish();
  }
}
