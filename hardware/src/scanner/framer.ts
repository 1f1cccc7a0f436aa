/**
 * Cuts a scanner's byte stream into scans. A scan ends with CR and/or LF followed by a short
 * silence, so the three lines of an MRZ stay together; a scanner set up without a suffix is
 * flushed after a longer silence. Bytes are UTF-8 (the CCCD QR carries Vietnamese).
 */
export type FramerOptions = { endGapMs?: number; noSuffixGapMs?: number };

export class ScanFramer {
  private readonly decoder = new TextDecoder('utf-8');
  private text = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly endGapMs: number;
  private readonly noSuffixGapMs: number;

  constructor(
    private readonly onScan: (text: string) => void,
    opts: FramerOptions = {},
  ) {
    this.endGapMs = opts.endGapMs ?? 60;
    this.noSuffixGapMs = opts.noSuffixGapMs ?? 400;
  }

  push(chunk: Uint8Array): void {
    this.text += this.decoder.decode(chunk, { stream: true });
    if (this.timer) clearTimeout(this.timer);
    const gap = /[\r\n]$/.test(this.text) ? this.endGapMs : this.noSuffixGapMs;
    this.timer = setTimeout(() => this.flush(), gap);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const t = this.text + this.decoder.decode();
    this.text = '';
    if (t.trim() !== '') this.onScan(t);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
