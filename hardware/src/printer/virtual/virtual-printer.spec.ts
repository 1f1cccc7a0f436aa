/**
 * One suite, two connections: the driver (EscPosPrinter) talks to the virtual printer over TCP
 * 9100-style and over a serial line (a socat pty pair), and every assertion is on what the
 * virtual printer decoded and wrote to disk.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bitmapsEqual, fromPng } from '../bitmap.ts';
import { SAMPLE_TICKET } from '../fixtures.ts';
import { renderOptionsFor } from '../models.ts';
import { EscPosPrinter } from '../printer.ts';
import { rasterParts } from '../render.ts';
import { ticketLayout } from '../ticket.ts';
import { SerialTransport } from '../transport/serial.ts';
import { TcpTransport } from '../transport/tcp.ts';
import type { PrinterTransport } from '../transport/transport.ts';
import { openPtyPair } from '../../testing/socat.ts';
import { VirtualPrinter } from './virtual-printer.ts';

type Rig = { vp: VirtualPrinter; transport: PrinterTransport; close(): Promise<void> };

const rigs: Record<string, (dataDir: string) => Promise<Rig>> = {
  tcp: async (dataDir) => {
    const vp = new VirtualPrinter({ dataDir, paperWidth: 80 });
    const { port } = await vp.listenTcp(0);
    return { vp, transport: new TcpTransport(`127.0.0.1:${port}`, 1000), close: () => vp.close() };
  },
  'serial (socat pty)': async (dataDir) => {
    const pty = await openPtyPair();
    const vp = new VirtualPrinter({ dataDir, paperWidth: 80 });
    await vp.openSerial(pty.b);
    return {
      vp,
      transport: new SerialTransport(pty.a, 115200),
      close: async () => {
        await vp.close();
        await pty.close();
      },
    };
  },
};

describe.each(Object.keys(rigs))('virtual printer over %s', (name) => {
  let dir: string;
  let rig: Rig;
  let printer: EscPosPrinter;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vp-'));
    rig = await rigs[name]!(dir);
  });
  afterEach(async () => {
    await printer?.close();
    await rig.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints a code page 1258 ticket whose Vietnamese reads back exactly from the .txt', async () => {
    printer = new EscPosPrinter('printer', rig.transport, { paperWidth: 80, textMode: 'cp1258' }, 800);
    expect(await printer.status()).toBe('ok');
    expect(await printer.print(SAMPLE_TICKET)).toEqual({ ok: true });
    await rig.vp.idle();
    expect(rig.vp.printed).toHaveLength(1);
    const p = rig.vp.printed[0]!;
    const txt = await readFile(p.txtPath, 'utf8');
    for (const b of ticketLayout(SAMPLE_TICKET)) {
      if (b.kind === 'text' && b.style !== 'large') expect(txt.replace(/\n/g, ' ')).toContain(b.text);
    }
    expect(txt).toContain('Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh'.toLocaleUpperCase('vi'));
    expect(txt).toContain('Ỷ Ữ ẵ ặ ỗ ợ ự ỹ Đ');
    expect(p.qr).toEqual([SAMPLE_TICKET.statusUrl]);
    const png = fromPng(await readFile(p.pngPath));
    expect(png.width).toBe(576);
    expect(png.data.some((d) => d === 1)).toBe(true);
  });

  it('prints a raster ticket: images equal a fresh rendering, QR is the status URL', async () => {
    printer = new EscPosPrinter('printer', rig.transport, { paperWidth: 80, textMode: 'raster' }, 800);
    expect(await printer.print(SAMPLE_TICKET)).toEqual({ ok: true });
    await rig.vp.idle();
    const p = rig.vp.printed[0]!;
    const images = p.decoded.items.flatMap((i) => (i.kind === 'image' ? [i.bitmap] : []));
    const expected = rasterParts(ticketLayout(SAMPLE_TICKET), 80).flatMap((x) => (x.kind === 'image' ? [x.bitmap] : []));
    expect(images.length).toBe(expected.length);
    images.forEach((img, k) => expect(bitmapsEqual(img, expected[k]!)).toBe(true));
    expect(p.qr).toEqual([SAMPLE_TICKET.statusUrl]);
    expect((await stat(p.pngPath)).size).toBeGreaterThan(0);
  });

  it.each(['paper_out', 'cover_open'] as const)('reports %s and prints nothing', async (state) => {
    printer = new EscPosPrinter('printer', rig.transport, { paperWidth: 80, textMode: 'cp1258' }, 800);
    rig.vp.setState(state);
    expect(await printer.status()).toBe(state);
    const r = await printer.print(SAMPLE_TICKET);
    expect(r).toMatchObject({ ok: false, error: { code: state } });
    await rig.vp.idle();
    expect(rig.vp.printed).toHaveLength(0);
    rig.vp.setState('ok');
    expect(await printer.print(SAMPLE_TICKET)).toEqual({ ok: true });
    await rig.vp.idle();
    expect(rig.vp.printed).toHaveLength(1);
  });

  it('reports offline when the printer goes silent, and recovers when it returns', async () => {
    printer = new EscPosPrinter('printer', rig.transport, { paperWidth: 80, textMode: 'cp1258' }, 500);
    expect(await printer.print(SAMPLE_TICKET)).toEqual({ ok: true });
    rig.vp.setState('offline');
    expect(await printer.print(SAMPLE_TICKET)).toMatchObject({ ok: false, error: { code: 'offline' } });
    rig.vp.setState('ok');
    expect(await printer.print({ ...SAMPLE_TICKET, number: 'A1024' })).toEqual({ ok: true });
    await rig.vp.idle();
    expect(rig.vp.printed.map((p) => p.decoded.items.some((i) => i.kind === 'text' && i.text === 'A1024'))).toEqual([false, true]);
  });
});

describe('TCP printer that is not there', () => {
  it('is offline, without throwing', async () => {
    const printer = new EscPosPrinter('printer', new TcpTransport('127.0.0.1:1', 500), { paperWidth: 58, textMode: 'cp1258' }, 300);
    expect(await printer.status()).toBe('offline');
    expect(await printer.print(SAMPLE_TICKET)).toMatchObject({ ok: false, error: { code: 'offline' } });
  });
});

describe('virtual printer behaving like Chinese clone firmware (page 94, double-byte at start, marks in own cells)', () => {
  it('prints a zjiang-model ticket whose lines fit the 58 mm paper and whose words read back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vp-'));
    const vp = new VirtualPrinter({ dataDir: dir, paperWidth: 58, cp1258Page: 94, marksInOwnCell: true, doubleByteAtStart: true });
    const { port } = await vp.listenTcp(0);
    const printer = new EscPosPrinter('printer', new TcpTransport(`127.0.0.1:${port}`, 1000), renderOptionsFor({ model: 'zjiang' }, 58), 800);
    try {
      expect(await printer.print(SAMPLE_TICKET)).toEqual({ ok: true });
      await vp.idle();
      const p = vp.printed[0]!;
      const lines = p.decoded.items.flatMap((i) => (i.kind === 'text' && i.text !== '' ? [i] : []));
      expect(lines.filter((l) => l.cells * l.width > 32)).toEqual([]);
      expect(p.text.replace(/\u00A0(\p{M})/gu, '$1').normalize('NFC').replace(/\n/g, ' ')).toContain('Số người chờ trước quý vị: 7');
      expect(p.qr).toEqual([SAMPLE_TICKET.statusUrl]);
    } finally {
      await printer.close();
      await vp.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
