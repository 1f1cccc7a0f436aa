import { describe, expect, it } from 'vitest';
import { CHIP_READER_UNPLUGGED, SimulatedChipReader, VirtualChip, bacInputFromMrz, makeChipPki, parseCccdQr, redactScan, seventyYearOld, virtualCard } from '@mot-cua/hardware';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChipService, loadCsca } from './chip.ts';

const today = new Date('2026-12-02T03:00:00Z');
const pki = makeChipPki();
const person = seventyYearOld(today);
const card = virtualCard(person);

function service() {
  const lines: string[] = [];
  const logger = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
  const reader = new SimulatedChipReader('chip-reader');
  const chip = new ChipService(reader, { logger, now: () => today });
  return { reader, chip, lines };
}

describe('ChipService: a card laid on the reader becomes a scan event', () => {
  it('with the key from a scanned MRZ: the QR-shaped event of a 70-year-old, nothing of the card in the log', async () => {
    const { reader, chip, lines } = service();
    chip.useMrz(card.mrz);
    const got = new Promise((r) => chip.once('scan', r));
    reader.place(new VirtualChip(card, 'normal', pki));
    const e = (await got) as import('@mot-cua/hardware').ScanEvent;
    expect(e).toMatchObject({ type: 'scan', source: 'chip', error: null, cccd: { fullName: 'Nguyễn Thị Hường', age: 70, gender: 'Nữ', idLast4: '2345', dateOfBirth: person.dateOfBirth } });
    // the server reads `raw` as it reads a CCCD QR, and hashes the number
    const qr = parseCccdQr(e.raw, today);
    expect(qr.ok && [qr.value.idNumber, qr.value.age, qr.value.fullName]).toEqual([person.idNumber, 70, 'Nguyễn Thị Hường']);
    expect(lines).toEqual(['chip chip-reader: read (hashes match, signer not verified)']);
    for (const secret of [person.idNumber, '2345', 'Hường', 'NGUYEN']) expect(lines.join('\n')).not.toContain(secret);
    // what the WebSocket plugin logs of each scan: for a chip, not even the last digits
    expect(redactScan(e)).toBe('chip read');
  });

  it('the key serves one read; without a key the kiosk is told to scan the MRZ first', async () => {
    const { chip } = service();
    chip.useKey(bacInputFromMrz(card.mrz));
    expect((await chip.read(new VirtualChip(card, 'normal', pki))).error).toBeNull();
    const e = await chip.read(new VirtualChip(card, 'normal', pki));
    expect(e.error?.code).toBe('no_key');
    expect(e.error?.message).toMatch(/^Xin quét dòng chữ ở mặt sau thẻ/);
  });

  it('each simulator mode gives its typed error, Vietnamese first; the log has only the code', async () => {
    const { chip, lines } = service();
    for (const [mode, code] of [['wrong-key', 'wrong_key'], ['torn-read', 'torn_read'], ['tampered-dg13', 'tampered']] as const) {
      chip.useKey(bacInputFromMrz(card.mrz));
      const e = await chip.read(new VirtualChip(card, mode, pki));
      expect([e.source, e.cccd, e.raw, e.error?.code]).toEqual(['chip', null, '', code]);
      expect(e.error?.message).toMatch(/^[^/]*[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ][^/]* \/ [A-Z]/);
    }
    expect(lines.every((l) => /^chip chip-reader: (wrong_key|torn_read|tampered)/.test(l))).toBe(true);
    // after a tampered chip the key is gone; after a torn read it serves the card laid again
    expect((await chip.read(new VirtualChip(card, 'normal', pki))).error?.code).toBe('no_key');
    chip.useKey(bacInputFromMrz(card.mrz));
    expect((await chip.read(new VirtualChip(card, 'torn-read', pki))).error?.code).toBe('torn_read');
    expect((await chip.read(new VirtualChip(card, 'normal', pki))).error).toBeNull();
    expect(lines.join('\n')).not.toContain(person.idNumber);
  });
});

describe("the centre's CSCA certificates (chipReaders[].cscaPath)", () => {
  it('a PEM file of several certificates: the signer is verified against the one that issued it; another CSCA refuses the card', async () => {
    const other = makeChipPki();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'csca-')), 'csca.pem');
    writeFileSync(file, other.csca.cert.toString() + pki.csca.cert.toString());
    const csca = loadCsca(file);
    expect(csca).toHaveLength(2);
    const lines: string[] = [];
    const logger = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
    const chip = new ChipService(new SimulatedChipReader('chip-1'), { logger, csca, now: () => today });
    chip.useMrz(card.mrz);
    expect((await chip.read(new VirtualChip(card, 'normal', pki))).error).toBeNull();
    expect(lines).toEqual(['chip chip-1: read (hashes match, signer verified)']);

    const strict = new ChipService(new SimulatedChipReader('chip-2'), { logger, csca: [other.csca.cert], now: () => today });
    strict.useMrz(card.mrz);
    expect((await strict.read(new VirtualChip(card, 'normal', pki))).error?.code).toBe('tampered');
  });
});

describe('the simulated chip reader, pulled out and plugged back', () => {
  it('is a warning part while unplugged, reads no card then, and is ok again once back', async () => {
    const { reader, chip } = service();
    const seen: string[] = [];
    chip.on('status', (p) => seen.push(`${p.kind} ${p.status}`));
    expect(chip.status()).toMatchObject({ id: 'chip-reader', kind: 'scanner', status: 'ok' });
    reader.unplug();
    expect(chip.status()).toMatchObject({ kind: 'scanner', status: 'warning', detail: CHIP_READER_UNPLUGGED });
    expect(() => reader.place(new VirtualChip(card, 'normal', pki))).toThrow(/unplugged/);
    reader.plug();
    expect(chip.status()).toMatchObject({ kind: 'scanner', status: 'ok' });
    expect(seen).toEqual(['scanner warning', 'scanner ok']);
    chip.useKey(bacInputFromMrz(card.mrz));
    const got = new Promise((r) => chip.once('scan', r));
    reader.place(new VirtualChip(card, 'normal', pki));
    expect(((await got) as import('@mot-cua/hardware').ScanEvent).error).toBeNull();
  });
});
