import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { CHIP_READER_UNPLUGGED } from './device.ts';
import { PCSC_WARNING, PcscChipReader, loadPcsclite, resetPcscLoader, type PcscModule } from './pcsc.ts';

describe('PC/SC chip reader', () => {
  it('without the native module: one warning, the chip reader a warning part', async () => {
    resetPcscLoader();
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    const reader = new PcscChipReader('chip-1', { warn, loader: () => loadPcsclite(warn, () => Promise.reject(new Error('libpcsclite.so.1: cannot open'))) });
    await reader.start();
    const again = new PcscChipReader('chip-2', { warn, loader: () => loadPcsclite(warn, () => Promise.reject(new Error('x'))) });
    await again.start();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(PCSC_WARNING);
    expect(reader.status()).toMatchObject({ id: 'chip-1', kind: 'scanner', status: 'warning' });
    resetPcscLoader();
  });

  it('without pcscd (SCardEstablishContext fails): one warning for all readers, a warning part with why', async () => {
    resetPcscLoader();
    const warnings: string[] = [];
    const mod: PcscModule = () => {
      throw new Error('SCardEstablishContext error: Service not available.(0x8010001d)');
    };
    const reader = new PcscChipReader('chip-1', { warn: (m) => warnings.push(m), loader: async () => mod });
    await reader.start();
    await new PcscChipReader('chip-2', { warn: (m) => warnings.push(m), loader: async () => mod }).start();
    expect(warnings).toEqual([expect.stringContaining('0x8010001d')]);
    expect(reader.status()).toMatchObject({ status: 'warning', detail: expect.stringContaining('pcscd') });
  });

  it('with a reader: ok, and a card laid on it arrives as a transport that transmits through the reader', async () => {
    const pcsc = Object.assign(new EventEmitter(), { close() {} });
    const reader = new PcscChipReader('chip-1', { warn: () => {}, loader: async () => () => pcsc });
    await reader.start();
    const sent: Buffer[] = [];
    const r = Object.assign(new EventEmitter(), {
      name: 'ACS ACR1252 Dual Reader PICC 00 00',
      state: 0,
      SCARD_STATE_PRESENT: 0x20,
      SCARD_SHARE_SHARED: 2,
      SCARD_LEAVE_CARD: 0,
      connect: (_o: unknown, cb: (e: unknown, p: number) => void) => cb(null, 2),
      disconnect: (_d: number, cb: (e: unknown) => void) => cb(null),
      transmit: (d: Buffer, _n: number, _p: number, cb: (e: unknown, r: Buffer) => void) => {
        sent.push(d);
        cb(null, Buffer.from([0x90, 0x00]));
      },
      close() {},
    });
    pcsc.emit('reader', r);
    expect(reader.status()).toMatchObject({ status: 'ok', detail: 'ACS ACR1252 Dual Reader PICC 00 00' });
    const card = new Promise<{ transmit(a: Uint8Array): Promise<Uint8Array> }>((res) => reader.once('card', res));
    r.emit('status', { state: 0x20 });
    const t = await card;
    expect(Buffer.from(await t.transmit(Buffer.from('00A4040C07A0000002471001', 'hex'))).toString('hex')).toBe('9000');
    expect(sent[0]!.toString('hex')).toBe('00a4040c07a0000002471001');
  });

  it('a reader pulled out is a warning part (the kiosk still scans QR and MRZ); plugged back, ok again', async () => {
    const pcsc = Object.assign(new EventEmitter(), { close() {} });
    const reader = new PcscChipReader('chip-1', { warn: () => {}, loader: async () => () => pcsc });
    await reader.start();
    expect(reader.status()).toMatchObject({ kind: 'scanner', status: 'warning', detail: expect.stringContaining('no chip reader found') });
    const seen: string[] = [];
    reader.on('status', (p) => seen.push(`${p.status}: ${p.detail}`));
    const plugIn = () => Object.assign(new EventEmitter(), { name: 'ACS ACR122U PICC Interface', state: 0, SCARD_STATE_PRESENT: 0x20, SCARD_SHARE_SHARED: 2, SCARD_LEAVE_CARD: 0, close() {} });
    const first = plugIn();
    pcsc.emit('reader', first);
    first.emit('end');
    expect(reader.status()).toMatchObject({ kind: 'scanner', status: 'warning', detail: CHIP_READER_UNPLUGGED });
    pcsc.emit('reader', plugIn());
    expect(seen).toEqual(['ok: ACS ACR122U PICC Interface', `warning: ${CHIP_READER_UNPLUGGED}`, 'ok: ACS ACR122U PICC Interface']);
  });
});
