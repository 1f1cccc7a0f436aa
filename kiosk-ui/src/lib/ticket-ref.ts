// A scanned ticket QR holds its status URL (…/t/<id>, maybe ?lang=…); pull the id out of it.
export function ticketIdFromScan(raw: string): string | null {
  const m = /\/t\/([A-Za-z0-9_-]+)\/?(?:\?[^\s/]*)?\s*$/.exec(raw.trim());
  return m?.[1] ?? null;
}

/**
 * The visit's rating key a slip's QR carries (`?k=` of its status URL): what shows the
 * server that whoever rates holds the slip. A typed number has none.
 */
export function ratingKeyFromScan(raw: string): string | null {
  const m = /\/t\/[A-Za-z0-9_-]+\/?\?(\S*)\s*$/.exec(raw.trim());
  const k = m ? new URLSearchParams(m[1]).get('k') : null;
  return k && /^[A-Za-z0-9_-]{1,64}$/.test(k) ? k : null;
}

/** Ticket numbers as typed: spaces dropped, letters upper-case ("a 001" → "A001"). */
export function normalizeTicketNumber(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

/** The status URL a ticket's QR carries: the phone page opens in the language the ticket was taken in. */
export function followUrl(statusUrl: string, lang: 'vi' | 'en'): string {
  const u = new URL(statusUrl);
  u.searchParams.set('lang', lang);
  return u.toString();
}
