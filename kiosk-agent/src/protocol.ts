/**
 * The WebSocket protocol between the kiosk UI and this agent (ws://127.0.0.1:8181/ws), JSON:
 *
 * kiosk → agent  { type: 'print', requestId, ticket: PrintableTicket }
 * agent → kiosk  { type: 'print.result', requestId, ok, error?: { code: 'paper_out'|'cover_open'|'offline'|'failed', message } }
 * kiosk → agent  { type: 'status' }
 * agent → kiosk  { type: 'status', parts: PartStatus[] }      (also pushed on every change)
 * agent → kiosk  { type: 'scan', source: 'qr'|'mrz'|'barcode', raw, cccd: {...} | null, error: {...} | null }
 * agent → kiosk  { type: 'error', error: { code: 'bad_message', message } }   (a message it could not use)
 */
import { z } from 'zod';

export const printableTicketSchema = z.object({
  id: z.string().min(1).max(100),
  number: z.string().min(1).max(20),
  centerName: z.string().max(300),
  serviceName: z.string().max(300),
  priorityName: z.string().max(200).nullable(),
  peopleAhead: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().nonnegative(),
  issuedAt: z.string().min(1).max(40),
  statusUrl: z.string().min(1).max(500),
  note: z.string().max(500).optional(),
});

export const inboundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('print'), requestId: z.string().min(1).max(100), ticket: printableTicketSchema }),
  z.object({ type: z.literal('status') }),
]);

export type Inbound = z.infer<typeof inboundSchema>;
