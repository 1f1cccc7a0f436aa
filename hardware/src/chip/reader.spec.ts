import { describe, expect, it } from 'vitest';
import { readChip } from './reader.ts';
import { bacInputFromMrz, deriveBacKeys } from './bac.ts';
import { ChipMrzMismatchError, ChipTamperedError, ChipTornReadError, ChipUnsupportedCardError, ChipWrongKeyError } from './errors.ts';
import { VirtualChip } from '../testing/chip-sim.ts';
import { makeChipPki } from '../testing/chip-pki.ts';
import { seventyYearOld, virtualCard } from '../testing/chip-fixtures.ts';
import { decodeResponse, encodeCommand } from './apdu.ts';
import { parseMrzTd1 } from '../cccd/mrz.ts';

const pki = makeChipPki();
const card = virtualCard(seventyYearOld(new Date('2026-12-02T00:00:00Z')));
const bac = bacInputFromMrz(card.mrz);

describe('readChip against the virtual chip', () => {
  it('reads EF.COM, DG1 and DG13 with every diacritic, and checks the hashes', async () => {
    const r = await readChip(new VirtualChip(card, 'normal', pki), bac, { expectedMrz: card.mrz });
    expect(r.com).toEqual({ ldsVersion: '0107', unicodeVersion: '040000', tags: [0x61, 0x6d] });
    expect(r.mrz).toBe(card.mrz.replace(/\n/g, ''));
    expect(r.dg13).toEqual(card.dg13);
    expect(r.dg13.fullName).toBe('Nguyễn Thị Hường');
    expect(r.passive).toEqual({ hashesMatch: true, signerVerified: false, summary: 'hashes match, signer not verified', checked: [1, 13] });
    const mrz = parseMrzTd1(r.mrz, new Date('2026-12-02T00:00:00Z'));
    expect(mrz.ok && [mrz.value.age, mrz.value.idNumber]).toEqual([70, card.dg13.idNumber]);
  });

  it('verifies the signer and its chain when the CSCA is configured, and refuses another CSCA', async () => {
    const r = await readChip(new VirtualChip(card, 'normal', pki), bac, { csca: [pki.csca.cert] });
    expect(r.passive.summary).toBe('hashes match, signer verified');
    const other = makeChipPki();
    await expect(readChip(new VirtualChip(card, 'normal', pki), bac, { csca: [other.csca.cert] })).rejects.toThrow(ChipTamperedError);
  });

  it('reads with small chunks as well (many READ BINARY, each under secure messaging)', async () => {
    const chip = new VirtualChip(card, 'normal', pki);
    const r = await readChip(chip, bac, { chunk: 16 });
    expect(r.dg13.placeOfResidence).toBe(card.dg13.placeOfResidence);
    expect(chip.log.length).toBeGreaterThan(40);
    // every command after MUTUAL AUTHENTICATE is protected (CLA 0C)
    expect(chip.log.slice(3).every((a) => a[0] === 0x0c)).toBe(true);
  });

  it('wrong key: the card refuses the authentication (6300) → ChipWrongKeyError, Vietnamese first', async () => {
    const err = await readChip(new VirtualChip(card, 'wrong-key', pki), bac).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChipWrongKeyError);
    expect((err as ChipWrongKeyError).code).toBe('wrong_key');
    expect((err as Error).message).toMatch(/^Thẻ không chấp nhận khoá truy cập.* \/ The card refused/);
    expect((err as Error).message).toContain('6300');
    // and the same with a typed wrong date of birth on a normal card
    await expect(readChip(new VirtualChip(card, 'normal', pki), { ...bac, dateOfBirth: '560101' })).rejects.toThrow(ChipWrongKeyError);
  });

  it('torn read: the card goes away while DG13 is read → ChipTornReadError', async () => {
    const err = await readChip(new VirtualChip(card, 'torn-read', pki), bac).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChipTornReadError);
    expect((err as ChipTornReadError).code).toBe('torn_read');
    expect((err as Error).message).not.toContain(card.dg13.fullName);
  });

  it('tampered DG13: its hash does not match EF.SOD → ChipTamperedError', async () => {
    const err = await readChip(new VirtualChip(card, 'tampered-dg13', pki), bac).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChipTamperedError);
    expect((err as Error).message).toContain('DG13 hash does not match EF.SOD');
  });

  it('a DG1 that differs from the printed MRZ → ChipMrzMismatchError', async () => {
    const other = virtualCard({ ...seventyYearOld(new Date('2026-12-02T00:00:00Z')), surname: 'TRAN' });
    await expect(readChip(new VirtualChip(card, 'normal', pki), bac, { expectedMrz: other.mrz })).rejects.toThrow(ChipMrzMismatchError);
  });

  it('a card without the eMRTD application → ChipUnsupportedCardError', async () => {
    const notACccd = { transmit: async () => Uint8Array.of(0x6a, 0x82) };
    await expect(readChip(notACccd, bac)).rejects.toThrow(ChipUnsupportedCardError);
  });
});

