/**
 * Turns one scan into what the kiosk needs: a CCCD QR, a CCCD MRZ or some other barcode.
 * Pure (no Node APIs) so the kiosk UI can use it for keyboard-wedge scanners too.
 * The full ID number is never part of the event; the kiosk forwards `raw` to the server only.
 */
import { parseCccdQr } from '../cccd/qr.ts';
import { parseMrzTd1 } from '../cccd/mrz.ts';

/** `chip`: the CCCD's chip, read by a PC/SC reader (kiosk-agent/src/chip.ts); `raw` is then in the QR's format. */
export type ScanSource = 'qr' | 'mrz' | 'barcode' | 'chip';

export type CccdSummary = {
  fullName: string;
  age: number;
  dateOfBirth: string;
  gender: 'Nam' | 'Nữ';
  idLast4: string;
};

export type ScanEvent = {
  type: 'scan';
  source: ScanSource;
  raw: string;
  cccd: CccdSummary | null;
  error: { code: string; message: string } | null;
};

function looksLikeMrz(s: string): boolean {
  const lines = s.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  return (lines.length === 3 || s.replace(/\s/g, '').length === 90) && /<</.test(s) && /^[A-Za-z0-9<\s]+$/.test(s);
}

function looksLikeCccdQr(s: string): boolean {
  return (s.match(/\|/g)?.length ?? 0) >= 4;
}

export function classifyScan(raw: string, today: Date = new Date()): ScanEvent {
  const text = raw.replace(/^[\r\n]+|[\r\n]+$/g, '');
  if (looksLikeMrz(text)) {
    const r = parseMrzTd1(text, today);
    if (!r.ok) return { type: 'scan', source: 'mrz', raw: text, cccd: null, error: r.error };
    const v = r.value;
    const id = v.idNumber ?? v.documentNumber;
    return {
      type: 'scan',
      source: 'mrz',
      raw: text,
      cccd: { fullName: v.fullName, age: v.age, dateOfBirth: v.dateOfBirth, gender: v.gender, idLast4: id.slice(-4) },
      error: null,
    };
  }
  if (looksLikeCccdQr(text)) {
    const r = parseCccdQr(text, today);
    if (!r.ok) return { type: 'scan', source: 'qr', raw: text, cccd: null, error: r.error };
    const v = r.value;
    return {
      type: 'scan',
      source: 'qr',
      raw: text,
      cccd: { fullName: v.fullName, age: v.age, dateOfBirth: v.dateOfBirth, gender: v.gender, idLast4: v.idNumber.slice(-4) },
      error: null,
    };
  }
  if (text.trim() === '') {
    return {
      type: 'scan',
      source: 'barcode',
      raw: text,
      cccd: null,
      error: { code: 'empty', message: 'Không đọc được mã, vui lòng quét lại / Nothing was scanned, please scan again' },
    };
  }
  return { type: 'scan', source: 'barcode', raw: text, cccd: null, error: null };
}

/** For logs: never the full ID number or name. */
export function redactScan(e: ScanEvent): string {
  // Nothing of the chip's content in logs, not even the last digits.
  if (e.source === 'chip') return `chip ${e.error ? `error=${e.error.code}` : e.cccd ? 'read' : 'empty'}`;
  return `${e.source} ${e.error ? `error=${e.error.code}` : e.cccd ? `cccd ****${e.cccd.idLast4}` : `barcode len=${e.raw.length}`}`;
}
