import { describe, expect, it } from 'vitest';
import { followUrl, ratingKeyFromScan, normalizeTicketNumber, ticketIdFromScan } from './ticket-ref.ts';

describe('ticketIdFromScan', () => {
  it('reads the id from a status URL, with the CR/LF a scanner adds', () => {
    expect(ticketIdFromScan('http://192.168.1.10:8080/t/tk_01HX9\r\n')).toBe('tk_01HX9');
    expect(ticketIdFromScan('https://hcc.example.vn/t/abc-1/')).toBe('abc-1');
  });
  it('reads the id from a status URL that carries the ticket language', () => {
    expect(ticketIdFromScan('http://192.168.1.10:8080/t/tk_01HX9?lang=en\r\n')).toBe('tk_01HX9');
  });
  it('ignores text that is not a ticket link', () => {
    expect(ticketIdFromScan('001234567890||Nguyễn Văn A|01011950|Nam|Hà Nội|01012021')).toBeNull();
    expect(ticketIdFromScan('http://x/kiosk/')).toBeNull();
  });
});

describe('normalizeTicketNumber', () => {
  it('drops spaces and upper-cases letters', () => {
    expect(normalizeTicketNumber(' a 001 ')).toBe('A001');
    expect(normalizeTicketNumber('1023')).toBe('1023');
  });
});

describe('followUrl', () => {
  it('adds the ticket language to the status URL, and a scan reads the id back', () => {
    const url = followUrl('http://192.168.1.10:8080/t/tk_01HX9', 'en');
    expect(url).toBe('http://192.168.1.10:8080/t/tk_01HX9?lang=en');
    expect(ticketIdFromScan(url)).toBe('tk_01HX9');
  });
});

describe('the rating key of a slip', () => {
  it('the QR keeps the key beside the language, and a scan reads both id and key back', () => {
    const url = followUrl('http://192.168.1.10:8080/t/tk_01HX9?k=Ab-_09xYz', 'en');
    expect(url).toBe('http://192.168.1.10:8080/t/tk_01HX9?k=Ab-_09xYz&lang=en');
    expect(ticketIdFromScan(`${url}\r\n`)).toBe('tk_01HX9');
    expect(ratingKeyFromScan(`${url}\r\n`)).toBe('Ab-_09xYz');
  });

  it('no key in a plain URL, a number, or a key that could not be one', () => {
    expect(ratingKeyFromScan('http://x/t/tk_1?lang=vi')).toBeNull();
    expect(ratingKeyFromScan('1023')).toBeNull();
    expect(ratingKeyFromScan('http://x/t/tk_1?k=a%2Fb')).toBeNull();
  });
});
