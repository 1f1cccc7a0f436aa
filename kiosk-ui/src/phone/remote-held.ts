// The numbers from the phone this phone holds and has not checked in yet (issue 17.1): kept in the
// browser when their page shows "chưa đến", so that the entrance's QR (/q/here?e=…), opened by the
// phone's camera app in a new tab, knows which number to check in. Ids, keys and numbers only:
// no personal data.
export interface HeldTicket {
  id: string;
  k: string;
  number: string;
}

const KEY = 'motcua.remote-held';
/** A phone holds a few at most (one per field). */
const MAX = 6;

function read(): HeldTicket[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is HeldTicket => typeof x?.id === 'string' && typeof x?.k === 'string' && typeof x?.number === 'string') : [];
  } catch {
    return [];
  }
}

function write(list: HeldTicket[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(-MAX)));
  } catch {
    // storage off (private mode): the phone types the code on the number's page instead
  }
}

export const heldTickets = (): HeldTicket[] => read();

export function holdTicket(t: HeldTicket): void {
  write([...read().filter((x) => x.id !== t.id), t]);
}

export function releaseTicket(id: string): void {
  write(read().filter((x) => x.id !== id));
}

/** The six digits of an entrance code typed with spaces or dashes; null when it is not one. */
export function entranceDigits(raw: string): string | null {
  const d = raw.replace(/[\s.-]/g, '');
  return /^[0-9]{6}$/.test(d) ? d : null;
}
