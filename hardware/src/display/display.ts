/**
 * An LED counter display on a serial line, speaking the protocol of `protocol.ts`. The same
 * driver talks to a real display, to the simulator over a pty pair, or to the simulator in
 * memory (the agent's simulation mode).
 */
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import type { PartStatus } from '../device.ts';
import { formatShow, validText } from './protocol.ts';

export type ShowResult = { ok: true } | { ok: false; error: { code: 'offline' | 'refused' | 'invalid'; message: string } };

export interface LedDisplay extends EventEmitter<{ status: [PartStatus] }> {
  readonly id: string;
  readonly counter: number;
  show(text: string): Promise<ShowResult>;
  status(): PartStatus;
  close(): Promise<void>;
}

export type SerialDisplayOptions = { open: () => Promise<Duplex>; answerTimeoutMs?: number };

export class SerialLedDisplay extends EventEmitter<{ status: [PartStatus] }> implements LedDisplay {
  private stream: Duplex | null = null;
  private pending: ((line: string | null) => void) | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private rx = '';
  private current: PartStatus;

  constructor(
    readonly id: string,
    readonly counter: number,
    private readonly opts: SerialDisplayOptions,
  ) {
    super();
    this.current = { id, kind: 'display', status: 'offline', detail: 'chưa kết nối / not connected yet' };
  }

  status(): PartStatus {
    return this.current;
  }

  private setStatus(status: PartStatus['status'], detail?: string): void {
    if (this.current.status === status && this.current.detail === detail) return;
    this.current = { id: this.id, kind: 'display', status, ...(detail ? { detail } : {}) };
    this.emit('status', this.current);
  }

  private async connection(): Promise<Duplex> {
    if (this.stream) return this.stream;
    const s = await this.opts.open();
    s.on('data', (chunk: Buffer) => {
      this.rx += chunk.toString('latin1');
      let i: number;
      while ((i = this.rx.indexOf('\n')) >= 0) {
        const line = this.rx.slice(0, i).replace(/\r$/, '');
        this.rx = this.rx.slice(i + 1);
        const p = this.pending;
        this.pending = null;
        p?.(line);
      }
    });
    const drop = () => {
      if (this.stream === s) this.stream = null;
      this.pending?.(null);
      this.pending = null;
    };
    s.on('close', drop);
    s.on('error', drop);
    this.stream = s;
    return s;
  }

  private async exchange(line: string): Promise<string | null> {
    let s: Duplex;
    try {
      s = await this.connection();
    } catch {
      return null;
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending = null;
        resolve(null);
      }, this.opts.answerTimeoutMs ?? 500);
      this.pending = (answer) => {
        clearTimeout(timer);
        resolve(answer);
      };
      s.write(line, 'latin1');
    });
  }

  /** Lines go out one at a time; a silent display gets the line once more. */
  show(text: string): Promise<ShowResult> {
    const run = async (): Promise<ShowResult> => {
      const t = text.toUpperCase();
      if (!validText(t)) {
        return { ok: false, error: { code: 'invalid', message: `Không hiển thị được "${text}" / Cannot show "${text}"` } };
      }
      const line = formatShow(this.counter, t);
      const answer = (await this.exchange(line)) ?? (await this.exchange(line));
      if (answer === null) {
        this.setStatus('offline', 'không trả lời / not answering');
        return { ok: false, error: { code: 'offline', message: 'Bảng LED không trả lời / The LED display does not answer' } };
      }
      this.setStatus('ok');
      if (answer.startsWith('OK')) return { ok: true };
      return { ok: false, error: { code: 'refused', message: `Bảng LED từ chối: ${answer} / The LED display refused: ${answer}` } };
    };
    const next = this.queue.then(run, run);
    this.queue = next;
    return next;
  }

  async ping(): Promise<boolean> {
    const answer = await this.exchange('?\r\n');
    this.setStatus(answer?.startsWith('OK') ? 'ok' : 'offline', answer ? undefined : 'không trả lời / not answering');
    return answer?.startsWith('OK') ?? false;
  }

  async close(): Promise<void> {
    const s = this.stream;
    this.stream = null;
    s?.destroy();
  }
}
