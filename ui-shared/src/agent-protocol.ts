/**
 * The WebSocket protocol between the kiosk UI and its kiosk agent
 * (ws://127.0.0.1:8181/ws), JSON, one module for both ends:
 *
 * kiosk → agent  { type: 'print', requestId, ticket: PrintableTicket }
 * kiosk → agent  { type: 'print.booking', requestId, booking: PrintableBooking }   (a booking slip; same print.result)
 * agent → kiosk  { type: 'print.result', requestId, ok, error?: { code: 'paper_out'|'cover_open'|'offline'|'failed', message } }
 * kiosk → agent  { type: 'status' }
 * kiosk → agent  { type: 'chip.key', documentNumber, dateOfBirth, dateOfExpiry }   (the BAC access key typed from the
 *                card: document number 9 characters, dates YYMMDD; the agent keeps it in memory for the next card laid
 *                on its chip readers and never logs it; the read's outcome comes as a `scan` from source `chip`)
 * agent → kiosk  { type: 'status', parts: PartStatus[] }      (also pushed on every change)
 * agent → kiosk  { type: 'scan', source: 'qr'|'mrz'|'barcode'|'chip', raw, cccd: {...} | null, error: {...} | null }
 *                (chip: the CCCD chip read; raw in the QR's layout, error.code wrong_key|torn_read|tampered|unsupported_card|mrz_mismatch|no_key)
 * agent → kiosk  { type: 'error', error: { code: 'bad_message', message } }   (a message it could not use)
 *
 * The agent checks what it is sent by hand rather than with a schema library: two
 * message shapes do not justify the memory a validator costs on a kiosk PC. The
 * kiosk trusts its own agent's shapes and only sorts them by type. The types come
 * from the drivers (type-only: the kiosk bundle gets no driver code).
 */
import type { PartStatus } from '@mot-cua/hardware/device.ts';
import type { PrintableBooking, PrintableTicket } from '@mot-cua/hardware/printer/ticket.ts';
import type { PrintResult } from '@mot-cua/hardware/printer/printer.ts';
import type { CccdSummary, ScanEvent } from '@mot-cua/hardware/scanner/classify.ts';

export type { CccdSummary, PartStatus, PrintableBooking, PrintableTicket, PrintResult, ScanEvent };
/** Why a print failed, as the kiosk tells the citizen. */
export type PrintFailure = Extract<PrintResult, { ok: false }>['error'];

export type KioskMessage =
  | { type: 'print'; requestId: string; ticket: PrintableTicket }
  | { type: 'print.booking'; requestId: string; booking: PrintableBooking }
  | { type: 'status' }
  | ({ type: 'chip.key' } & ChipKey);

/** The three fields of the BAC access key, as on the MRZ: the document number, birth and expiry dates (YYMMDD). */
export interface ChipKey {
  documentNumber: string;
  dateOfBirth: string;
  dateOfExpiry: string;
}

/** A YYMMDD date that exists (any century: the chip only compares the digits). */
export function isYymmdd(x: unknown): x is string {
  if (typeof x !== 'string' || !/^\d{6}$/.test(x)) return false;
  const [yy, mm, dd] = [x.slice(0, 2), x.slice(2, 4), x.slice(4, 6)].map(Number) as [number, number, number];
  // 2000 is a leap year and stands for any yy = 00 here; other years by their last two digits
  const days = new Date(Date.UTC(2000 + yy, mm, 0)).getUTCDate();
  return mm >= 1 && mm <= 12 && dd >= 1 && dd <= days;
}

/** The agent's check of a typed access key: an MRZ document number (A–Z, 0–9, up to 9 here) and two real dates. */
export function parseChipKey(m: Record<string, unknown>): ChipKey | null {
  const { documentNumber, dateOfBirth, dateOfExpiry } = m;
  if (typeof documentNumber !== 'string' || !/^[0-9A-Z]{1,9}$/.test(documentNumber)) return null;
  if (!isYymmdd(dateOfBirth) || !isYymmdd(dateOfExpiry)) return null;
  return { documentNumber, dateOfBirth, dateOfExpiry };
}

export type AgentMessage =
  | ScanEvent
  | { type: 'status'; parts: PartStatus[] }
  | ({ type: 'print.result'; requestId: string } & PrintResult)
  | { type: 'error'; error: { code: 'bad_message'; message: string } };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown, max: number, min = 0): x is string => typeof x === 'string' && x.length >= min && x.length <= max;
