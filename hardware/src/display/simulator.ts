/**
 * A simulated LED display: reads protocol lines from a stream (a pty end or an in-memory pair),
 * answers them, and remembers what each counter shows. `silent` makes it stop answering, like
 * a display that lost power.
 */
import { EventEmitter } from 'node:events';
import { Duplex, PassThrough } from 'node:stream';
import { parseCommand } from './protocol.ts';

export class LedDisplaySimulator extends EventEmitter<{ shown: [{ counter: number; text: string }] }> {
  readonly shown = new Map<number, string>();
  silent = false;
  private rx = '';

  attach(stream: Duplex): void {
    stream.on('data', (chunk: Buffer) => {
      this.rx += chunk.toString('latin1');
      let i: number;
      while ((i = this.rx.indexOf('\n')) >= 0) {
        const line = this.rx.slice(0, i);
        this.rx = this.rx.slice(i + 1);
        if (this.silent) continue;
        const c = parseCommand(line);
        if (c.kind === 'error') stream.write(`ERR ${c.reason}\r\n`);
        else if (c.kind === 'ping') stream.write('OK MOTCUA-LED-SIM\r\n');
        else {
          this.shown.set(c.counter, c.text);
          stream.write('OK\r\n');
          this.emit('shown', { counter: c.counter, text: c.text });
        }
      }
    });
    stream.on('error', () => {});
  }
}

/** Two ends of an in-memory serial line. */
export function memoryLine(): [Duplex, Duplex] {
  const ab = new PassThrough();
  const ba = new PassThrough();
  const ends: [Duplex, Duplex] = [Duplex.from({ readable: ba, writable: ab }), Duplex.from({ readable: ab, writable: ba })];
  // Closing one end aborts the shared pipes; that is a hang-up, not a crash.
  for (const s of [ab, ba, ...ends]) s.on('error', () => {});
  return ends;
}
