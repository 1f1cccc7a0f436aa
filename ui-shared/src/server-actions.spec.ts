import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { ServerActions } from './server-actions.svelte.ts';

const refusal = new ApiError(409, 'counter_taken', 'Quầy đã có người / The counter is taken');
const failed = (lang: 'vi' | 'en') => (lang === 'vi' ? 'Không thực hiện được.' : 'That did not work.');

describe('ServerActions', () => {
  it('runs one action: busy meanwhile, then the message shown and the list read again', async () => {
    let reads = 0;
    const s = new ServerActions(async () => reads++);
    let release!: () => void;
    const running = s.run(() => new Promise<void>((r) => (release = r)), 'Đã lưu');
    expect([s.busy, s.done, s.error]).toEqual([true, null, null]);
    release();
    expect(await running).toBe(true);
    expect([s.busy, s.done, s.error, reads]).toEqual([false, 'Đã lưu', null, 1]);
    expect(s.errorText('vi')).toBe('');
  });

  it("a server's refusal is shown in the reader's language, the fallback not used", async () => {
    const s = new ServerActions(undefined, failed);
    expect(await s.run(() => Promise.reject(refusal))).toBe(false);
    expect([s.busy, s.error?.code]).toEqual([false, 'counter_taken']);
    expect([s.errorText('vi'), s.errorText('en')]).toEqual(['Quầy đã có người', 'The counter is taken']);
  });

  it('a failure that is not an ApiError says the fallback, in either language', async () => {
    const s = new ServerActions(undefined, failed);
    expect(await s.run(() => Promise.reject(new TypeError('x is undefined')))).toBe(false);
    expect(s.error?.code).toBe('unreachable');
    expect([s.errorText('vi'), s.errorText('en')]).toEqual(['Không thực hiện được.', 'That did not work.']);
    // the next action starts clean, and a refusal after it is the server's words again
    await s.run(() => Promise.reject(refusal));
    expect(s.errorText('en')).toBe('The counter is taken');
    expect(await s.run(async () => {})).toBe(true);
    expect([s.error, s.errorText('vi')]).toEqual([null, '']);
  });

  it('without a fallback, such a failure is told as ApiError.from tells it', async () => {
    const s = new ServerActions();
    await s.run(() => Promise.reject(new Error('boom')));
    expect(s.errorText('vi')).toBe(ApiError.from(new Error('boom')).text('vi'));
  });
});
