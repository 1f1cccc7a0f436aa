/**
 * What goes on a paper ticket, independent of how it reaches the printer. Both text modes
 * (code page 1258 and raster) print this same layout, so they can be compared.
 */

export type PrintableTicket = {
  id: string;
  number: string;
  centerName: string;
  serviceName: string;
  priorityName: string | null;
  peopleAhead: number;
  /** null when the server cannot estimate (no counter open for the field): the line is left off. */
  estimatedWaitMinutes: number | null;
  /** The range around it the server gives where measured waits back one ("khoảng 12–18 phút"); absent or null: the figure alone. */
  estimatedWaitLowMinutes?: number | null;
  estimatedWaitHighMinutes?: number | null;
  /** ISO 8601 */
  issuedAt: string;
  statusUrl: string;
  note?: string;
  /** The documents the citizen said at the kiosk they do not have yet (issue 16.2), printed under the wait. */
  missing?: string[];
};

export type PaperWidth = 58 | 80;

export type TextStyle = 'normal' | 'bold' | 'large' | 'huge';

export type LayoutBlock =
  | { kind: 'text'; text: string; style: TextStyle; align: 'left' | 'center' }
  | { kind: 'qr'; data: string }
  | { kind: 'feed'; lines: number };

/** The slip addresses the citizen as the screens do: "quý vị", never "bạn". */
export const DEFAULT_NOTE = 'Vui lòng chờ gọi số. Quét mã QR để theo dõi lượt của quý vị.';

/** Printable dots across the head at 203 dpi, and Font A (12 dots) columns. */
export const PAPER = {
  58: { dots: 384, columns: 32 },
  80: { dots: 576, columns: 48 },
} as const;

/** dd/MM/yyyy HH:mm in Vietnam (UTC+7, no daylight saving). */
export function formatIssuedAt(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return '';
  const v = new Date(t.getTime() + 7 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}`;
}

export function formatWait(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} phút`;
  return `${Math.floor(m / 60)} giờ ${m % 60} phút`;
}

/** The wait as the slip says it: the range where there is one ("khoảng 12–18 phút"), else the figure. */
export function formatWaitOf(t: Pick<PrintableTicket, 'estimatedWaitMinutes' | 'estimatedWaitLowMinutes' | 'estimatedWaitHighMinutes'>): string | null {
  const lo = t.estimatedWaitLowMinutes;
  const hi = t.estimatedWaitHighMinutes;
  if (typeof lo === 'number' && typeof hi === 'number' && hi > lo) {
    const l = Math.max(0, Math.round(lo));
    const h = Math.max(l, Math.round(hi));
    return h < 60 ? `khoảng ${l}–${h} phút` : `khoảng ${formatWait(l)} – ${formatWait(h)}`;
  }
  return t.estimatedWaitMinutes === null ? null : formatWait(t.estimatedWaitMinutes);
}

/** A line of a slip. Texts are NFC so both paths (code page and raster) start from the same characters. */
const text = (s: string, style: TextStyle, align: 'left' | 'center' = 'center'): LayoutBlock => ({
  kind: 'text',
  text: s.normalize('NFC'),
  style,
  align,
});

/** The ticket, top to bottom. */
export function ticketLayout(t: PrintableTicket): LayoutBlock[] {
  const blocks: LayoutBlock[] = [
    text(t.centerName.toLocaleUpperCase('vi'), 'bold'),
    text(t.serviceName, 'normal'),
    { kind: 'feed', lines: 1 },
    text('SỐ THỨ TỰ', 'normal'),
    text(t.number, 'huge'),
  ];
  if (t.priorityName) blocks.push(text(`» Ưu tiên: ${t.priorityName} «`, 'large'));
  blocks.push(
    { kind: 'feed', lines: 1 },
    text(`Số người chờ trước quý vị: ${Math.max(0, t.peopleAhead)}`, 'normal', 'left'),
    ...(formatWaitOf(t) === null ? [] : [text(`Thời gian chờ dự kiến: ${formatWaitOf(t)}`, 'normal', 'left')]),
    text(`Giờ lấy số: ${formatIssuedAt(t.issuedAt)}`, 'normal', 'left'),
    ...(t.missing?.length ? [{ kind: 'feed', lines: 1 } as const, text('Giấy tờ còn thiếu:', 'bold', 'left'), ...t.missing.map((m) => text(`- ${m}`, 'normal', 'left'))] : []),
    { kind: 'feed', lines: 1 },
    { kind: 'qr', data: t.statusUrl },
    text(t.note ?? DEFAULT_NOTE, 'normal'),
  );
  return blocks;
}

/** A booking made at the kiosk, to carry home: the code to type at check-in, the field, the day and time. */
export type PrintableBooking = {
  code: string;
  centerName: string;
  serviceName: string;
  /** dd/MM/yyyy */
  date: string;
  /** HH:mm */
  time: string;
  /** What the QR holds (the same plain text the kiosk's screen shows as a QR). */
  qr: string;
  note?: string;
};

export const DEFAULT_BOOKING_NOTE = 'Khi đến, chọn "Có lịch hẹn" trên kiosk và nhập mã để nhận số.';

/** The booking slip, top to bottom; the same two text modes print it as they print a ticket. */
export function bookingLayout(b: PrintableBooking): LayoutBlock[] {
  return [
    text(b.centerName.toLocaleUpperCase('vi'), 'bold'),
    text('PHIẾU HẸN', 'large'),
    text(b.serviceName, 'normal'),
    { kind: 'feed', lines: 1 },
    text('MÃ LỊCH HẸN', 'normal'),
    text(b.code, 'huge'),
    { kind: 'feed', lines: 1 },
    text(`Ngày: ${b.date}`, 'bold', 'left'),
    text(`Giờ: ${b.time}`, 'bold', 'left'),
    { kind: 'feed', lines: 1 },
    { kind: 'qr', data: b.qr },
    text(b.note ?? DEFAULT_BOOKING_NOTE, 'normal'),
  ];
}
