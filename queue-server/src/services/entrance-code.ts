// The entrance code (issue 17.1): a number taken from the phone is checked in by the phone only
// with a code shown at the centre's entrance — proof that its holder is in the hall, which the
// ticket's own key (on the phone since it was taken) is not. Six digits, keyed by the server's
// secret over the centre and a ten-minute window, so nobody away from the entrance can work it
// out; the code of the window before is still taken, so one read just before a change still works.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long one code is shown. */
export const ENTRANCE_WINDOW_MS = 10 * 60_000;

export interface EntranceCode {
  code: string;
  /** When it is shown no more (ISO time is the route's business): the end of its window. */
  changesAt: number;
  /** When it is no longer taken: the end of the window after its own. */
  validUntil: number;
}

export class EntranceCodes {
  constructor(
    private readonly secret: Buffer,
    private readonly centreId: () => string,
    private readonly now: () => number,
  ) {}

  private codeOf(window: number): string {
    const mac = createHmac('sha256', this.secret).update(`entrance-code\0${this.centreId()}\0${window}`).digest();
    return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
  }

  /** The code to show now. */
  current(): EntranceCode {
    const w = Math.floor(this.now() / ENTRANCE_WINDOW_MS);
    return { code: this.codeOf(w), changesAt: (w + 1) * ENTRANCE_WINDOW_MS, validUntil: (w + 2) * ENTRANCE_WINDOW_MS };
  }

  /** Whether `code` is the one shown now or the one shown just before. */
  accepts(code: string): boolean {
    const w = Math.floor(this.now() / ENTRANCE_WINDOW_MS);
    const got = Buffer.from(code);
    let ok = false;
    for (const window of [w, w - 1]) {
      const want = Buffer.from(this.codeOf(window));
      // Both compared, always: the answer's time says nothing of which one matched.
      if (got.length === want.length && timingSafeEqual(got, want)) ok = true;
    }
    return ok;
  }
}