describe('the virtual chip answers as a card does', () => {
  const send = async (chip: VirtualChip, hex: string) => decodeResponse(await chip.transmit(Buffer.from(hex, 'hex')));
  it('status words for plain commands', async () => {
    const chip = new VirtualChip(card, 'normal', pki);
    expect((await send(chip, '0084000008')).sw).toBe(0x6985); // no application selected
    expect((await send(chip, '00A4040C07A0000002471002')).sw).toBe(0x6a82); // another AID
    expect((await send(chip, '00A4040C07A0000002471001')).sw).toBe(0x9000);
    expect((await send(chip, '00B0000004')).sw).toBe(0x6982); // READ BINARY before BAC
    const ch = await send(chip, '0084000008');
    expect([ch.sw, ch.data.length]).toEqual([0x9000, 8]);
    expect((await send(chip, '0082000028' + '00'.repeat(40) + '28')).sw).toBe(0x6300);
    expect((await send(chip, '00CA000000')).sw).toBe(0x6d00);
    expect(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 4, le: 0x12 }).toString('hex')).toBe('00b0000412');
  });

  it('secure messaging: a bad MAC ends the session (6988); a missing file is 6A82; an offset past the end 6B00', async () => {
    const { SecureMessaging } = await import('./sm.ts');
    const { bacKeys, mutualAuthData, completeMutualAuth } = await import('./bac.ts');
    const chip = new VirtualChip(card, 'normal', pki);
    await send(chip, '00A4040C07A0000002471001');
    const rndIc = (await send(chip, '0084000008')).data;
    const keys = bacKeys(bac.documentNumber, bac.dateOfBirth, bac.dateOfExpiry);
    const rndIfd = Buffer.alloc(8, 1);
    const kIfd = Buffer.alloc(16, 2);
    const ma = await send(chip, '0082000028' + mutualAuthData(keys, rndIc, rndIfd, kIfd).toString('hex') + '28');
    const sm = new SecureMessaging(completeMutualAuth(keys, rndIc, rndIfd, kIfd, ma.data)!);
    const tx = async (c: Parameters<typeof sm.protect>[0]) => sm.unprotect(await chip.transmit(sm.protect(c)));
    expect((await tx({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: Buffer.from('0102', 'hex') })).sw).toBe(0x6a82);
    expect((await tx({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: Buffer.from('011E', 'hex') })).sw).toBe(0x9000);
    expect((await tx({ cla: 0, ins: 0xb0, p1: 0x10, p2: 0, le: 4 })).sw).toBe(0x6b00);
    const prot = sm.protect({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 4 });
    prot[prot.length - 2]! ^= 1;
    expect(decodeResponse(await chip.transmit(prot)).sw).toBe(0x6988);
    expect(deriveBacKeys(bac.documentNumber, bac.dateOfBirth, bac.dateOfExpiry).kEnc).toMatch(/^[0-9A-F]{32}$/);
  });
});
