import { describe, expect, it } from 'vitest';
import type { KeyPress } from '@mot-cua/hardware/keypad/keypad.ts';
import { KeypadBridge } from './keypad-bridge.ts';
import type { PostResult, QueueClient } from './queue-client.ts';

type Call = { path: string; token: string; body: unknown };

function rig(opts: { latencyMs?: number; status?: number } = {}) {
  const calls: Call[] = [];
  let now = 0;
  const client = {
    post: async (path: string, token: string, body: unknown): Promise<PostResult> => {
      calls.push({ path, token, body });
      if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
      const status = opts.status ?? 200;
      return status < 300 ? { ok: true, status, body: {} } : { ok: false, status, error: 'nope' };
    },
  } as unknown as QueueClient;
  const warnings: string[] = [];
  const bridge = new KeypadBridge({
    client,
    logger: { info: () => {}, warn: (m) => warnings.push(m) },
    tokenFor: (id) => ({ 'kp-1': 'demo-keypad-1', 'rt-1': 'demo-keypad-1' })[id],
    debounceMs: 800,
    services: async () => ['svc-a', 'svc-b', 'svc-c'],
    now: () => now,
  });
  const press = (key: KeyPress['key'], keypadId = 'kp-1', counterId = 'quay-1') =>
    bridge.press({ keypadId, counterId, kind: key.startsWith('rate-') ? 'rating' : 'calling', key });
  return { calls, warnings, press, advance: (ms: number) => (now += ms) };
}

describe('KeypadBridge', () => {
  it('maps each key to its counter route with the keypad token', async () => {
    const r = rig();
    for (const [key, path] of [
      ['next', 'call-next'],
      ['recall', 'current/recall'],
      ['finish', 'current/finish'],
      ['no-show', 'current/no-show'],
    ] as const) {
      expect(await r.press(key)).toBe('sent');
      expect(r.calls.at(-1)).toEqual({ path: `/api/v1/counters/quay-1/${path}`, token: 'demo-keypad-1', body: {} });
    }
    expect(await r.press('rate-2', 'rt-1')).toBe('sent');
    expect(r.calls.at(-1)).toEqual({ path: '/api/v1/counters/quay-1/rating', token: 'demo-keypad-1', body: { score: 2 } });
  });

  it('drops the same key again within the window, lets it through after, and lets other keys through', async () => {
    const r = rig();
    expect(await r.press('next')).toBe('sent');
    r.advance(300);
    expect(await r.press('next')).toBe('dropped');
    expect(await r.press('recall')).toBe('sent');
    r.advance(900);
    expect(await r.press('recall')).toBe('sent');
    expect(r.calls.map((c) => c.path.split('/').pop())).toEqual(['call-next', 'recall', 'recall']);
  });

  it('drops every press for a counter while its call is in flight', async () => {
    const r = rig({ latencyMs: 50 });
    const outcomes = await Promise.all([r.press('next'), r.press('recall'), r.press('finish'), r.press('next', 'kp-1', 'quay-1')]);
    expect(outcomes).toEqual(['sent', 'dropped', 'dropped', 'dropped']);
    expect(r.calls).toHaveLength(1);
  });

  it('transfers to the service whose number was typed, and refuses a transfer without one', async () => {
    const r = rig();
    expect(await r.press('transfer')).toBe('invalid');
    expect(r.warnings[0]).toMatch(/transfer needs a service number 1–3/);
    expect(await r.press('digit-3')).toBe('buffered');
    expect(await r.press('transfer')).toBe('sent');
    expect(r.calls.at(-1)).toEqual({ path: '/api/v1/counters/quay-1/current/transfer', token: 'demo-keypad-1', body: { serviceId: 'svc-c' } });
    r.advance(1000);
    await r.press('digit-9');
    expect(await r.press('transfer')).toBe('invalid');
  });

  it('reports a refused call as failed without throwing, and ignores keypads without a token', async () => {
    const r = rig({ status: 409 });
    expect(await r.press('finish')).toBe('failed');
    expect(await r.press('next', 'unknown-kp')).toBe('invalid');
  });
});
