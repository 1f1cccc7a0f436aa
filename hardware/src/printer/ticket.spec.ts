import { describe, expect, it } from 'vitest';
import { ticketLayout } from './ticket.ts';
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
  it('addresses the citizen as "quý vị", as the screens do, never "bạn"', () => {
    const lines = texts({ ...SAMPLE_TICKET, note: undefined });
    expect(lines.join(' ')).not.toMatch(/\bbạn\b/iu);
    expect(lines).toContain('Số người chờ trước quý vị: 7');
    expect(lines.some((s) => s.includes('lượt của quý vị'))).toBe(true);
  });
});
