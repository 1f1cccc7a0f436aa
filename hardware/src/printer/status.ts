/**
 * Printer state from the DLE EOT real-time status bytes (Epson ESC/POS):
 * n=1 bit 3 offline; n=2 bit 2 cover open, bit 5 stopped for paper end, bit 6 error;
 * n=4 bits 5–6 paper roll end. Bits 1 and 4 are always set, bits 0 and 7 always clear.
 */

export type PrinterState = 'ok' | 'paper_out' | 'cover_open' | 'offline';

export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

export function stateFromStatus(s: { printer: number | null; offlineCause: number | null; paper: number | null }): PrinterState {
  if (s.printer === null || !isStatusByte(s.printer)) return 'offline';
  if (s.paper !== null && (s.paper & 0x60) === 0x60) return 'paper_out';
  if (s.offlineCause !== null && (s.offlineCause & 0x20)) return 'paper_out';
  if (s.offlineCause !== null && (s.offlineCause & 0x04)) return 'cover_open';
  if (s.printer & 0x08) return 'offline';
  return 'ok';
}

/** The bytes a printer in `state` answers; the virtual printer uses these. */
export function statusBytes(state: PrinterState, n: number): number {
  const base = 0x12;
  const stopped = state === 'paper_out' || state === 'cover_open';
  switch (n) {
    case 1:
      return base | (stopped ? 0x08 : 0);
    case 2:
      return base | (state === 'cover_open' ? 0x04 : 0) | (state === 'paper_out' ? 0x20 : 0);
    case 4:
      return base | (state === 'paper_out' ? 0x60 : 0);
    default:
      return base;
  }
}

export const STATE_MESSAGES: Record<Exclude<PrinterState, 'ok'> | 'failed', string> = {
  paper_out: 'Máy in hết giấy, vui lòng báo cán bộ / The printer is out of paper, please tell staff',
  cover_open: 'Nắp máy in đang mở / The printer cover is open',
  offline: 'Máy in không kết nối / The printer is offline',
  failed: 'In phiếu không thành công / Printing failed',
};
