// A visit is one or more transactions under one number: a transfer closes a
// ticket and opens the next one (its id in `transferredTo`). The phone page and
// the rating follow a scanned or linked ticket to the visit's current one.
import type { Ticket } from './types.ts';

/** Past this many hops something is wrong; stop where we are rather than loop. */
const MAX_HOPS = 20;

export async function currentTransaction(first: Ticket, get: (id: string) => Promise<Ticket>): Promise<Ticket> {
  let t = first;
  for (let hops = 0; t.transferredTo && hops < MAX_HOPS; hops++) t = await get(t.transferredTo);
  return t;
}