const count = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

export function parseTicket(t: unknown): PrintableTicket | null {
  if (!isObj(t)) return null;
  const ok =
    str(t.id, 100, 1) &&
    str(t.number, 20, 1) &&
    str(t.centerName, 300) &&
    str(t.serviceName, 300) &&
    (t.priorityName === null || str(t.priorityName, 200)) &&
    count(t.peopleAhead) &&
    Number.isInteger(t.peopleAhead) &&
    (t.estimatedWaitMinutes === null || count(t.estimatedWaitMinutes)) &&
    (t.estimatedWaitLowMinutes === undefined || t.estimatedWaitLowMinutes === null || count(t.estimatedWaitLowMinutes)) &&
    (t.estimatedWaitHighMinutes === undefined || t.estimatedWaitHighMinutes === null || count(t.estimatedWaitHighMinutes)) &&
    str(t.issuedAt, 40, 1) &&
    str(t.statusUrl, 500, 1) &&
    (t.note === undefined || str(t.note, 500)) &&
    (t.missing === undefined || (Array.isArray(t.missing) && t.missing.length <= 20 && t.missing.every((m) => str(m, 500, 1))));
  if (!ok) return null;
  const ticket: PrintableTicket = {
    id: t.id as string,
    number: t.number as string,
    centerName: t.centerName as string,
    serviceName: t.serviceName as string,
    priorityName: t.priorityName as string | null,
    peopleAhead: t.peopleAhead as number,
    estimatedWaitMinutes: t.estimatedWaitMinutes as number | null,
    issuedAt: t.issuedAt as string,
    statusUrl: t.statusUrl as string,
  };
  if (t.note !== undefined) ticket.note = t.note as string;
  if (Array.isArray(t.missing) && t.missing.length) ticket.missing = t.missing as string[];
  if (typeof t.estimatedWaitLowMinutes === 'number' && typeof t.estimatedWaitHighMinutes === 'number') {
    ticket.estimatedWaitLowMinutes = t.estimatedWaitLowMinutes;
    ticket.estimatedWaitHighMinutes = t.estimatedWaitHighMinutes;
  }
  return ticket;
}

export function parseBooking(b: unknown): PrintableBooking | null {
  if (!isObj(b)) return null;
  const ok =
    str(b.code, 20, 1) &&
    str(b.centerName, 300) &&
    str(b.serviceName, 300) &&
    typeof b.date === 'string' &&
    /^\d{2}\/\d{2}\/\d{4}$/.test(b.date) &&
    typeof b.time === 'string' &&
    /^\d{2}:\d{2}$/.test(b.time) &&
    str(b.qr, 500, 1) &&
    (b.note === undefined || str(b.note, 500));
  if (!ok) return null;
  const booking: PrintableBooking = { code: b.code as string, centerName: b.centerName as string, serviceName: b.serviceName as string, date: b.date as string, time: b.time as string, qr: b.qr as string };
  if (b.note !== undefined) booking.note = b.note as string;
  return booking;
}

/** The agent's side: a message from the kiosk, checked field by field, or null. */
export function parseKioskMessage(m: unknown): KioskMessage | null {
  if (!isObj(m)) return null;
  if (m.type === 'status') return { type: 'status' };
  if (m.type === 'chip.key') {
    const key = parseChipKey(m);
    return key ? { type: 'chip.key', ...key } : null;
  }
  if (m.type === 'print.booking' && str(m.requestId, 100, 1)) {
    const booking = parseBooking(m.booking);
    return booking ? { type: 'print.booking', requestId: m.requestId, booking } : null;
  }
  if (m.type !== 'print' || !str(m.requestId, 100, 1)) return null;
  const ticket = parseTicket(m.ticket);
  return ticket ? { type: 'print', requestId: m.requestId, ticket } : null;
}

/** The kiosk's side: a WebSocket frame from the agent, or null for anything it does not use. */
export function parseAgentMessage(data: unknown): AgentMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const m = JSON.parse(data) as { type?: unknown };
    if (m && (m.type === 'scan' || m.type === 'status' || m.type === 'print.result' || m.type === 'error')) return m as AgentMessage;
  } catch {
    // not JSON: ignore, the agent speaks JSON only
  }
  return null;
}
