import { describe, expect, it } from 'vitest';
import { ticketIdFromQr, typedNumber } from './arrival.ts';

describe('what the kiosk reads to check in a number from the phone', () => {
  it('takes the ticket id from a phone page QR, with or without its key, and nothing else', () => {
    expect(ticketIdFromQr('http://192.168.1.10:8080/t/t_abc-123?k=XyZ&lang=vi\r\n')).toBe('t_abc-123');
    expect(ticketIdFromQr('https://motcua.example.vn/t/abc')).toBe('abc');
    expect(ticketIdFromQr('001050012345|123456789|Nguyễn Văn An|01011950|Nam|x|01012021')).toBeNull();
    expect(ticketIdFromQr('https://example.vn/booking/K7P2QX')).toBeNull();
  });

  it('normalises a typed number and refuses what cannot be one', () => {
    expect(typedNumber(' 1 001 ')).toBe('1001');
    expect(typedNumber('a-12')).toBe('A-12');
    expect(typedNumber('')).toBeNull();
    expect(typedNumber('10/01')).toBeNull();
  });
});
