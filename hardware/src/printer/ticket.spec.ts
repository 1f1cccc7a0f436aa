import { describe, expect, it } from 'vitest';
import { bookingLayout, ticketLayout } from './ticket.ts';
import { SAMPLE_TICKET } from './fixtures.ts';

const texts = (t: typeof SAMPLE_TICKET) => ticketLayout(t).flatMap((b) => ('text' in b ? [String(b.text)] : []));

describe('ticket layout', () => {
  it('prints the estimate when there is one', () => {
    expect(texts(SAMPLE_TICKET).some((s) => s.startsWith('Thời gian chờ dự kiến: 1 giờ 35 phút'))).toBe(true);
  });
  it('leaves the estimate off when the server has none, rather than printing "0 phút"', () => {
    const lines = texts({ ...SAMPLE_TICKET, estimatedWaitMinutes: null });
    expect(lines.some((s) => s.startsWith('Thời gian chờ dự kiến'))).toBe(false);
    expect(lines.some((s) => s.includes(SAMPLE_TICKET.number))).toBe(true);
  });
  it('prints the range where the server gives one, with its diacritics (issue 18.3)', () => {
    const lines = texts({ ...SAMPLE_TICKET, estimatedWaitMinutes: 15, estimatedWaitLowMinutes: 12, estimatedWaitHighMinutes: 18 });
    expect(lines).toContain('Thời gian chờ dự kiến: khoảng 12–18 phút');
    expect(texts({ ...SAMPLE_TICKET, estimatedWaitMinutes: 70, estimatedWaitLowMinutes: 55, estimatedWaitHighMinutes: 95 })).toContain('Thời gian chờ dự kiến: khoảng 55 phút – 1 giờ 35 phút');
    // an empty or missing range: the figure alone
    expect(texts({ ...SAMPLE_TICKET, estimatedWaitLowMinutes: null, estimatedWaitHighMinutes: null }).some((s) => s.startsWith('Thời gian chờ dự kiến: 1 giờ 35 phút'))).toBe(true);
  });
  it('addresses the citizen as "quý vị", as the screens do, never "bạn"', () => {
    const lines = texts({ ...SAMPLE_TICKET, note: undefined });
    expect(lines.join(' ')).not.toMatch(/\bbạn\b/iu);
    expect(lines).toContain('Số người chờ trước quý vị: 7');
    expect(lines.some((s) => s.includes('lượt của quý vị'))).toBe(true);
  });

  it('a booking slip: the code large, the field, the day and the time, the QR, and what to do on arrival', () => {
    const blocks = bookingLayout({ code: 'XH6F88', centerName: 'Bộ phận Một cửa', serviceName: 'Đất đai', date: '03/12/2026', time: '08:30', qr: 'Lịch hẹn XH6F88' });
    const lines = blocks.flatMap((b) => ('text' in b ? [String(b.text)] : []));
    expect(lines).toEqual(['BỘ PHẬN MỘT CỬA', 'PHIẾU HẸN', 'Đất đai', 'MÃ LỊCH HẸN', 'XH6F88', 'Ngày: 03/12/2026', 'Giờ: 08:30', 'Khi đến, chọn "Có lịch hẹn" trên kiosk và nhập mã để nhận số.']);
    expect(blocks.find((b) => b.kind === 'text' && b.text === 'XH6F88')).toMatchObject({ style: 'huge' });
    expect(blocks.filter((b) => b.kind === 'qr')).toEqual([{ kind: 'qr', data: 'Lịch hẹn XH6F88' }]);
  });
});
