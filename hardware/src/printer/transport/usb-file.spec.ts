import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_TICKET } from '../fixtures.ts';
import { EscPosPrinter } from '../printer.ts';
import { EscPosDecoder, type DecodedTicket } from '../virtual/decoder.ts';
import { UsbFileTransport } from './usb-file.ts';

describe('USB printer device file', () => {
  it('writes the whole job to the device file, which decodes to the ticket', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lp-'));
    const dev = join(dir, 'lp0');
    await writeFile(dev, '');
    const printer = new EscPosPrinter('usb', new UsbFileTransport(dev), { paperWidth: 58, textMode: 'cp1258' });
    expect(await printer.status()).toBe('ok');
    expect(await printer.print(SAMPLE_TICKET)).toEqual({ ok: true });
    const got: DecodedTicket[] = [];
    new EscPosDecoder({ ticket: (t) => got.push(t), statusQuery: () => {} }).push(await readFile(dev));
    expect(got).toHaveLength(1);
    expect(got[0]!.items.some((i) => i.kind === 'text' && i.text === 'A1023')).toBe(true);
    await rm(dir, { recursive: true });
  });

  it('is offline when the device file is missing', async () => {
    const printer = new EscPosPrinter('usb', new UsbFileTransport('/nonexistent/usb/lp9'), { paperWidth: 58, textMode: 'cp1258' });
    expect(await printer.status()).toBe('offline');
    expect(await printer.print(SAMPLE_TICKET)).toMatchObject({ ok: false, error: { code: 'offline' } });
  });
});
