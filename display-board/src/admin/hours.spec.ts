import { describe, expect, it } from 'vitest';
import { formatSpans, parseSpans } from './hours.ts';

describe('opening hours as text', () => {
  it('reads spans written by hand and writes them back', () => {
    expect(parseSpans('7:30-11:30, 13:30 – 17:00')).toEqual([{ open: '07:30', close: '11:30' }, { open: '13:30', close: '17:00' }]);
    expect(parseSpans('  ')).toEqual([]);
    expect(formatSpans(parseSpans('07:00-11:30;13:30-17:00'))).toBe('07:00-11:30, 13:30-17:00');
  });
  it('keeps a piece that is not two times as written, so the server names the problem', () => {
    expect(parseSpans('sáng')).toEqual([{ open: 'sáng', close: '' }]);
  });
});
