import { describe, expect, it } from 'vitest';
import { interpolate } from '@mot-cua/config/strings/index.ts';
import { opensText, waitText } from './opens.ts';

const t = (k: string, p?: Record<string, string>) => interpolate({ opensAt: 'at {time}', opensAtDay: 'at {time} on {date}', closedNoTime: 'no time' }[k] ?? k, p);

describe('opensText', () => {
  const now = new Date('2026-11-23T04:40:00Z'); // 11:40 in Hà Nội
  it('says only the time when the field opens again today', () => {
    expect(opensText('2026-11-23T13:30:00+07:00', now, t)).toBe('at 13:30');
  });
  it('adds the date when it opens another day', () => {
    expect(opensText('2026-11-24T07:00:00+07:00', now, t)).toBe('at 07:00 on 24/11/2026');
  });
  it('has a plain message when the server gives no time', () => {
    expect(opensText(null, now, t)).toBe('no time');
    expect(opensText('garbage', now, t)).toBe('no time');
  });
});

describe('waitText', () => {
  const tw = (k: string, p?: Record<string, number>) => (k === 'estimatedWait' ? `~${p?.n}` : 'none');
  it('says nothing when there is no estimate, "no wait" at zero with nobody ahead, minutes otherwise', () => {
    expect(waitText(null, 0, tw)).toBe('');
    expect(waitText(0, 0, tw)).toBe('none');
    expect(waitText(7, 3, tw)).toBe('~7');
  });
  it('never says "no wait" while people are ahead', () => {
    expect(waitText(0, 1, tw)).toBe('');
  });
  it('says the range where the server gives one (issue 18.3); a range of nothing is the figure', () => {
    const tr = (k: string, p?: Record<string, number>) => (k === 'estimatedWaitRange' ? `${p?.lo}–${p?.hi}` : tw(k, p));
    expect(waitText(15, 4, tr, { low: 12, high: 18 })).toBe('12–18');
    expect(waitText(15, 4, tr, { low: null, high: null })).toBe('~15');
    expect(waitText(15, 4, tr, { low: 15, high: 15 })).toBe('~15');
    expect(waitText(null, 4, tr, { low: 12, high: 18 })).toBe('');
  });
});
