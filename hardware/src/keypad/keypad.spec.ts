import { afterEach, describe, expect, it, vi } from 'vitest';
import { HidKeypad } from './hid-keypad.ts';
import { HID_WARNING, loadNodeHid, resetNodeHidLoader } from './hid-loader.ts';
import { findModel, KEYPAD_MODELS, newlyPressed, type KeypadKey } from './keymap.ts';
import { SimulatedKeypad, type KeyPress } from './keypad.ts';

const calling = findModel(0x1209, 0x0001, 'calling');
const rating = findModel(0x1209, 0x0002, 'rating');

function collect(k: SimulatedKeypad): KeyPress[] {
  const got: KeyPress[] = [];
  k.on('key', (e) => got.push(e));
  return got;
}

describe('key maps', () => {
  it('give every calling action and digit a key, and four rating keys', () => {
    const callingKeys: KeypadKey[] = ['next', 'recall', 'no-show', 'finish', 'transfer', ...[...'0123456789'].map((d) => `digit-${d}` as KeypadKey)];
    expect(new Set(Object.values(calling.keys))).toEqual(new Set(callingKeys));
    expect(Object.values(rating.keys).sort()).toEqual(['rate-1', 'rate-2', 'rate-3', 'rate-4']);
  });

  it('fall back to the reference map of the kind for an unknown model, and prefer config models', () => {
    expect(findModel(0xdead, 0xbeef, 'rating')).toBe(rating);
    const custom = { ...KEYPAD_MODELS[0]!, name: 'custom', vendorId: 0x0c45, productId: 0x7403 };
    expect(findModel(0x0c45, 0x7403, 'calling', [custom]).name).toBe('custom');
  });

  it('decode newly pressed keys from boot reports, with or without a report id', () => {
    expect(newlyPressed(new Uint8Array(8), Uint8Array.of(0, 0, 0x58, 0, 0, 0, 0, 0))).toEqual([0x58]);
    expect(newlyPressed(Uint8Array.of(0, 0, 0x58, 0, 0, 0, 0, 0), Uint8Array.of(0, 0, 0x58, 0x57, 0, 0, 0, 0))).toEqual([0x57]);
    expect(newlyPressed(new Uint8Array(8), Uint8Array.of(1, 0, 0, 0x59, 0, 0, 0, 0, 0))).toEqual([0x59]);
    expect(newlyPressed(new Uint8Array(8), Uint8Array.of(0, 0, 1, 1, 1, 1, 1, 1))).toEqual([]);
  });
});

describe.each([
  ['calling', calling, 'counter-3', ['next', 'recall', 'no-show', 'finish', 'digit-2', 'transfer'] as KeypadKey[]],
  ['rating', rating, 'counter-5', ['rate-1', 'rate-2', 'rate-3', 'rate-4'] as KeypadKey[]],
])('simulated %s keypad', (_kind, model, counterId, keys) => {
  it('emits one event per press, tagged with its counter', () => {
    const k = new SimulatedKeypad('kp', counterId, model);
    const got = collect(k);
    for (const key of keys) expect(k.press(key)).toBe(true);
    expect(got.map((g) => g.key)).toEqual(keys);
    expect(got.every((g) => g.counterId === counterId && g.kind === model.kind)).toBe(true);
  });

  it('ignores a held key (no auto-repeat) and keys that are not in the map', () => {
    const k = new SimulatedKeypad('kp', counterId, model);
    const got = collect(k);
    const usage = Number(Object.keys(model.keys)[0]);
    const down = Uint8Array.of(0, 0, usage, 0, 0, 0, 0, 0);
    k.report(down);
    k.report(down);
    k.report(Uint8Array.of(0, 0, usage, 0x04, 0, 0, 0, 0)); // 'a' is on no keypad
    k.report(new Uint8Array(8));
    expect(got).toHaveLength(1);
    expect(k.press(model.kind === 'calling' ? 'rate-1' : 'next')).toBe(false);
  });
});

describe('node-hid loading', () => {
  afterEach(() => resetNodeHidLoader());

  it('warns exactly once when node-hid cannot load, and keypads report an error instead of throwing', async () => {
    resetNodeHidLoader();
    const warn = vi.fn();
    await loadNodeHid(warn, () => Promise.reject(new Error('libusb-1.0.so.0: cannot open shared object file')));
    const a = new HidKeypad('kp-a', 'counter-1', calling, { warn, retryMs: 60_000 });
    const b = new HidKeypad('kp-b', 'counter-2', rating, { warn, retryMs: 60_000 });
    await a.start();
    await b.start();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain(HID_WARNING);
    expect(a.status()).toMatchObject({ kind: 'keypad', status: 'error' });
    expect(b.status()).toMatchObject({ status: 'error' });
    await a.close();
    await b.close();
  });

  it('reports a keypad that is not plugged in as offline', async () => {
    resetNodeHidLoader();
    const warn = vi.fn();
    const k = new HidKeypad('kp', 'counter-1', calling, { warn, retryMs: 60_000, path: '/dev/hidraw-none' });
    await k.start();
    expect(k.status().status === 'offline' || k.status().status === 'error').toBe(true);
    await k.close();
  });
});
