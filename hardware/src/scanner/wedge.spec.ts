import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyboardWedgeDetector, type WedgeResult } from './wedge.ts';

function play(d: KeyboardWedgeDetector, keys: string[], gapMs: number, start = 1000): WedgeResult[] {
  return keys.map((k, i) => d.feed(k, start + i * gapMs));
}

const QR = '079090012345||Nguyễn Văn An|01011960|Nam|Hà Nội|01012021';

describe('KeyboardWedgeDetector', () => {
  it('reports a fast burst ending in Enter as one scan', () => {
    const d = new KeyboardWedgeDetector();
    const r = play(d, [...QR, 'Enter'], 5);
    expect(r.at(-1)).toEqual({ kind: 'scan', text: QR });
    expect(r.slice(0, -1).every((x) => x.kind === 'pending')).toBe(true);
  });

  it('treats typing at human speed as typing', () => {
    const d = new KeyboardWedgeDetector();
    const r = play(d, [...'0912345678', 'Enter'], 120);
    expect(r.some((x) => x.kind === 'scan')).toBe(false);
    expect(r.at(-1)).toEqual({ kind: 'typing', text: '8' });
  });

  it('ignores short fast bursts (a double key press is not a scan)', () => {
    const d = new KeyboardWedgeDetector({ minLength: 8 });
    expect(play(d, [...'12', 'Enter'], 5).at(-1)?.kind).toBe('typing');
  });

  it('finds a scan right after someone typed', () => {
    const d = new KeyboardWedgeDetector();
    play(d, [...'abc'], 200, 0);
    const r = play(d, [...'HELLO-WORLD-42', 'Enter'], 8, 1000);
    expect(r[0]).toEqual({ kind: 'typing', text: 'c' }); // each slow key ends the run before it
    expect(r.at(-1)).toEqual({ kind: 'scan', text: 'HELLO-WORLD-42' });
  });

  it('lets Shift pass inside a burst', () => {
    const d = new KeyboardWedgeDetector();
    const keys = [...'ABCDEFGHIJ'].flatMap((c) => ['Shift', c]);
    expect(play(d, [...keys, 'Enter'], 3).at(-1)).toEqual({ kind: 'scan', text: 'ABCDEFGHIJ' });
  });

  it('joins the three lines of an MRZ in multi-line mode, ended by a quiet poll', () => {
    const d = new KeyboardWedgeDetector({ multiLine: true });
    const lines = ['IDVNM2030012347001203001234<<6', '0304159F2804155VNM<<<<<<<<<<<4', 'NGUYEN<<THI<HONG<NHUNG<<<<<<<<'];
    const keys = lines.flatMap((l) => [...l, 'Enter']);
    const r = play(d, keys, 4, 0);
    expect(r.some((x) => x.kind === 'scan')).toBe(false);
    expect(d.poll(keys.length * 4 + 10)).toBe(null);
    expect(d.poll(keys.length * 4 + 200)).toEqual({ kind: 'scan', text: lines.join('\n') });
  });

  it('never produces a scan from keys slower than the gap', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '1', '|', 'Enter'), { maxLength: 60 }), fc.integer({ min: 30, max: 500 }), (keys, gap) => {
        const d = new KeyboardWedgeDetector({ maxGapMs: 30 });
        expect(play(d, keys, gap).some((x) => x.kind === 'scan')).toBe(false);
      }),
    );
  });
});
