/** One suite for every scanner: the in-process simulator and the serial driver over a pty pair. */
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPtyPair } from '../testing/socat.ts';
import type { ScanEvent } from './classify.ts';
import { SimulatedScanner, type Scanner } from './scanner.ts';
import { SerialScanner } from './serial-scanner.ts';

type Rig = { scanner: Scanner; send(bytes: Uint8Array): Promise<void>; close(): Promise<void> };

const rigs: Record<string, () => Promise<Rig>> = {
  simulator: async () => {
    const scanner = new SimulatedScanner('scanner-sim');
    return {
      scanner,
      send: async (b) => scanner.injectBytes(b),
      close: () => scanner.close(),
    };
  },
  'serial (socat pty)': async () => {
    const pty = await openPtyPair();
    const scanner = new SerialScanner('scanner-serial', { path: pty.a, baudRate: 115200 });
    await scanner.start();
    const device = new SerialPort({ path: pty.b, baudRate: 115200, autoOpen: false });
    await new Promise<void>((r, j) => device.open((e) => (e ? j(e) : r())));
    return {
      scanner,
      send: (b) => new Promise<void>((r, j) => device.write(Buffer.from(b), (e) => (e ? j(e) : device.drain(() => r())))),
      close: async () => {
        await scanner.close();
        await new Promise<void>((r) => device.close(() => r()));
        await pty.close();
      },
    };
  },
};

const enc = (s: string) => new TextEncoder().encode(s);
const QR = '079090012345|123456789|Nguyễn Thị Hồng Nhung|15031990|Nữ|Số 12 Lý Thường Kiệt, Hà Nội|10082021';

function nextScans(s: Scanner, n: number): Promise<ScanEvent[]> {
  return new Promise((resolve) => {
    const got: ScanEvent[] = [];
    const on = (e: ScanEvent) => {
      got.push(e);
      if (got.length === n) {
        s.off('scan', on);
        resolve(got);
      }
    };
    s.on('scan', on);
  });
}

describe.each(Object.keys(rigs))('scanner: %s', (name) => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await rigs[name]!();
  });
  afterEach(async () => {
    await rig.close();
  });

  it('is ok once started', () => {
    expect(rig.scanner.status()).toMatchObject({ kind: 'scanner', status: 'ok' });
  });

  it('reads a CCCD QR sent in pieces, even split inside a Vietnamese letter', async () => {
    const scans = nextScans(rig.scanner, 1);
    const bytes = enc(QR.normalize('NFD') + '\r\n');
    const cut = bytes.indexOf(0xcc) + 1; // inside a two-byte combining mark
    await rig.send(bytes.subarray(0, cut));
    await rig.send(bytes.subarray(cut));
    const [e] = await scans;
    expect(e).toMatchObject({ source: 'qr', error: null, cccd: { fullName: 'Nguyễn Thị Hồng Nhung', gender: 'Nữ', idLast4: '2345' } });
  });

  it('keeps the three lines of an MRZ together', async () => {
    const scans = nextScans(rig.scanner, 1);
    await rig.send(enc('I<UTOD231458907<<<<<<<<<<<<<<<\r7408122F1204159UTO<<<<<<<<<<<6\rERIKSSON<<ANNA<MARIA<<<<<<<<<<\r'));
    expect((await scans)[0]).toMatchObject({ source: 'mrz', error: null, cccd: { fullName: 'ERIKSSON ANNA MARIA' } });
  });

  it('turns a bad scan into a typed error and keeps going', async () => {
    const scans = nextScans(rig.scanner, 2);
    await rig.send(enc('079090012345|123456789|Nguyễn A|31021990|Nữ|Hà Nội|10082021\r\n'));
    await new Promise((r) => setTimeout(r, 150));
    await rig.send(enc('261120-HT01-0007\r\n'));
    const [bad, good] = await scans;
    expect(bad).toMatchObject({ source: 'qr', cccd: null, error: { code: 'date_of_birth' } });
    expect(good).toMatchObject({ source: 'barcode', raw: '261120-HT01-0007', error: null });
  });
});

describe('serial scanner without its port', () => {
  it('reports offline instead of throwing', async () => {
    const s = new SerialScanner('scanner-missing', { path: '/dev/does-not-exist', retryMs: 60_000 });
    await s.start();
    expect(s.status()).toMatchObject({ status: 'offline' });
    await s.close();
  });
});
