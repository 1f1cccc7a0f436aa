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

describe('reason keys on the rating keypad (issue 16.5)', () => {
  async function reasonRig(reasons: string[] | null) {
    const { SimulatedKeypad } = await import('@mot-cua/hardware/keypad/keypad.ts');
    const { findModel, hasReasonKeys } = await import('@mot-cua/hardware/keypad/keymap.ts');
    const model = findModel(0x1209, 0x0003, 'rating');
    expect(hasReasonKeys(model)).toBe(true);
    const calls: Call[] = [];
    const client = { post: async (path: string, token: string, body: unknown): Promise<PostResult> => (calls.push({ path, token, body }), { ok: true, status: 201, body: {} }) } as unknown as QueueClient;
    const bridge = new KeypadBridge({
      client,
      logger: { info: () => {}, warn: () => {} },
      tokenFor: () => 'demo-keypad-2',
      debounceMs: 800,
      services: async () => [],
      reasonsOf: async () => reasons,
      satisfiedScores: async () => [3, 4],
      reasonWindowMs: 50,
    });
    const kp = new SimulatedKeypad('rating-2', 'quay-2', model);
    const outcomes: Promise<string>[] = [];
    kp.on('key', (p) => outcomes.push(bridge.press(p)));
    /** The device's boot-keyboard report with one usage down, then all keys up. */
    const tap = async (usage: number) => {
      kp.report(Uint8Array.of(0, 0, usage, 0, 0, 0, 0, 0));
      kp.report(new Uint8Array(8));
      return outcomes.at(-1);
    };
    return { calls, bridge, tap };
  }

  it('a not-satisfied score, then reason keys (the device bytes of keys 5 and 7), make one rating with those reasons', async () => {
    const r = await reasonRig(['cho-lau', 'thai-do', 'huong-dan', 'thieu-giay-to']);
    expect(await r.tap(0x1f)).toBe('buffered'); // key 2: "Bình thường"… score 2, not satisfied
    expect(await r.tap(0x22)).toBe('buffered'); // key 5: reason-1
    expect(await r.tap(0x24)).toBe('buffered'); // key 7: reason-3
    expect(await r.tap(0x22)).toBe('buffered'); // pressed again: once
    expect(r.calls).toEqual([]);
    expect(await r.bridge.settled('rating-2')).toBe('sent');
    expect(r.calls).toEqual([{ path: '/api/v1/counters/quay-2/rating', token: 'demo-keypad-2', body: { score: 2, reasons: ['cho-lau', 'huong-dan'] } }]);
  });

  it('a satisfied score goes at once; a reason key with no score waiting does nothing; a lone not-satisfied score goes without reasons', async () => {
    const r = await reasonRig(['cho-lau', 'thai-do']);
    expect(await r.tap(0x21)).toBe('sent'); // key 4: score 4
    expect(r.calls.at(-1)?.body).toEqual({ score: 4 });
    expect(await r.tap(0x23)).toBe('invalid'); // key 6 alone
    expect(await r.tap(0x1e)).toBe('buffered'); // key 1: score 1
    expect(await r.tap(0x25)).toBe('invalid'); // key 8 = reason-4: this keypad names only two reasons
    expect(await r.bridge.settled('rating-2')).toBe('sent');
    expect(r.calls.at(-1)?.body).toEqual({ score: 1 });
    expect(r.calls).toHaveLength(2);
  });

  it('a keypad whose model has no reason keys rates a not-satisfied score at once, as before', async () => {
    const r = await reasonRig(null);
    expect(await r.tap(0x1f)).toBe('sent');
    expect(r.calls.at(-1)?.body).toEqual({ score: 2 });
  });
});
