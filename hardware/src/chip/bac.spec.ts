/**
 * BAC and secure messaging against the worked example of ICAO Doc 9303 part 11 (8th edition,
 * 2021), appendix D "Worked example: Basic Access Control" (D.2 key derivation from the MRZ,
 * D.3 authentication and session keys, D.4 secure messaging: SELECT EF.COM and two READ BINARY).
 * The same published values appear as test vectors in ZeroPass's dmrtd library
 * (test/mrtd_sm_test.dart, "Test vectors taken from Appendix D.4 to the Part 11"); the MAC input
 * of the third response is given there with its 0x80 padding byte, which the standard's printed
 * K omits.
 */
import { describe, expect, it } from 'vitest';
import { completeMutualAuth, deriveBacKeys, keySeed, mrzInformation, mutualAuthData, bacKeys } from './bac.ts';
import { SecureMessaging } from './sm.ts';
import { pad, retailMac } from './crypto.ts';

const h = (s: string) => Buffer.from(s, 'hex');
const HEX = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();

describe('BAC key derivation (ICAO 9303-11 D.2)', () => {
  it('derives Kseed, Kenc and Kmac from L898902C<, 690806, 940623', () => {
    const info = mrzInformation('L898902C<', '690806', '940623');
    expect(info).toBe('L898902C<369080619406236');
    expect(HEX(keySeed(info))).toBe('239AB9CB282DAF66231DC5A4DF6BFBAE');
    expect(deriveBacKeys('L898902C<', '690806', '940623')).toEqual({
      kEnc: 'AB94FDECF2674FDFB9B391F85D7F76F2',
      kMac: '7962D9ECE03D1ACD4C76089DCE131543',
    });
    // a short number is filled with '<' the same way
    expect(deriveBacKeys('L898902C', '690806', '940623').kEnc).toBe('AB94FDECF2674FDFB9B391F85D7F76F2');
  });
});

describe('BAC mutual authentication (ICAO 9303-11 D.3)', () => {
  const keys = bacKeys('L898902C<', '690806', '940623');
  const rndIc = h('4608F91988702212');
  const rndIfd = h('781723860C06C226');
  const kIfd = h('0B795240CB7049B01C19B33E32804F0B');

  it('builds the MUTUAL AUTHENTICATE data E_IFD || M_IFD', () => {
    expect(HEX(mutualAuthData(keys, rndIc, rndIfd, kIfd))).toBe(
      '72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2' + '5F1448EEA8AD90A7',
    );
  });

  it("checks the card's answer and derives KSenc, KSmac and the SSC", () => {
    const answer = h('46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F' + '2F2D235D074D7449');
    const s = completeMutualAuth(keys, rndIc, rndIfd, kIfd, answer);
    expect(s).not.toBeNull();
    expect(HEX(s!.ksEnc)).toBe('979EC13B1CBFE9DCD01AB0FED307EAE5');
    expect(HEX(s!.ksMac)).toBe('F1CB1F1FB5ADF208806B89DC579DC1F8');
    expect(HEX(s!.ssc)).toBe('887022120C06C226');
  });

  it('refuses an answer whose MAC or challenge is wrong', () => {
    const answer = h('46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F' + '2F2D235D074D7448');
    expect(completeMutualAuth(keys, rndIc, rndIfd, kIfd, answer)).toBeNull();
    const good = h('46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F' + '2F2D235D074D7449');
    expect(completeMutualAuth(keys, rndIc, h('781723860C06C227'), kIfd, good)).toBeNull();
  });
});

describe('secure messaging (ICAO 9303-11 D.4)', () => {
  const session = { ksEnc: h('979EC13B1CBFE9DCD01AB0FED307EAE5'), ksMac: h('F1CB1F1FB5ADF208806B89DC579DC1F8'), ssc: h('887022120C06C226') };

  it('computes the retail MAC of the first command (N → CC)', () => {
    const n = h('887022120C06C2270CA4020C800000008709016375432908C044F68000000000');
    expect(HEX(retailMac(session.ksMac, n))).toBe('BF8B92D635FF24F8');
    expect(HEX(pad(h('011E')))).toBe('011E800000000000');
  });

  it('protects SELECT EF.COM, READ BINARY 4 and READ BINARY 18 and opens the answers, SSC counting each', () => {
    const sm = new SecureMessaging(session);
    expect(HEX(sm.protect({ cla: 0x00, ins: 0xa4, p1: 0x02, p2: 0x0c, data: h('011E') }))).toBe('0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800');
    expect(HEX(sm.ssc)).toBe('887022120C06C227');
    expect(sm.unprotect(h('990290008E08FA855A5D4C50A8ED9000'))).toEqual({ data: Buffer.alloc(0), sw: 0x9000 });
    expect(HEX(sm.ssc)).toBe('887022120C06C228');

    expect(HEX(sm.protect({ cla: 0x00, ins: 0xb0, p1: 0x00, p2: 0x00, le: 0x04 }))).toBe('0CB000000D9701048E08ED6705417E96BA5500');
    expect(HEX(sm.ssc)).toBe('887022120C06C229');
    const r2 = sm.unprotect(h('8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000'));
    expect([HEX(r2.data), r2.sw]).toEqual(['60145F01', 0x9000]);
    expect(HEX(sm.ssc)).toBe('887022120C06C22A');

    expect(HEX(sm.protect({ cla: 0x00, ins: 0xb0, p1: 0x00, p2: 0x04, le: 0x12 }))).toBe('0CB000040D9701128E082EA28A70F3C7B53500');
    expect(HEX(sm.ssc)).toBe('887022120C06C22B');
    const r3 = sm.unprotect(h('871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000'));
    expect([HEX(r3.data), r3.sw]).toEqual(['04303130365F36063034303030305C026175', 0x9000]);
    expect(HEX(sm.ssc)).toBe('887022120C06C22C');
  });

  it('refuses a response whose MAC was altered', () => {
    const sm = new SecureMessaging(session);
    sm.protect({ cla: 0x00, ins: 0xa4, p1: 0x02, p2: 0x0c, data: h('011E') });
    expect(() => sm.unprotect(h('990290008E08FA855A5D4C50A8EE9000'))).toThrow(/MAC/);
  });

  it('the card side opens the protected command and answers as in the example', () => {
    const card = new SecureMessaging(session);
    const cmd = card.openCommand(h('0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800'));
    expect(cmd && HEX(cmd.data!)).toBe('011E');
    expect(HEX(card.protectResponse(Buffer.alloc(0), 0x9000))).toBe('990290008E08FA855A5D4C50A8ED9000');
    const read = card.openCommand(h('0CB000000D9701048E08ED6705417E96BA5500'));
    expect(read?.le).toBe(4);
    expect(HEX(card.protectResponse(h('60145F01'), 0x9000))).toBe('8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000');
  });
});
