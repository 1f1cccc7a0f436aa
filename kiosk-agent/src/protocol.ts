/**
 * The WebSocket protocol between the kiosk UI and this agent (ws://127.0.0.1:8181/ws), JSON:
 *
 * kiosk → agent  { type: 'print', requestId, ticket: PrintableTicket }
 * agent → kiosk  { type: 'print.result', requestId, ok, error?: { code: 'paper_out'|'cover_open'|'offline'|'failed', message } }
 * kiosk → agent  { type: 'status' }
 * agent → kiosk  { type: 'status', parts: PartStatus[] }      (also pushed on every change)
 * agent → kiosk  { type: 'scan', source: 'qr'|'mrz'|'barcode', raw, cccd: {...} | null, error: {...} | null }
 * agent → kiosk  { type: 'error', error: { code: 'bad_message', message } }   (a message it could not use)
 *
 * Checked by hand rather than with a schema library: two message shapes do not justify the
 * memory a validator costs on a kiosk PC.
 */
import type { PrintableTicket } from '@mot-cua/hardware/printer/ticket.ts';

export type Inbound = { type: 'print'; requestId: string; ticket: PrintableTicket } | { type: 'status' };

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
    str(t.issuedAt, 40, 1) &&
    str(t.statusUrl, 500, 1) &&
    (t.note === undefined || str(t.note, 500));
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
  return ticket;
}

export function parseInbound(m: unknown): Inbound | null {
  if (!isObj(m)) return null;
  if (m.type === 'status') return { type: 'status' };
  if (m.type !== 'print' || !str(m.requestId, 100, 1)) return null;
  const ticket = parseTicket(m.ticket);
  return ticket ? { type: 'print', requestId: m.requestId, ticket } : null;
}
