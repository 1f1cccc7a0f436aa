/** One suite for the LED display driver: against the simulator in memory and over a pty pair. */
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPtyPair } from '../testing/socat.ts';
import { SerialLedDisplay } from './display.ts';
import { parseCommand } from './protocol.ts';
import { LedDisplaySimulator, memoryLine } from './simulator.ts';

type Rig = { sim: LedDisplaySimulator; open: () => Promise<import('node:stream').Duplex>; close(): Promise<void> };

const openPort = (path: string) =>
  new Promise<SerialPort>((resolve, reject) => {
    const p = new SerialPort({ path, baudRate: 9600, autoOpen: false });
    p.open((e) => (e ? reject(e) : resolve(p)));
  });

const rigs: Record<string, () => Promise<Rig>> = {
  memory: async () => {
    const [host, device] = memoryLine();
    const sim = new LedDisplaySimulator();
    sim.attach(device);
    return { sim, open: async () => host, close: async () => void device.destroy() };
  },
  'serial (socat pty)': async () => {
    const pty = await openPtyPair();
    const sim = new LedDisplaySimulator();
    const device = await openPort(pty.b);
    sim.attach(device);
    return {
      sim,
      open: () => openPort(pty.a),
      close: async () => {
        await new Promise<void>((r) => device.close(() => r()));
        await pty.close();
      },
    };
  },
};

describe('LED protocol', () => {
  it.each([
    ['#5:1023\r\n', { kind: 'show', counter: 5, text: '1023' }],
    ['#12:\r\n', { kind: 'show', counter: 12, text: '' }],
    ['?\r\n', { kind: 'ping' }],
    ['#5:123456789\r\n', { kind: 'error', reason: 'text' }],
    ['#5:ưu\r\n', { kind: 'error', reason: 'text' }],
    ['#0:1\r\n', { kind: 'error', reason: 'counter' }],
    ['5:1023\r\n', { kind: 'error', reason: 'syntax' }],
  ])('%j', (line, want) => expect(parseCommand(line)).toEqual(want));
});

describe.each(Object.keys(rigs))('LED display over %s', (name) => {
  let rig: Rig;
  let display: SerialLedDisplay;
  beforeEach(async () => {
    rig = await rigs[name]!();
    display = new SerialLedDisplay('led-5', 5, { open: rig.open, answerTimeoutMs: 300 });
  });
  afterEach(async () => {
    await display.close();
    await rig.close();
  });

  it('shows numbers in order and goes ok', async () => {
    const results = await Promise.all(['1023', 'a1024', ''].map((t) => display.show(t)));
    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(rig.sim.shown.get(5)).toBe('');
    expect(display.status().status).toBe('ok');
    expect(await display.ping()).toBe(true);
  });

  it('refuses text a segment display cannot show, without sending it', async () => {
    expect(await display.show('Số 12')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(rig.sim.shown.size).toBe(0);
  });

  it('reports offline when the display stops answering, and ok when it is back', async () => {
    rig.sim.silent = true;
    expect(await display.show('1')).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(display.status().status).toBe('offline');
    rig.sim.silent = false;
    expect(await display.show('2')).toEqual({ ok: true });
    expect(rig.sim.shown.get(5)).toBe('2');
    expect(display.status().status).toBe('ok');
  });
});
