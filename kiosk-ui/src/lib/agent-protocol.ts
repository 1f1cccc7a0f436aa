// Messages between the kiosk UI and the kiosk agent (local WebSocket).
export interface PrintTicket {
  id: string; number: string; centerName: string; serviceName: string; priorityName: string | null;
  peopleAhead: number; estimatedWaitMinutes: number | null; issuedAt: string; statusUrl: string;
}
export type PrintErrorCode = 'paper_out' | 'cover_open' | 'offline' | 'failed';
export interface PrintResult { ok: boolean; error?: { code: PrintErrorCode; message: string } }
export interface Cccd { fullName: string; age: number; dateOfBirth: string; gender: string; idLast4: string }
export interface ScanMessage {
  type: 'scan'; source: 'qr' | 'mrz' | 'barcode'; raw: string; cccd: Cccd | null; error: { code: string; message: string } | null;
}
export interface StatusMessage { type: 'status'; parts: { id: string; kind: string; status: string; detail?: string }[] }
export type AgentMessage =
  | ScanMessage
  | StatusMessage
  | ({ type: 'print.result'; requestId: string } & PrintResult);

export function parseAgentMessage(data: unknown): AgentMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const m = JSON.parse(data) as { type?: unknown };
    if (m && (m.type === 'scan' || m.type === 'status' || m.type === 'print.result')) return m as AgentMessage;
  } catch {
    // not JSON: ignore, the agent speaks JSON only
  }
  return null;
}
