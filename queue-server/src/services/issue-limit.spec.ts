import { describe, expect, it } from 'vitest';
import { DEFAULT_ISSUE_LIMITS, IssueLimiter, addressKey } from './issue-limit.ts';

// 09:00 in Hà Nội on a Monday.
const MONDAY_9AM = Date.parse('2026-11-23T09:00:00+07:00');

function limiter(limits = DEFAULT_ISSUE_LIMITS) {
  const clock = { now: MONDAY_9AM };
  return { clock, l: new IssueLimiter(limits, () => clock.now) };
}

describe('IssueLimiter', () => {
  it('five in ten minutes per address, then a refusal that says when; other addresses go on', () => {
    const { clock, l } = limiter();
    for (let i = 0; i < 5; i++) {
      expect(l.take('10.0.0.7')).toEqual({ ok: true });
      clock.now += 1000;
    }
    expect(l.take('10.0.0.7')).toEqual({ ok: false, reason: 'window', retryAfterSeconds: 600 - 5 });
    expect(l.take('10.0.0.8')).toEqual({ ok: true });
    // The window slides: once the first ticket is ten minutes old, one more.
    clock.now = MONDAY_9AM + 600_000 + 1;
    expect(l.take('10.0.0.7')).toEqual({ ok: true });
    expect(l.take('10.0.0.7').ok).toBe(false);
  });

  it('twenty a day per address, until the centre’s next day (Viet Nam time)', () => {
    const { clock, l } = limiter();
    let taken = 0;
    while (taken < 20) {
      for (let i = 0; i < 5; i++) {
        expect(l.take('10.0.0.9')).toEqual({ ok: true });
        taken++;
      }
      clock.now += 600_001;
    }
    const refused = l.take('10.0.0.9');
    expect(refused).toMatchObject({ ok: false, reason: 'day' });
    // Midnight in Hà Nội is 17:00 UTC.
    expect(refused.ok === false && refused.retryAfterSeconds).toBe(Math.ceil((Date.parse('2026-11-24T00:00:00+07:00') - clock.now) / 1000));
    clock.now = Date.parse('2026-11-24T00:00:01+07:00');
    expect(l.take('10.0.0.9')).toEqual({ ok: true });
  });

  it('zero means no limit', () => {
    const { l } = limiter({ perWindow: 0, windowMs: 600_000, perDay: 0 });
    for (let i = 0; i < 100; i++) expect(l.take('10.0.0.1').ok).toBe(true);
  });

  it('counts an IPv4-mapped address as its IPv4 address and an IPv6 address by its /64', () => {
    expect(addressKey('::ffff:192.168.1.20')).toBe('192.168.1.20');
    expect(addressKey('192.168.1.20')).toBe('192.168.1.20');
    expect(addressKey('2001:db8:0:1::1')).toBe(addressKey('2001:0db8:0000:0001:abcd:ef01:2345:6789'));
    expect(addressKey('2001:db8:0:1::1')).not.toBe(addressKey('2001:db8:0:2::1'));
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    const { l } = limiter();
    for (let i = 0; i < 5; i++) expect(l.take(`2001:db8:0:1::${i + 1}`).ok).toBe(true);
    expect(l.take('2001:db8:0:1:ffff:ffff:ffff:ffff').ok).toBe(false);
  });
});
