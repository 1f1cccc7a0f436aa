import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptFor } from './issue.ts';

const choice = fc.record({
  serviceId: fc.constantFrom('a', 'b'),
  priorityCategoryId: fc.constantFrom(null, 'elderly'),
  identityQr: fc.constantFrom(null, 'qr'),
});

describe('attemptFor', () => {
  it('reuses the key for the same choice, so a retry or double tap cannot make a second ticket', () => {
    fc.assert(
      fc.property(choice, (c) => {
        const first = attemptFor(null, c);
        expect(attemptFor(first, { ...c }).key).toBe(first.key);
      }),
    );
  });
  it('makes a fresh key when any part of the choice changes', () => {
    fc.assert(
      fc.property(choice, choice, (a, b) => {
        fc.pre(a.serviceId !== b.serviceId || a.priorityCategoryId !== b.priorityCategoryId || a.identityQr !== b.identityQr);
        const first = attemptFor(null, a);
        expect(attemptFor(first, b).key).not.toBe(first.key);
      }),
    );
  });
  it('keys are 32 hex characters and do not repeat', () => {
    const keys = new Set(Array.from({ length: 200 }, () => attemptFor(null, { serviceId: 'a', priorityCategoryId: null, identityQr: null }).key));
    expect(keys.size).toBe(200);
    for (const k of keys) expect(k).toMatch(/^[0-9a-f]{32}$/);
  });
});
