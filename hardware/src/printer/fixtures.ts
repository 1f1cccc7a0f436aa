import type { PrintableTicket } from './ticket.ts';

/** A ticket with every kind of Vietnamese letter the printers must get right. */
export const SAMPLE_TICKET: PrintableTicket = {
  id: '01JD3Z8Q4M6TK2',
  number: 'A1023',
  centerName: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh',
  serviceName: 'Đất đai – Cấp giấy chứng nhận quyền sử dụng đất',
  priorityName: 'Người cao tuổi',
  peopleAhead: 7,
  estimatedWaitMinutes: 95,
  issuedAt: '2026-11-22T02:05:00Z',
  statusUrl: 'http://127.0.0.1:8080/t/01JD3Z8Q4M6TK2',
  note: 'Quý khách vui lòng giữ phiếu; ưu tiên người khuyết tật, phụ nữ mang thai. Ỷ Ữ ẵ ặ ỗ ợ ự ỹ Đ',
};
