import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serial-queue.ts';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SerialQueue', () => {
  it('never runs two jobs at once and keeps their order', async () => {
    const log: string[] = [];
    let active = 0;
    let maxActive = 0;
    const q = new SerialQueue<string>(async (s) => {
      active++;
      maxActive = Math.max(maxActive, active);
      log.push(`start ${s}`);
      await tick(5);
      log.push(`end ${s}`);
      active--;
    });
    q.push('a');
    q.push('b');
    await tick(1);
    q.push('c');
    await q.idle();
    expect(maxActive).toBe(1);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('goes on after a job fails', async () => {
    const done: number[] = [];
    const q = new SerialQueue<number>(async (n) => {
      if (n === 1) throw new Error('speech failed');
      done.push(n);
    });
    q.push(1);
    q.push(2);
    await q.idle();
    expect(done).toEqual([2]);
  });

  it('clears jobs that have not started', async () => {
    const done: number[] = [];
    const q = new SerialQueue<number>(async (n) => {
      await tick(5);
      done.push(n);
    });
    q.push(1);
    q.push(2);
    q.push(3);
    q.clear((n) => n === 2);
    expect(q.pending).toBe(1);
    await q.idle();
    expect(done).toEqual([1, 3]);
  });
});
