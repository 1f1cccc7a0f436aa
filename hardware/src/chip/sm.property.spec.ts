// Properties of secure messaging and TLV: whatever command or answer, the other side opens what
// one side protected, with both counters in step; any single flipped bit is refused.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SecureMessaging } from './sm.ts';
import { readTlv, tlv } from '../cccd/tlv.ts';

const keys = () => ({ ksEnc: Buffer.from('979EC13B1CBFE9DCD01AB0FED307EAE5', 'hex'), ksMac: Buffer.from('F1CB1F1FB5ADF208806B89DC579DC1F8', 'hex'), ssc: Buffer.from('887022120C06C226', 'hex') });

describe('secure messaging, both sides', () => {
  it('a protected command opens to itself and a protected answer to its data and status', () => {
    fc.assert(
      fc.property(
        fc.record({ ins: fc.constantFrom(0xa4, 0xb0, 0x84), p1: fc.integer({ min: 0, max: 0x7f }), p2: fc.integer({ min: 0, max: 255 }) }),
        fc.option(fc.uint8Array({ minLength: 1, maxLength: 200 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined }),
        fc.uint8Array({ maxLength: 230 }),
        fc.constantFrom(0x9000, 0x6a82, 0x6b00, 0x6282),
        (h, data, le, answer, sw) => {
          const reader = new SecureMessaging(keys());
          const card = new SecureMessaging(keys());
          const cmd = { cla: 0, ...h, ...(data ? { data } : {}), ...(le === undefined ? {} : { le }) };
          const opened = card.openCommand(reader.protect(cmd));
          expect(opened).toEqual({ cla: 0, ...h, ...(data ? { data: Buffer.from(data) } : {}), ...(le === undefined ? {} : { le }) });
          const r = reader.unprotect(card.protectResponse(answer, sw));
          expect([r.data.toString('hex'), r.sw]).toEqual([Buffer.from(answer).toString('hex'), sw]);
          expect(reader.ssc.equals(card.ssc)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a flipped bit anywhere in a protected command is refused by the card', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.nat(), fc.integer({ min: 0, max: 7 }), (data, at, bit) => {
        const reader = new SecureMessaging(keys());
        const card = new SecureMessaging(keys());
        const apdu = reader.protect({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data });
        // the last byte is Le (00), outside the MAC
        const i = at % (apdu.length - 1);
        apdu[i]! ^= 1 << bit;
        expect(card.openCommand(apdu)).toBeNull();
      }),
      { numRuns: 150 },
    );
  });
});

describe('TLV', () => {
  it('reads back what it wrote, for tags of one to three bytes and lengths of every form', () => {
    fc.assert(
      fc.property(fc.constantFrom(0x04, 0x30, 0x61, 0x6d, 0x5f1f, 0x7f61, 0x5f0e), fc.uint8Array({ maxLength: 70_000 }), (tag, value) => {
        const { tlv: t, end } = readTlv(tlv(tag, value));
        expect([t.tag, end - t.value.length <= 6, Buffer.from(t.value).equals(Buffer.from(value))]).toEqual([tag, true, true]);
      }),
      { numRuns: 60 },
    );
  });
});
