// Daily ticket numbers. The sequence itself lives in the store (one counter per
// day and service, bumped in the same transaction as the insert); this file
// only says how a sequence becomes the number people see and hear.
export interface TicketFormat {
  digits: number;
  pattern: string;
}

export function formatTicketNumber(prefix: string, seq: number, format: TicketFormat): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`sequence must be a positive integer, got ${seq}`);
  const padded = String(seq).padStart(format.digits, '0');
  return format.pattern.replaceAll('{prefix}', prefix).replaceAll('{seq}', padded);
}
