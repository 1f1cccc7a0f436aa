import { describe, expect, it } from 'vitest';
import { isStatusByte, stateFromStatus, statusBytes, type PrinterState } from './status.ts';

describe('DLE EOT status', () => {
  it.each(['ok', 'paper_out', 'cover_open'] as PrinterState[])('reads back %s from the bytes a printer sends', (s) => {
    const q = (n: number) => statusBytes(s, n);
    expect(stateFromStatus({ printer: q(1), offlineCause: q(2), paper: q(4) })).toBe(s);
  });

  it('treats silence or a non-status byte as offline', () => {
    expect(stateFromStatus({ printer: null, offlineCause: null, paper: null })).toBe('offline');
    expect(isStatusByte(0x41)).toBe(false);
    expect(stateFromStatus({ printer: 0x41, offlineCause: 0x12, paper: 0x12 })).toBe('offline');
  });

  it('reads paper end from the roll sensor alone', () => {
    expect(stateFromStatus({ printer: 0x12, offlineCause: 0x12, paper: 0x72 })).toBe('paper_out');
  });
});
