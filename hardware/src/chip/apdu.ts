/** Command and response APDUs (ISO/IEC 7816-4) and the one transport every reader and the simulator implement. */

/** Sends one command APDU and resolves with the card's response (data || SW1 SW2). Rejects when the card or reader is gone. */
export interface ApduTransport {
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
}

export type Command = { cla: number; ins: number; p1: number; p2: number; data?: Uint8Array; le?: number };
export type Response = { data: Buffer; sw: number };

export const SW = {
  OK: 0x9000,
  AUTH_FAILED: 0x6300,
  SECURITY_NOT_SATISFIED: 0x6982,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  SM_MISSING: 0x6987,
  SM_INCORRECT: 0x6988,
  FILE_NOT_FOUND: 0x6a82,
  WRONG_P1P2: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
  WRONG_LENGTH: 0x6700,
} as const;

/** Short APDU encoding (case 1–4). */
export function encodeCommand(c: Command): Buffer {
  const parts: Buffer[] = [Buffer.from([c.cla, c.ins, c.p1, c.p2])];
  if (c.data && c.data.length) parts.push(Buffer.from([c.data.length]), Buffer.from(c.data));
  if (c.le !== undefined) parts.push(Buffer.from([c.le & 0xff]));
  return Buffer.concat(parts);
}

export function decodeCommand(apdu: Uint8Array): Command | null {
  if (apdu.length < 4) return null;
  const [cla, ins, p1, p2] = apdu as unknown as [number, number, number, number];
  const c: Command = { cla, ins, p1, p2 };
  if (apdu.length === 4) return c;
  if (apdu.length === 5) return { ...c, le: apdu[4]! };
  const lc = apdu[4]!;
  if (apdu.length === 5 + lc) return { ...c, data: apdu.subarray(5, 5 + lc) };
  if (apdu.length === 6 + lc) return { ...c, data: apdu.subarray(5, 5 + lc), le: apdu[5 + lc]! };
  return null;
}

export function decodeResponse(r: Uint8Array): Response {
  if (r.length < 2) return { data: Buffer.alloc(0), sw: 0x6f00 };
  return { data: Buffer.from(r.subarray(0, r.length - 2)), sw: (r[r.length - 2]! << 8) | r[r.length - 1]! };
}

export function swHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}
