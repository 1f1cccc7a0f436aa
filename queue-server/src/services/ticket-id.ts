// Ticket ids: 9 random bytes, 12 URL-safe characters (the phone page's address).
import { randomFillSync } from 'node:crypto';

/** Random bytes for ticket ids, drawn from the system in blocks (one call per 256 tickets, not one each). */
const idPool = Buffer.allocUnsafe(9 * 256);
let idAt = idPool.length;

export function newTicketId(): string {
  if (idAt === idPool.length) {
    randomFillSync(idPool);
    idAt = 0;
  }
  idAt += 9;
  return idPool.toString('base64url', idAt - 9, idAt);
}
