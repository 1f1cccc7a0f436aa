// The documents still missing (issue 16.2) printed on the slip, every diacritic kept on both paths.
import { describe, expect, it } from 'vitest';
import { ticketLayout, type PrintableTicket } from './ticket.ts';

const base: PrintableTicket = {
  id: 't', number: '1001', centerName: 'Trung tâm', serviceName: 'Hộ tịch', priorityName: null, peopleAhead: 2,
  estimatedWaitMinutes: 10, issuedAt: '2026-11-24T01:00:00Z', statusUrl: 'http://x/t/t',
};

describe('the slip lists the missing documents', () => {
  it('prints them under the wait, NFC, and nothing when none is missing', () => {
    const texts = (t: PrintableTicket) => ticketLayout(t).flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    const withMissing = texts({ ...base, missing: ['Giấy chứng sinh (bản chính)', 'Giấy chứng nhận kết hôn của cha, mẹ'.normalize('NFD')] });
    expect(withMissing).toContain('Giấy tờ còn thiếu:');
    expect(withMissing).toContain('- Giấy chứng sinh (bản chính)');
    expect(withMissing).toContain('- Giấy chứng nhận kết hôn của cha, mẹ');
    expect(texts(base).some((x) => x.startsWith('Giấy tờ còn thiếu'))).toBe(false);
  });
});
