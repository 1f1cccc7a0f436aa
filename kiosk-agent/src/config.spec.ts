import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printerSchema } from '@mot-cua/config/schema.ts';
import { renderOptionsFor } from '@mot-cua/hardware/printer/models.ts';
import { loadAgentConfig, simulatedConfig, simulatedParts } from './config.ts';
import { parseAgentConfig } from './config-schema.ts';

describe('agent config', () => {
  it('simulates six counters with calling and rating keypads and displays', () => {
    const c = simulatedConfig();
    // The demo's virtual printer is an Epson: WPC1258 at 52.
    expect(c.printer).toMatchObject({ kind: 'simulator', paperWidth: 80, model: 'epson', textMode: 'cp1258' });
    expect(renderOptionsFor(c.printer, c.printer.paperWidth)).toMatchObject({ textMode: 'cp1258', codePage: 52 });
    expect(c.keypads.filter((k) => k.kind === 'calling').map((k) => [k.counterId, k.token])).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => [`quay-${n}`, `demo-keypad-${n}`]),
    );
    expect(c.displays.map((d) => d.counter)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reads a real-device YAML file, with hex USB ids and a custom key map', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'agentcfg-'));
    const file = join(dir, 'agent.yaml');
    await writeFile(
      file,
      `printer: { kind: tcp, address: "192.168.1.50:9100", paperWidth: 58, textMode: raster }
scanners: [{ id: scanner-1, kind: serial, path: /dev/ttyACM0, baudRate: 115200 }]
keypads:
  - { id: keypad-1, kind: calling, driver: hid, counterId: quay-1, token: demo-keypad-1, vendorId: "0x0c45", productId: "0x7403" }
keypadModels:
  - { name: Numpad X, kind: calling, vendorId: "0x0c45", productId: "0x7403", keys: { "88": next, "87": recall } }
displays: [{ id: led-1, driver: serial, counterId: quay-1, counter: 1, path: /dev/ttyUSB0 }]
`,
    );
    const c = await loadAgentConfig(file);
    expect(c.printer).toMatchObject({ kind: 'tcp', address: '192.168.1.50:9100', paperWidth: 58, textMode: 'raster' });
    expect(c.keypads[0]).toMatchObject({ vendorId: 0x0c45, productId: 0x7403, driver: 'hid' });
    expect(c.keypadModels[0]!.keys).toEqual({ '88': 'next', '87': 'recall' });
    await writeFile(file, 'printer: { kind: laser }\n');
    await expect(loadAgentConfig(file)).rejects.toThrow(/printer\.kind/);
    await rm(dir, { recursive: true });
  });

  it('defaults the printer model as the centre config does: an unknown model, printed as raster', () => {
    const agent = parseAgentConfig({ printer: { kind: 'usb', address: '/dev/usb/lp0' } }, 'test').printer;
    const centre = printerSchema.parse({});
    const setting = (p: { model?: string; textMode?: string; codePage?: number }) => ({ model: p.model, textMode: p.textMode, codePage: p.codePage });
    expect(setting(agent)).toEqual(setting(centre));
    // The connection has no default: the centre's is the demo's simulator, a file describes real devices.
    expect(agent).toMatchObject({ model: 'generic', paperWidth: centre.paperWidth, kind: 'usb' });
    expect(renderOptionsFor(agent, agent.paperWidth).textMode).toBe('raster');
  });

  it('takes a model, a raw code page override, and refuses an unknown model', () => {
    const printer = (p: object) => ({ printer: { kind: 'tcp', address: '10.0.0.9', ...p } });
    expect(parseAgentConfig(printer({ model: 'xprinter', codePage: 27 }), 'test').printer).toMatchObject({ model: 'xprinter', codePage: 27 });
    expect(() => parseAgentConfig(printer({ model: 'laser' }), 'test')).toThrow(/printer\.model/);
  });

  describe('a file describes real devices: nothing defaults to a simulator', () => {
    const printer = { kind: 'tcp', address: '192.168.1.50' };
    const keypad = { id: 'keypad-1', kind: 'calling', counterId: 'quay-1', token: 't' };

    it('leaving out scanners means no scanner', () => {
      const c = parseAgentConfig({ printer }, 'agent.yaml');
      expect(c.scanners).toEqual([]);
      expect(simulatedParts(c)).toEqual([]);
    });

    it('a keypad or display without a driver, or no printer, is an error naming its path', () => {
      expect(() => parseAgentConfig({ printer, keypads: [{ ...keypad, driver: 'hid' }, keypad] }, 'agent.yaml')).toThrow(
        /^AGENT_CONFIG agent\.yaml: keypads\[1\]\.driver: bắt buộc \/ required: the keypad's driver \(hid\)$/,
      );
      expect(() => parseAgentConfig({ printer, displays: [{ id: 'led-1', counterId: 'quay-1', counter: 1 }] }, 'a.yaml')).toThrow(/displays\[0\]\.driver: .*required.*\(serial\)/);
      expect(() => parseAgentConfig({}, 'a.yaml')).toThrow(/printer: .*required: the ticket printer/);
      expect(() => parseAgentConfig({ printer: { address: 'x' } }, 'a.yaml')).toThrow(/printer\.kind: .*required.*\(tcp \| serial \| usb\)/);
    });

    it('refuses an explicit simulator: those come only with AGENT_SIMULATE=1', () => {
      const raw = {
        printer: { kind: 'simulator' },
        scanners: [{ id: 's', kind: 'simulator' }],
        keypads: [{ ...keypad, driver: 'simulator' }],
        displays: [{ id: 'led-1', driver: 'simulator', counterId: 'quay-1', counter: 1 }],
        chipReaders: [{ id: 'chip-1', driver: 'simulator' }],
      };
      expect(() => parseAgentConfig(raw, 'a.yaml')).toThrow(
        /printer\.kind: "simulator" .*AGENT_SIMULATE=1.*; scanners\[0\]\.kind: .*; keypads\[0\]\.driver: .*; displays\[0\]\.driver: .*; chipReaders\[0\]\.driver: /,
      );
      // printer, scanner, 12 keypads, 6 displays and the chip reader
      expect(simulatedParts(simulatedConfig())).toHaveLength(1 + 1 + 12 + 6 + 1);
    });
  });
});
