import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { demoConfigPath, parseConfig } from './load.ts';

const demo = () => parse(readFileSync(demoConfigPath, 'utf8')) as Record<string, unknown> & { counters: Record<string, unknown>[]; hours: Record<string, unknown> };

describe('schema strictness', () => {
  it('a misspelt key is an error at its path, not silently dropped', () => {
    const c = demo();
    c.counters[0]!.serviceID = ['ho-tich'];
    const r = parseConfig(c);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.some((e) => e.startsWith('counters[0]') && e.includes('serviceID'))).toBe(true);
  });
  it('one field at most is the returns lane (issue 16.3); a field without the key is not one', () => {
    const c = demo() as ReturnType<typeof demo> & { services: Record<string, unknown>[] };
    const ok = parseConfig(c);
    expect(ok.ok && ok.config.services.filter((s) => s.returns).map((s) => s.id)).toEqual(['tra-ket-qua']);
    c.services[0]!.returns = true;
    const r = parseConfig(c);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.some((e) => e.startsWith('services[6].returns') && e.includes('only one returns lane'))).toBe(true);
  });
  it('a malformed time gets its own message and no false "open before close"', () => {
    const c = demo();
    c.hours.mon = [{ open: '7:00', close: '11:30' }];
    const r = parseConfig(c);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.some((e) => e.startsWith('hours.mon[0].open'))).toBe(true);
      expect(r.errors.some((e) => e.includes('open must be before close'))).toBe(false);
    }
  });
  it('an impossible holiday date is refused', () => {
    const c = demo();
    c.hours.closedDates = ['2026-13-45'];
    const r = parseConfig(c);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.some((e) => e.startsWith('hours.closedDates[0]'))).toBe(true);
  });
});
